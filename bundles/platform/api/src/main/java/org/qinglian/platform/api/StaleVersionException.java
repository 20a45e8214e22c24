package org.qinglian.platform.api;

/** The caller edited a version of the record that is no longer current: 412. */
public class StaleVersionException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(long expected, long current) {
        super(412, "stale-version", "problem.staleVersion", expected, current);
    }
}
