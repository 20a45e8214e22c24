package org.qinglian.platform.api;

import java.util.Arrays;
import java.util.Objects;

/** One field at fault in a request: its name (a JSON path such as {@code positions[0].title}),
 * a message key and the key's arguments. */
public final class FieldViolation {

    private final String field;
    private final String messageKey;
    private final Object[] args;

    public FieldViolation(String field, String messageKey, Object... args) {
        this.field = Objects.requireNonNull(field);
        this.messageKey = Objects.requireNonNull(messageKey);
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String getField() {
        return field;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgs() {
        return args.clone();
    }

    @Override
    public String toString() {
        return field + ": " + messageKey + Arrays.toString(args);
    }
}
