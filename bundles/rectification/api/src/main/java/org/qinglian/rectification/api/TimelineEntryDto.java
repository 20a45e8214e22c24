package org.qinglian.rectification.api;

import java.time.Instant;

/**
 * One step of a problem's history: a transition, or a registration, edit, measure or progress report.
 *
 * @param action what happened: an {@link Action} name, or {@code REGISTER}, {@code PROGRESS}, {@code MEASURE}, {@code EDIT}
 * @param from the state before, or null
 * @param to the state after, or null
 * @param note the reason or note given
 */
public record TimelineEntryDto(Instant at, String actor, String action, ProblemStatus from, ProblemStatus to,
        String note) {
}
