package org.qinglian.platform.api;

import java.util.List;

/** One page of a list, as every list endpoint answers: {@code {items,total,page,size}}. */
public final class Page<T> {

    private final List<T> items;
    private final long total;
    private final int page;
    private final int size;

    public Page(List<T> items, long total, int page, int size) {
        this.items = List.copyOf(items);
        this.total = total;
        this.page = page;
        this.size = size;
    }

    public List<T> getItems() {
        return items;
    }

    /** How many items all pages hold together. */
    public long getTotal() {
        return total;
    }

    /** The 1-based page number. */
    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }
}
