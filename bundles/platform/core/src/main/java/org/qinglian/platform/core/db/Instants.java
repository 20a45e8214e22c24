package org.qinglian.platform.core.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants out of native query columns, whatever type the driver gives them. */
public final class Instants {

    private Instants() {
    }

    public static Instant of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof Instant) {
            return (Instant) value;
        }
        throw new IllegalStateException("not an instant: " + value.getClass());
    }
}
