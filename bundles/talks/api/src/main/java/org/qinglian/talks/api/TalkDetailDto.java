package org.qinglian.talks.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.qinglian.platform.api.attachment.AttachmentDto;

/**
 * A talk with what was said and done, its files, its history and what the caller may do next.
 *
 * @param canRaiseFinding the ledger is installed, the follow-up requirement exists and none was raised yet
 */
public record TalkDetailDto(TalkDto talk, String summary, String statement, String followUp, String followUpResult,
        Instant followUpDoneAt, LocalDate sentOn, String reply, LocalDate repliedOn, Assessment assessment,
        String assessmentNote, List<PersonRef> handlers, List<AttachmentDto> attachments,
        List<TimelineEntryDto> timeline, Set<TalkAction> allowedActions, boolean canRaiseFinding) {
}
