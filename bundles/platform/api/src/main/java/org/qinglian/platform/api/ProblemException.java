package org.qinglian.platform.api;

import java.util.List;

/**
 * A failure the caller can act on. It carries an HTTP status, a stable problem type and a
 * message key with arguments; the REST and SOAP runtimes resolve the key in the caller's
 * language, so no user-visible text is built in Java code.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldViolation> violations;

    public ProblemException(int status, String type, String messageKey, Object... args) {
        this(status, type, messageKey, List.of(), args);
    }

    public ProblemException(int status, String type, String messageKey, List<FieldViolation> violations,
            Object... args) {
        super(messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
        this.violations = List.copyOf(violations);
    }

    /** The HTTP status the failure answers with. */
    public int getStatus() {
        return status;
    }

    /** The stable problem type, the last segment of the problem's {@code type} URI. */
    public String getType() {
        return type;
    }

    /** The message key of the problem's detail. */
    public String getMessageKey() {
        return messageKey;
    }

    /** The arguments of the detail's message. */
    public Object[] getArgs() {
        return args.clone();
    }

    /** The fields at fault, if the failure is about input. */
    public List<FieldViolation> getViolations() {
        return violations;
    }
}
