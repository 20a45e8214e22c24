package org.qinglian.talks.api;

import java.time.Instant;

/**
 * A step of a talk's history.
 *
 * @param action {@code CREATE}, {@code EDIT}, {@code PROPOSE}, {@code ATTACH}, {@code FINDING} or a {@link TalkAction}
 */
public record TimelineEntryDto(Instant at, String actor, String action, TalkStatus from, TalkStatus to, String note) {
}
