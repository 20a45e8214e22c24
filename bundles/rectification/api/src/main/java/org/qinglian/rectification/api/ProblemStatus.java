package org.qinglian.rectification.api;

/** Where a problem stands in the ledger. Overdue is not a state: it is derived from the measures' deadlines. */
public enum ProblemStatus {
    /** 列单挂账: registered, rectification not begun. */
    REGISTERED,
    /** 整改中 */
    IN_PROGRESS,
    /** 申请销号: the responsible unit asks the supervising unit to verify and close. */
    CLOSURE_REQUESTED,
    /** 对账销号: verified and closed by the supervising unit. */
    CLOSED,
    /** 长期坚持: rectified as far as it can be; its measures go on. */
    LONG_TERM
}
