package org.qinglian.platform.api.security;

import java.util.Set;
import java.util.UUID;

/**
 * Which sensitive records a caller has need-to-know of, for list queries that cannot ask
 * {@link SecurityContext#mayReadSensitive} record by record: those of the units the caller leads
 * (the leader's unit and the units it supervises, within scope), and those naming the caller's
 * person as a handler. Scope still applies on top.
 *
 * @param everything whether every sensitive record in scope is readable (console, jobs)
 * @param leaderUnits units whose sensitive records the caller reads as a leader
 * @param personId the caller's person of the roster, matched against handlers; null for none
 */
public record SensitiveReach(boolean everything, Set<UUID> leaderUnits, UUID personId) {

    /** Nothing sensitive: anonymous requests and API tokens. */
    public static final SensitiveReach NONE = new SensitiveReach(false, Set.of(), null);
    /** Every sensitive record in scope. */
    public static final SensitiveReach EVERYTHING = new SensitiveReach(true, Set.of(), null);

    public SensitiveReach {
        leaderUnits = Set.copyOf(leaderUnits);
    }

    /** Whether a sensitive record of the unit with these handlers is readable (scope aside). */
    public boolean reaches(UUID owningUnit, java.util.Collection<UUID> handlers) {
        return everything || leaderUnits.contains(owningUnit) || personId != null && handlers.contains(personId);
    }
}
