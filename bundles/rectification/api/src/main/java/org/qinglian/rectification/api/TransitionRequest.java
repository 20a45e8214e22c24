package org.qinglian.rectification.api;

/**
 * A transition to make.
 *
 * @param action the transition
 * @param note why: required for REJECT, CLOSE (the verification note), LONG_TERM, RECHECK and REOPEN
 */
public record TransitionRequest(Action action, String note) {
}
