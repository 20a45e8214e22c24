package org.qinglian.talks.api;

/** The moves of a talk's lifecycle. */
public enum TalkAction {
    /** PLANNED → HELD (a talk, not a letter): when, where, what was said. */
    HOLD,
    /** PLANNED → SENT (a letter of inquiry): when sent, the reply deadline. */
    SEND,
    /** SENT → REPLIED: the cadre's written reply. */
    RECORD_REPLY,
    /** REPLIED → ASSESSED: whether the reply is credible. */
    ASSESS,
    /** HELD or ASSESSED → FOLLOW_UP_PENDING: the requirement (整改要求) and its deadline. */
    REQUIRE_FOLLOW_UP,
    /** FOLLOW_UP_PENDING → CLOSED: the result of the follow-up. */
    COMPLETE_FOLLOW_UP,
    /** HELD or ASSESSED → CLOSED, nothing to follow up. */
    CLOSE,
    /** PLANNED → CANCELLED, with the reason. */
    CANCEL
}
