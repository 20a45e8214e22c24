package org.qinglian.talks.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Plans the year's political talks (政治谈话) with the top leaders and leadership members of units.
 *
 * @param unitId the units whose leaders are to be talked to: this one, and with {@code subordinates} those it supervises
 * @param ownerUnitId the unit that conducts the talks, or null for the caller's unit
 * @param plannedOn the planned date, or null for the last day of the year's first quarter
 */
public record PlanRequest(UUID unitId, Boolean subordinates, UUID ownerUnitId, LocalDate plannedOn) {
}
