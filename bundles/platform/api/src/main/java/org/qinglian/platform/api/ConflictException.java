package org.qinglian.platform.api;

/** The request is valid but the records' current state refuses it: 409. */
public class ConflictException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String messageKey, Object... args) {
        super(409, "conflict", messageKey, args);
    }
}
