package org.qinglian.platform.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One page of a list: a 1-based page number, a size capped at {@value #MAX_SIZE}, and sort
 * orders over a whitelist of fields. Built from the query parameters {@code page}, {@code size}
 * and {@code sort} ({@code sort=name,-createdAt}: a leading {@code -} sorts descending).
 */
public final class PageRequest {

    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 200;
    /** The page size when none is asked for. */
    public static final int DEFAULT_SIZE = 20;

    private final int page;
    private final int size;
    private final List<SortOrder> sort;

    private PageRequest(int page, int size, List<SortOrder> sort) {
        this.page = page;
        this.size = size;
        this.sort = Collections.unmodifiableList(sort);
    }

    /**
     * Parses and checks the paging parameters of a request.
     *
     * @param page the 1-based page number, or null for the first
     * @param size the page size, or null for {@value #DEFAULT_SIZE}
     * @param sort comma-separated fields, each optionally prefixed by {@code -}, or null
     * @param sortable the fields the resource lets callers sort by
     * @throws ValidationException naming {@code page}, {@code size} or {@code sort}
     */
    public static PageRequest of(Integer page, Integer size, String sort, Set<String> sortable) {
        Validator v = new Validator();
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1) {
            v.reject("page", "validation.min", 1);
        }
        if (s < 1 || s > MAX_SIZE) {
            v.reject("size", "validation.range", 1, MAX_SIZE);
        }
        List<SortOrder> orders = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String token = part.trim();
                boolean descending = token.startsWith("-");
                String field = descending ? token.substring(1) : token;
                if (!sortable.contains(field)) {
                    v.reject("sort", "validation.sortField", field, String.join(", ", new java.util.TreeSet<>(sortable)));
                } else {
                    orders.add(new SortOrder(field, !descending));
                }
            }
        }
        v.throwIfInvalid();
        return new PageRequest(p, s, orders);
    }

    /** The first page of the default size, in the resource's default order. */
    public static PageRequest first(int size) {
        return new PageRequest(1, size, List.of());
    }

    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }

    /** The offset of the page's first item; pages beyond what an int can address start at its maximum. */
    public int getOffset() {
        return (int) Math.min((long) (page - 1) * size, Integer.MAX_VALUE);
    }

    /**
     * The same page with sort fields renamed from the API's names to the record's properties
     * (e.g. {@code number} to {@code id}); fields not named keep theirs.
     */
    public PageRequest renamed(java.util.Map<String, String> properties) {
        List<SortOrder> orders = new ArrayList<>();
        for (SortOrder o : sort) {
            orders.add(new SortOrder(properties.getOrDefault(o.getField(), o.getField()), o.isAscending()));
        }
        return new PageRequest(page, size, orders);
    }

    public List<SortOrder> getSort() {
        return sort;
    }

    /** One sort order: a whitelisted field and its direction. */
    public static final class SortOrder {
        private final String field;
        private final boolean ascending;

        public SortOrder(String field, boolean ascending) {
            this.field = field;
            this.ascending = ascending;
        }

        public String getField() {
            return field;
        }

        public boolean isAscending() {
            return ascending;
        }
    }
}
