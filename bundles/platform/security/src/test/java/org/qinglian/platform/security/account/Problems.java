package org.qinglian.platform.security.account;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.function.ThrowingRunnable;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;

/**
 * Assertions on the problems the services throw, including that every message key they use is
 * in both of the platform's message bundles (read from the core bundle's sources, where keys
 * are added, so a key missing from either language fails here).
 */
final class Problems {

    private static final Path I18N = Paths.get("..", "core", "src", "main", "resources", "org", "qinglian", "platform",
            "core", "i18n");
    private static final Properties ZH = load("messages.properties");
    private static final Properties EN = load("messages_en.properties");

    private Problems() {
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        Path file = I18N.resolve(name);
        try (InputStream in = Files.exists(file) ? Files.newInputStream(file)
                : Problems.class.getResourceAsStream("/org/qinglian/platform/core/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    static void assertKnown(String key) {
        assertTrue(key + " missing from messages.properties", ZH.containsKey(key));
        assertTrue(key + " missing from messages_en.properties", EN.containsKey(key));
    }

    static List<String> fields(ProblemException e) {
        return e.getViolations().stream().map(FieldViolation::getField).collect(Collectors.toList());
    }

    static List<String> keys(ProblemException e) {
        return e.getViolations().stream().map(FieldViolation::getMessageKey).collect(Collectors.toList());
    }

    /** Expects a 400 naming exactly these fields (in order), the first with this key. */
    static ValidationException assertInvalid(ThrowingRunnable call, String messageKey, String... fieldsInOrder) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(400, e.getStatus());
        assertEquals(List.of(fieldsInOrder), fields(e));
        assertEquals(messageKey, e.getViolations().get(0).getMessageKey());
        e.getViolations().forEach(v -> assertKnown(v.getMessageKey()));
        return e;
    }

    /** Expects a problem of this status, type and key; its field violations' keys must be known too. */
    static ProblemException assertProblem(ThrowingRunnable call, int status, String type, String messageKey) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(e.toString(), status, e.getStatus());
        assertEquals(type, e.getType());
        assertEquals(messageKey, e.getMessageKey());
        assertKnown(messageKey);
        e.getViolations().forEach(v -> assertKnown(v.getMessageKey()));
        return e;
    }

    /** Expects 403 forbidden problem.grantNotHeld naming exactly these fields. */
    static ProblemException assertNotHeld(ThrowingRunnable call, String... fieldsInOrder) {
        ProblemException e = assertProblem(call, 403, "forbidden", "problem.grantNotHeld");
        assertEquals(List.of(fieldsInOrder), fields(e));
        return e;
    }

    static NotFoundException assertNotFound(ThrowingRunnable call, String kind, Object id) {
        NotFoundException e = assertThrows(NotFoundException.class, call);
        assertEquals(404, e.getStatus());
        assertArrayEquals(new Object[] {"record." + kind, String.valueOf(id)}, e.getArgs());
        assertKnown("record." + kind);
        return e;
    }
}
