package org.qinglian.rectification.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An inspection with its counts. */
public record InspectionDto(UUID id, String title, InspectionSource source, UUID unitId, String unitName,
        List<UUID> inspectedUnitIds, List<String> inspectedUnitNames, LocalDate startDate, LocalDate endDate,
        String team, long problemCount, long closedCount, long version, Instant createdAt) {
}
