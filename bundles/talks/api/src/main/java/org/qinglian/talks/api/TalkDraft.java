package org.qinglian.talks.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.qinglian.platform.api.security.Sensitivity;

/**
 * A talk to plan or record, or the new values of one (its state changes only by transitions).
 *
 * @param sensitivity null for ordinary
 * @param unitId the owning unit, which conducts the talk
 * @param plannedOn when it is planned; required unless {@code heldOn} is given
 * @param heldOn when it was held: a talk recorded afterwards starts as held (and needs a summary)
 * @param subjects the people talked to, 1 to 50
 * @param conductorIds who conduct it (谈话人)
 * @param recorderId who records it (记录人), or null
 * @param handlerIds further people who may read it when it is sensitive (知悉范围)
 * @param followUp the follow-up requirement (整改要求), or null
 * @param replyDeadline the reply deadline of a letter of inquiry, or null
 */
public record TalkDraft(TalkKind kind, TalkReason reason, Sensitivity sensitivity, UUID unitId, LocalDate plannedOn,
        LocalDate heldOn, String place, List<SubjectDraft> subjects, List<UUID> conductorIds, UUID recorderId,
        List<UUID> handlerIds, String summary, String statement, String followUp, LocalDate followUpDeadline,
        LocalDate replyDeadline) {
}
