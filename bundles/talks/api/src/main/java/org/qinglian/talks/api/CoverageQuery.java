package org.qinglian.talks.api;

import java.util.UUID;

/**
 * Which leaders a coverage is of.
 *
 * @param unitId a unit (with {@code subordinates}, and the units it supervises), or null for every unit in scope
 * @param missing only the leaders not covered (true), only those covered (false), or both (null)
 */
public record CoverageQuery(int year, UUID unitId, boolean subordinates, Boolean missing) {
}
