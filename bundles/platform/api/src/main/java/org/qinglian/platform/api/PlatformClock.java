package org.qinglian.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's clock. Every module reads the time from it, so tests and demonstrations can
 * set it. Instants are UTC; dates (deadlines) are days in the business zone, Asia/Shanghai.
 */
@ProviderType
public interface PlatformClock {

    /** The current instant. */
    Instant now();

    /** The zone of business dates, Asia/Shanghai unless configured otherwise. */
    ZoneId businessZone();

    /** Today in the business zone. */
    default LocalDate today() {
        return now().atZone(businessZone()).toLocalDate();
    }
}
