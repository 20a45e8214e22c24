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

    private Topics() {
    }
}
