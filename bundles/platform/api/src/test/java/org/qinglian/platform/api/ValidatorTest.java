package org.qinglian.platform.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

public class ValidatorTest {

    private static List<String> violations(Validator v) {
        ValidationException e = assertThrows(ValidationException.class, v::throwIfInvalid);
        return e.getViolations().stream().map(x -> x.getField() + ":" + x.getMessageKey())
                .collect(Collectors.toList());
    }

    private static void assertValid(Validator v) {
        assertTrue(v.isValid());
        v.throwIfInvalid();
    }

    @Test
    public void requiredRefusesNullAndBlankText() {
        assertEquals(List.of("a:validation.required", "b:validation.required", "c:validation.required"),
                violations(new Validator().required("a", null).required("b", "").required("c", " \t\n")));
        assertValid(new Validator().required("a", "x").required("b", 0).required("c", List.of()));
        // the ideographic (full-width) space a Chinese input method types is blank too
        assertEquals(List.of("a:validation.required"), violations(new Validator().required("a", "\u3000\u3000")));
    }

    @Test
    public void maxLengthCountsCharactersNotUtf16Units() {
        assertValid(new Validator().maxLength("name", "纪".repeat(5), 5).maxLength("n", null, 0));
        assertValid(new Validator().maxLength("name", "𠀀".repeat(5), 5));
        assertEquals(List.of("name:validation.tooLong"), violations(new Validator().maxLength("name", "𠀀".repeat(6), 5)));
        ValidationException e = assertThrows(ValidationException.class,
                () -> new Validator().maxLength("name", "abcdef", 5).throwIfInvalid());
        assertArrayEquals(new Object[] {5}, e.getViolations().get(0).getArgs());
    }

    @Test
    public void textIsRequiredAndBounded() {
        assertEquals(List.of("t:validation.required"), violations(new Validator().text("t", null, 3)));
        assertEquals(List.of("t:validation.required"), violations(new Validator().text("t", "  ", 3)));
        assertEquals(List.of("t:validation.tooLong"), violations(new Validator().text("t", "abcd", 3)));
        assertValid(new Validator().text("t", "abc", 3));
    }

    @Test
    public void codesAreLettersDigitsDotDashAndUnderscore() {
        assertValid(new Validator().code("c", "JW-01.a_b", 32).code("c", null, 32).code("c", "", 32).code("c", "7", 1));
        assertEquals(List.of("c:validation.code"), violations(new Validator().code("c", "-abc", 32)));
        assertEquals(List.of("c:validation.code"), violations(new Validator().code("c", "a b", 32)));
        assertEquals(List.of("c:validation.code"), violations(new Validator().code("c", "纪委", 32)));
        assertEquals(List.of("c:validation.code"), violations(new Validator().code("c", "a/b", 32)));
        assertEquals(List.of("c:validation.tooLong"), violations(new Validator().code("c", "a".repeat(33), 32)));
        assertEquals(List.of("c:validation.tooLong", "c:validation.code"),
                violations(new Validator().code("c", "_".repeat(33), 32)));
    }

    @Test
    public void rejectRecordsTheCallersRuleWithArguments() {
        Validator v = new Validator().reject("validTo", "validation.endBeforeStart").reject("n", "validation.min", 0);
        assertFalse(v.isValid());
        ValidationException e = assertThrows(ValidationException.class, v::throwIfInvalid);
        assertEquals("validTo", e.getViolations().get(0).getField());
        assertArrayEquals(new Object[0], e.getViolations().get(0).getArgs());
        assertArrayEquals(new Object[] {0}, e.getViolations().get(1).getArgs());
    }

    @Test
    public void everyViolationIsReportedInOrderAsOne400() {
        ValidationException e = assertThrows(ValidationException.class, () -> new Validator()
                .text("name", null, 10)
                .code("code", "a b", 10)
                .required("kind", null)
                .throwIfInvalid());
        assertEquals(400, e.getStatus());
        assertEquals("validation", e.getType());
        assertEquals("problem.validation", e.getMessageKey());
        assertEquals(List.of("name", "code", "kind"),
                e.getViolations().stream().map(FieldViolation::getField).collect(Collectors.toList()));
        assertThrows(UnsupportedOperationException.class, () -> e.getViolations().clear());
    }

    @Test
    public void aValidValidatorThrowsNothing() {
        Validator v = new Validator();
        assertTrue(v.isValid());
        v.throwIfInvalid();
        v.text("name", "东区纪委", 100).code("code", "DQ", 32).maxLength("short", null, 10);
        assertTrue(v.isValid());
    }

    @Test
    public void violationArgumentsAreCopies() {
        Object[] args = {1, 2};
        FieldViolation v = new FieldViolation("f", "validation.range", args);
        args[0] = 99;
        assertArrayEquals(new Object[] {1, 2}, v.getArgs());
        v.getArgs()[1] = 99;
        assertArrayEquals(new Object[] {1, 2}, v.getArgs());
        assertEquals("f: validation.range[1, 2]", v.toString());
    }
}
