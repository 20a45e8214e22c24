package org.qinglian.talks.api;

/** How a reply to a letter of inquiry was assessed. */
public enum Assessment {
    /** 属实 */
    CREDIBLE,
    /** 不属实 */
    NOT_CREDIBLE,
    /** 需核实 */
    NEEDS_VERIFICATION
}
