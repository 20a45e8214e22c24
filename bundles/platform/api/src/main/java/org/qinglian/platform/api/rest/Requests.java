package org.qinglian.platform.api.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;

/**
 * Parsing of request parameters and version headers, shared by every module's resources:
 * query parameters are taken as text and parsed here, so a malformed value answers 400 naming
 * the parameter (JAX-RS itself would answer 404).
 */
public final class Requests {

    /** The header a record's version travels back in on update and delete. */
    public static final String IF_MATCH = "If-Match";

    private Requests() {
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "validation.integer");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "validation.uuid");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw new ValidationException(name, "validation.boolean");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "validation.enum",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "validation.date");
        }
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws ProblemException 428 if the header is missing, 400 if it is not a version's tag
     */
    /**
     * The {@code Content-Disposition} of a download: saved under {@code name} (RFC 5987, any
     * language) by browsers that read it, else under the plain {@code asciiName}.
     */
    public static String attachment(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "precondition-required", "problem.ifMatchRequired",
                    List.of(new FieldViolation(IF_MATCH, "validation.required")));
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "validation", "problem.ifMatchInvalid",
                    List.of(new FieldViolation(IF_MATCH, "validation.invalidFormat")));
        }
    }
}
