package org.qinglian.platform.api.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a job runs: every day at a time of the business zone, or at a fixed interval.
 *
 * @param dailyAt the time of day, or null
 * @param interval the interval, or null
 */
public record Schedule(LocalTime dailyAt, Duration interval) {

    public Schedule {
        if ((dailyAt == null) == (interval == null)) {
            throw new IllegalArgumentException("a schedule is either daily at a time or at an interval");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("the interval must be positive");
        }
    }

    /** Every day at the time, in the business zone. */
    public static Schedule dailyAt(LocalTime time) {
        return new Schedule(Objects.requireNonNull(time, "time"), null);
    }

    /** Every interval. */
    public static Schedule every(Duration interval) {
        return new Schedule(null, Objects.requireNonNull(interval, "interval"));
    }

    /** The first run strictly after the instant. */
    public Instant next(Instant after, ZoneId zone) {
        if (interval != null) {
            return after.plus(interval);
        }
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(dailyAt).atZone(zone);
        if (!candidate.isAfter(local)) {
            candidate = local.toLocalDate().plusDays(1).atTime(dailyAt).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** The schedule as text: {@code daily 02:00} or {@code every PT5M}. */
    @Override
    public String toString() {
        return dailyAt != null ? "daily " + dailyAt : "every " + interval;
    }
}
