package org.qinglian.platform.api.event;

/** EventAdmin topics of the portal. Payload keys are in {@link EventKeys}; every value is text. */
public final class Topics {

    /** Prefix of every topic. */
    public static final String PREFIX = "qinglian/";

    /**
     * The organisation changed: a unit or a supervision relation was created, changed or
     * removed. Sent synchronously within the node, so that cached data scopes are recomputed.
     */
    public static final String PLATFORM_ORGANISATION_CHANGED = "qinglian/platform/organisation/CHANGED";

    /** A problem was registered in the rectification ledger (列单挂账). */
    public static final String RECTIFICATION_PROBLEM_REGISTERED = "qinglian/rectification/problem/REGISTERED";
    /** A problem changed state; {@link EventKeys#FROM} and {@link EventKeys#TO} say how. */
    public static final String RECTIFICATION_PROBLEM_TRANSITION = "qinglian/rectification/problem/TRANSITION";
    /** A problem was verified and closed (对账销号). */
    public static final String RECTIFICATION_PROBLEM_CLOSED = "qinglian/rectification/problem/CLOSED";
    /** A closed problem was reopened after a re-check (回头看). */
    public static final String RECTIFICATION_PROBLEM_REOPENED = "qinglian/rectification/problem/REOPENED";
    /** A measure's deadline is near (yellow). */
    public static final String RECTIFICATION_MEASURE_DUE_SOON = "qinglian/rectification/measure/DUE_SOON";
    /** A measure reached its deadline undone (red). */
    public static final String RECTIFICATION_MEASURE_OVERDUE = "qinglian/rectification/measure/OVERDUE";
    /** A measure is overdue beyond the escalation limit: the supervising unit was told. */
    public static final String RECTIFICATION_MEASURE_ESCALATED = "qinglian/rectification/measure/ESCALATED";
    /** Every rectification topic, for a handler's {@code event.topics}. */
    public static final String RECTIFICATION_ALL = "qinglian/rectification/*";

    /** A talk was planned or proposed (约谈 proposed by the rectification escalation included). */
    public static final String TALKS_TALK_PLANNED = "qinglian/talks/talk/PLANNED";
    /** A talk was held or a letter of inquiry answered and assessed: it happened. */
    public static final String TALKS_TALK_HELD = "qinglian/talks/talk/HELD";
    /** A talk's follow-up requirement (整改要求) was set, with its deadline. */
    public static final String TALKS_FOLLOW_UP_REQUIRED = "qinglian/talks/talk/FOLLOW_UP_REQUIRED";
    /** A talk was closed (办结). */
    public static final String TALKS_TALK_CLOSED = "qinglian/talks/talk/CLOSED";
    /** Every talks topic, for a handler's {@code event.topics}. */
    public static final String TALKS_ALL = "qinglian/talks/*";

    private Topics() {
    }
}
