package org.qinglian.platform.api;

import java.util.List;

/** Input that breaks a rule: 400, naming every field at fault. */
public class ValidationException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldViolation> violations) {
        super(400, "validation", "problem.validation", violations);
    }

    public ValidationException(String field, String messageKey, Object... args) {
        this(List.of(new FieldViolation(field, messageKey, args)));
    }
}
