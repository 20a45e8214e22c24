package org.qinglian.platform.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.function.ThrowingRunnable;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.core.i18n.MessagesImpl;

/** Assertions on the problems the services throw. */
public final class ProblemAssert {

    private static final MessagesImpl MESSAGES = new MessagesImpl();

    private ProblemAssert() {
    }

    /** The fields a problem names, in order. */
    public static List<String> fields(ProblemException e) {
        return e.getViolations().stream().map(FieldViolation::getField).collect(Collectors.toList());
    }

    /** The one violation of a field; fails if the problem does not name the field exactly once. */
    public static FieldViolation violation(ProblemException e, String field) {
        List<FieldViolation> found = e.getViolations().stream().filter(v -> v.getField().equals(field))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            fail("expected one violation of '" + field + "' but got " + e.getViolations());
        }
        return found.get(0);
    }

    /** Expects a 400 validation problem naming exactly these fields, the first with this key. */
    public static ValidationException assertInvalid(ThrowingRunnable call, String messageKey, String... fieldsInOrder) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(400, e.getStatus());
        assertEquals("validation", e.getType());
        assertEquals("problem.validation", e.getMessageKey());
        assertEquals(List.of(fieldsInOrder), fields(e));
        assertEquals(messageKey, e.getViolations().get(0).getMessageKey());
        assertTrue("message key " + messageKey + " missing from the bundles", MESSAGES.has(messageKey));
        return e;
    }

    /** Expects a 404 for a record kind and id, whose record key exists in the bundles. */
    public static NotFoundException assertNotFound(ThrowingRunnable call, String kind, Object id) {
        NotFoundException e = assertThrows(NotFoundException.class, call);
        assertEquals(404, e.getStatus());
        assertEquals("not-found", e.getType());
        assertEquals("problem.notFound", e.getMessageKey());
        assertArrayEquals(new Object[] {"record." + kind, String.valueOf(id)}, e.getArgs());
        assertTrue("record." + kind + " missing from the bundles", MESSAGES.has("record." + kind));
        return e;
    }

    /** Expects a problem of this exact class, status, type and message key. */
    public static <E extends ProblemException> E assertProblem(Class<E> type, ThrowingRunnable call, int status,
            String problemType, String messageKey) {
        E e = assertThrows(type, call);
        assertEquals(type, e.getClass());
        assertEquals(status, e.getStatus());
        assertEquals(problemType, e.getType());
        assertEquals(messageKey, e.getMessageKey());
        assertTrue(messageKey + " missing from the bundles", MESSAGES.has(messageKey));
        return e;
    }
}
