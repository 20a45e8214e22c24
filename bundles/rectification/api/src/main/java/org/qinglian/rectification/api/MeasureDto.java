package org.qinglian.rectification.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A measure of a problem; {@code overdue} is derived from its deadline and the platform clock. */
public record MeasureDto(UUID id, UUID problemId, String content, UUID ownerId, String ownerName, LocalDate deadline,
        boolean longTerm, List<Milestone> milestones, boolean done, Instant completedAt, boolean overdue,
        long version) {
}
