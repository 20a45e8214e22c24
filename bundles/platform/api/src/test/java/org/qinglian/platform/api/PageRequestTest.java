package org.qinglian.platform.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

public class PageRequestTest {

    private static final Set<String> SORTABLE = Set.of("name", "code", "createdAt");

    private static ValidationException invalid(Integer page, Integer size, String sort) {
        ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(page, size, sort, SORTABLE));
        assertEquals(400, e.getStatus());
        assertEquals("problem.validation", e.getMessageKey());
        return e;
    }

    private static List<String> fields(ValidationException e) {
        return e.getViolations().stream().map(FieldViolation::getField).collect(Collectors.toList());
    }

    private static String sort(PageRequest p) {
        return p.getSort().stream().map(s -> (s.isAscending() ? "+" : "-") + s.getField())
                .collect(Collectors.joining(","));
    }

    @Test
    public void defaults() {
        PageRequest p = PageRequest.of(null, null, null, SORTABLE);
        assertEquals(1, p.getPage());
        assertEquals(20, p.getSize());
        assertEquals(PageRequest.DEFAULT_SIZE, p.getSize());
        assertEquals(0, p.getOffset());
        assertEquals(List.of(), p.getSort());
        assertEquals(List.of(), PageRequest.of(null, null, "  ", SORTABLE).getSort());
    }

    @Test
    public void pageAndSizeGiveTheOffset() {
        PageRequest p = PageRequest.of(3, 10, null, SORTABLE);
        assertEquals(3, p.getPage());
        assertEquals(10, p.getSize());
        assertEquals(20, p.getOffset());
        assertEquals(200, PageRequest.of(1, 200, null, SORTABLE).getSize());
        assertEquals(1, PageRequest.of(1, 1, null, SORTABLE).getSize());
    }

    @Test
    public void sizeOutOfRangeNamesSize() {
        for (int size : new int[] {100000, 201, 0, -5}) {
            ValidationException e = invalid(1, size, null);
            assertEquals(List.of("size"), fields(e));
            assertEquals("validation.range", e.getViolations().get(0).getMessageKey());
            assertArrayEquals(new Object[] {1, 200}, e.getViolations().get(0).getArgs());
        }
    }

    @Test
    public void pageBelowOneNamesPage() {
        ValidationException e = invalid(0, null, null);
        assertEquals(List.of("page"), fields(e));
        assertEquals("validation.min", e.getViolations().get(0).getMessageKey());
        assertArrayEquals(new Object[] {1}, e.getViolations().get(0).getArgs());
        assertEquals(List.of("page"), fields(invalid(-1, 20, "name")));
    }

    @Test
    public void unknownSortFieldNamesSortAndListsTheSortableFields() {
        ValidationException e = invalid(null, null, "name,password");
        assertEquals(List.of("sort"), fields(e));
        assertEquals("validation.sortField", e.getViolations().get(0).getMessageKey());
        assertArrayEquals(new Object[] {"password", "code, createdAt, name"}, e.getViolations().get(0).getArgs());
        // the whitelist is exact
        assertEquals(List.of("sort"), fields(invalid(null, null, "Name")));
        assertEquals(List.of("sort"), fields(invalid(null, null, "name desc")));
        assertEquals(List.of("sort"), fields(invalid(null, null, "-")));
        assertEquals(List.of("sort"), fields(invalid(null, null, "--name")));
    }

    @Test
    public void everyFaultIsNamedAtOnce() {
        ValidationException e = invalid(0, 0, "x,y");
        assertEquals(List.of("page", "size", "sort", "sort"), fields(e));
    }

    @Test
    public void aLeadingMinusSortsDescending() {
        PageRequest p = PageRequest.of(null, null, "-name", SORTABLE);
        assertEquals(1, p.getSort().size());
        assertEquals("name", p.getSort().get(0).getField());
        assertFalse(p.getSort().get(0).isAscending());

        assertEquals("+name,-createdAt", sort(PageRequest.of(null, null, "name,-createdAt", SORTABLE)));
        assertEquals("-code,+name", sort(PageRequest.of(null, null, " -code , name ", SORTABLE)));
        assertTrue(PageRequest.of(null, null, "code", SORTABLE).getSort().get(0).isAscending());
    }

    @Test
    public void sortOrdersCannotBeChanged() {
        PageRequest p = PageRequest.of(null, null, "name", SORTABLE);
        assertThrows(UnsupportedOperationException.class, () -> p.getSort().add(new PageRequest.SortOrder("x", true)));
    }

    @Test
    public void firstIsTheFirstPageInDefaultOrder() {
        PageRequest p = PageRequest.first(50);
        assertEquals(1, p.getPage());
        assertEquals(50, p.getSize());
        assertEquals(0, p.getOffset());
        assertEquals(List.of(), p.getSort());
    }

    @Test
    public void theOffsetOfTheLastAcceptedPageIsNotNegative() {
        PageRequest p = PageRequest.of(Integer.MAX_VALUE, PageRequest.MAX_SIZE, null, SORTABLE);
        assertTrue("offset " + p.getOffset(), p.getOffset() >= 0);
    }
}
