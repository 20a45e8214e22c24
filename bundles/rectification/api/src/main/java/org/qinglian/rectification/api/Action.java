package org.qinglian.rectification.api;

/** The ledger's transitions. */
public enum Action {
    /** REGISTERED → IN_PROGRESS */
    START,
    /** IN_PROGRESS → CLOSURE_REQUESTED (every measure done or long-term, evidence attached) */
    REQUEST_CLOSURE,
    /** CLOSURE_REQUESTED → IN_PROGRESS, by the supervising unit, with a reason */
    REJECT,
    /** CLOSURE_REQUESTED → CLOSED, by the supervising unit, with a verification note */
    CLOSE,
    /** IN_PROGRESS or CLOSURE_REQUESTED → LONG_TERM, by the supervising unit */
    LONG_TERM,
    /** CLOSED or LONG_TERM stays: a re-check (回头看) found the rectification holds */
    RECHECK,
    /** CLOSED or LONG_TERM → IN_PROGRESS: a re-check found the problem came back */
    REOPEN
}
