package org.qinglian.talks.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.qinglian.platform.api.security.Sensitivity;

/**
 * A talk, as a row of the register.
 *
 * @param unitId the owning unit: the unit that conducts the talk
 * @param year the year the talk counts for: of its date held, else of its planned date
 * @param followUpOverdue the follow-up requirement is open past its deadline
 * @param replyOverdue the letter of inquiry is unanswered past its reply deadline
 * @param proposed proposed by another module (an overdue rectification) and not held yet
 * @param sourceRoute the portal route of what caused the proposal, or null
 * @param findingRoute the portal route of the ledger problem its follow-up raised, or null
 */
public record TalkDto(UUID id, long number, TalkKind kind, TalkReason reason, TalkStatus status,
        Sensitivity sensitivity, UUID unitId, String unitName, int year, LocalDate plannedOn, LocalDate heldOn,
        String place, List<SubjectDto> subjects, String subjectNames, List<PersonRef> conductors, PersonRef recorder,
        LocalDate followUpDeadline, boolean followUpOverdue, LocalDate replyDeadline, boolean replyOverdue,
        boolean proposed, String sourceModule, String sourceRoute, String findingRoute, long version,
        Instant createdAt, Instant updatedAt) {
}
