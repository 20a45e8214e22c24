package org.qinglian.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the violations of one request, so a caller learns every field at fault at once.
 * Message keys are the shared {@code validation.*} keys of the platform's message bundle.
 */
public final class Validator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Requires a value that is not null (and, for text, not blank). */
    public Validator required(String field, Object value) {
        if (value == null || value instanceof String && ((String) value).isBlank()) {
            violations.add(new FieldViolation(field, "validation.required"));
        }
        return this;
    }

    /** Requires text no longer than {@code max} characters (code points). */
    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            violations.add(new FieldViolation(field, "validation.tooLong", max));
        }
        return this;
    }

    /** Requires a non-blank text of at most {@code max} characters. */
    public Validator text(String field, String value, int max) {
        required(field, value);
        return maxLength(field, value, max);
    }

    /** Requires a code made of letters, digits, dot, dash and underscore, if present. */
    public Validator code(String field, String value, int max) {
        maxLength(field, value, max);
        if (value != null && !value.isEmpty() && !CODE.matcher(value).matches()) {
            violations.add(new FieldViolation(field, "validation.code"));
        }
        return this;
    }

    /** Records a violation found by the caller's own rule. */
    public Validator reject(String field, String messageKey, Object... args) {
        violations.add(new FieldViolation(field, messageKey, args));
        return this;
    }

    /** Whether no violation has been found. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Throws a {@link ValidationException} naming every violation found, if any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
