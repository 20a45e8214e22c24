package org.qinglian.platform.api.demo;

/** How much demo data: the people roster's size, and a factor modules apply to their own volumes. */
public enum DemoScale {
    SMALL(2_000, 1), MEDIUM(20_000, 10), LARGE(200_000, 100);

    private final int people;
    private final int factor;

    DemoScale(int people, int factor) {
        this.people = people;
        this.factor = factor;
    }

    /** How many people the roster gets. */
    public int people() {
        return people;
    }

    /** 1 for small, 10 for medium, 100 for large: modules scale their volumes by it. */
    public int factor() {
        return factor;
    }
}
