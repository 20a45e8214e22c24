package org.qinglian.talks.api;

import java.time.LocalDate;

/**
 * A move of a talk, with what the move needs: {@code HOLD} the date held and a summary, {@code
 * SEND} the date sent and the reply deadline, {@code RECORD_REPLY} the reply, {@code ASSESS} the
 * assessment, {@code REQUIRE_FOLLOW_UP} the requirement and its deadline, {@code
 * COMPLETE_FOLLOW_UP} the result, {@code CANCEL} a note with the reason. Other fields are ignored.
 */
public record TransitionRequest(TalkAction action, String note, LocalDate heldOn, String place, String summary,
        String statement, LocalDate sentOn, LocalDate replyDeadline, String reply, LocalDate repliedOn,
        Assessment assessment, String followUp, LocalDate followUpDeadline, String followUpResult) {

    /** A move that needs nothing but an optional note. */
    public static TransitionRequest of(TalkAction action, String note) {
        return new TransitionRequest(action, note, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
