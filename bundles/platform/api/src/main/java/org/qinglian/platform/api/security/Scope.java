package org.qinglian.platform.api.security;

import java.util.Set;
import java.util.UUID;

/**
 * The units whose records a caller may see (数据范围): their own unit, their unit and the units
 * it supervises, or all. Every list, get, update, delete, export and statistic applies it.
 */
public final class Scope {

    /** Everything: system callers (console, jobs) and roles with a deployment-wide scope. */
    public static final Scope UNRESTRICTED = new Scope(null);
    /** Nothing: an anonymous request. */
    public static final Scope NONE = new Scope(Set.of());

    private final Set<UUID> units;

    private Scope(Set<UUID> units) {
        this.units = units;
    }

    public static Scope of(Set<UUID> units) {
        return new Scope(Set.copyOf(units));
    }

    public boolean isUnrestricted() {
        return units == null;
    }

    /** Whether records owned by the unit are visible; a null unit only to unrestricted scopes. */
    public boolean includes(UUID unit) {
        return units == null || unit != null && units.contains(unit);
    }

    /** The visible units; empty for {@link #NONE}. Must not be called when unrestricted. */
    public Set<UUID> units() {
        if (units == null) {
            throw new IllegalStateException("an unrestricted scope has no list of units");
        }
        return units;
    }

    @Override
    public String toString() {
        return units == null ? "Scope[all]" : "Scope" + units;
    }
}
