package org.qinglian.rectification.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An inspection to register or the new values of one.
 *
 * @param title e.g. 2026年市委第三轮巡察
 * @param source where it came from
 * @param unitId the inspecting (supervising) unit, which owns the inspection
 * @param inspectedUnitIds the units inspected
 * @param startDate first day
 * @param endDate last day, or null
 * @param team the inspection team, as text (组长、成员)
 */
public record InspectionDraft(String title, InspectionSource source, UUID unitId, List<UUID> inspectedUnitIds,
        LocalDate startDate, LocalDate endDate, String team) {
}
