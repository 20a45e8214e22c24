package org.qinglian.platform.api;

/** The record asked for does not exist, was deleted, or is outside the caller's scope: 404. */
public class NotFoundException extends ProblemException {

    private static final long serialVersionUID = 1L;

    /**
     * @param recordKind message key suffix of the record kind, e.g. {@code unit}
     * @param id the id the caller gave
     */
    public NotFoundException(String recordKind, Object id) {
        super(404, "not-found", "problem.notFound", "record." + recordKind, String.valueOf(id));
    }
}
