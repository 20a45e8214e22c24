package org.qinglian.platform.api.rest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.ValidationException;

public class RequestsTest {

    private static FieldViolation invalidParameter(ThrowingRunnable call, String messageKey) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(400, e.getStatus());
        assertEquals(1, e.getViolations().size());
        FieldViolation v = e.getViolations().get(0);
        assertEquals(messageKey, v.getMessageKey());
        return v;
    }

    @Test
    public void ifMatchAcceptsStrongWeakAndBareVersions() {
        assertEquals(3L, Requests.ifMatch("\"3\""));
        assertEquals(3L, Requests.ifMatch("W/\"3\""));
        assertEquals(3L, Requests.ifMatch("3"));
        assertEquals(3L, Requests.ifMatch("  \"3\"  "));
        assertEquals(0L, Requests.ifMatch("\"0\""));
        assertEquals(12345678901L, Requests.ifMatch("\"12345678901\""));
    }

    @Test
    public void aMissingIfMatchIs428() {
        for (String missing : new String[] {null, "", "   "}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Requests.ifMatch(missing));
            assertEquals(ProblemException.class, e.getClass());
            assertEquals(428, e.getStatus());
            assertEquals("precondition-required", e.getType());
            assertEquals("problem.ifMatchRequired", e.getMessageKey());
            assertEquals(1, e.getViolations().size());
            assertEquals("If-Match", e.getViolations().get(0).getField());
            assertEquals(Requests.IF_MATCH, e.getViolations().get(0).getField());
            assertEquals("validation.required", e.getViolations().get(0).getMessageKey());
        }
    }

    @Test
    public void aMalformedIfMatchIs400() {
        for (String garbage : new String[] {"abc", "\"abc\"", "W/", "\"3", "3\"", "*", "\"3\", \"4\"", "\"\"",
                "W/W/\"3\"", "3.0"}) {
            ProblemException e = assertThrows(garbage, ProblemException.class, () -> Requests.ifMatch(garbage));
            assertEquals(garbage, 400, e.getStatus());
            assertEquals("validation", e.getType());
            assertEquals("problem.ifMatchInvalid", e.getMessageKey());
            assertEquals("If-Match", e.getViolations().get(0).getField());
            assertEquals("validation.invalidFormat", e.getViolations().get(0).getMessageKey());
        }
    }

    @Test
    public void integers() {
        assertEquals(Integer.valueOf(12), Requests.integer("page", "12"));
        assertEquals(Integer.valueOf(-3), Requests.integer("page", " -3 "));
        assertNull(Requests.integer("page", null));
        assertNull(Requests.integer("page", " "));
        for (String bad : new String[] {"1.5", "abc", "2147483648", "1e3", "十"}) {
            assertEquals("page", invalidParameter(() -> Requests.integer("page", bad), "validation.integer").getField());
        }
    }

    @Test
    public void uuids() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Requests.uuid("parentId", id.toString()));
        assertEquals(id, Requests.uuid("parentId", " " + id.toString().toUpperCase() + " "));
        assertNull(Requests.uuid("parentId", ""));
        for (String bad : new String[] {"not-a-uuid", "123", id.toString() + "0"}) {
            assertEquals("parentId", invalidParameter(() -> Requests.uuid("parentId", bad), "validation.uuid")
                    .getField());
        }
    }

    @Test
    public void booleans() {
        assertEquals(Boolean.TRUE, Requests.bool("topLeader", "true"));
        assertEquals(Boolean.TRUE, Requests.bool("topLeader", " TRUE "));
        assertEquals(Boolean.FALSE, Requests.bool("topLeader", "False"));
        assertNull(Requests.bool("topLeader", null));
        for (String bad : new String[] {"yes", "1", "t", "是"}) {
            assertEquals("topLeader", invalidParameter(() -> Requests.bool("topLeader", bad), "validation.boolean")
                    .getField());
        }
    }

    @Test
    public void enums() {
        assertEquals(UnitLevel.DISTRICT, Requests.enumValue("level", "DISTRICT", UnitLevel.class));
        assertEquals(UnitLevel.CITY, Requests.enumValue("level", " CITY ", UnitLevel.class));
        assertNull(Requests.enumValue("level", "", UnitLevel.class));
        FieldViolation v = invalidParameter(() -> Requests.enumValue("level", "city", UnitLevel.class),
                "validation.enum");
        assertEquals("level", v.getField());
        assertArrayEquals(new Object[] {"CITY, DISTRICT, TOWNSHIP"}, v.getArgs());
        assertEquals("level", invalidParameter(() -> Requests.enumValue("level", "PROVINCE", UnitLevel.class),
                "validation.enum").getField());
    }

    @Test
    public void dates() {
        assertEquals(LocalDate.of(2026, 1, 31), Requests.date("on", "2026-01-31"));
        assertEquals(LocalDate.of(2024, 2, 29), Requests.date("on", " 2024-02-29 "));
        assertNull(Requests.date("on", null));
        for (String bad : new String[] {"2026-02-30", "2025-02-29", "2026/01/31", "31.01.2026", "2026-1-31", "today"}) {
            assertEquals("on", invalidParameter(() -> Requests.date("on", bad), "validation.date").getField());
        }
    }

    @Test
    public void theViolationListIsTheOnlyOne() {
        ValidationException e = assertThrows(ValidationException.class, () -> Requests.integer("size", "x"));
        assertEquals(List.of("size"), e.getViolations().stream().map(FieldViolation::getField)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals("problem.validation", e.getMessageKey());
    }
}
