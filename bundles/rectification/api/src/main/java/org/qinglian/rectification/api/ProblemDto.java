package org.qinglian.rectification.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem of the ledger, as a row of the list.
 *
 * @param deadline the latest deadline of its measures, or null
 * @param overdue whether a measure that is not done is past its deadline and the problem is not closed
 * @param sourceModule the module that raised it as a finding, or null
 */
public record ProblemDto(UUID id, long number, UUID inspectionId, String inspectionTitle, String description,
        String category, String categoryLabel, Severity severity, UUID unitId, String unitName, UUID leaderId,
        String leaderName, ProblemStatus status, LocalDate deadline, boolean overdue, int measureCount,
        int doneMeasureCount, String sourceModule, Instant closedAt, long version, Instant createdAt,
        Instant updatedAt) {
}
