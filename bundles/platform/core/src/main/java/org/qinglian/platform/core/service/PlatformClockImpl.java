package org.qinglian.platform.core.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.qinglian.platform.api.PlatformClock;

/** The platform clock: the system clock, or a fixed instant for tests and demonstrations. */
@Component(name = "org.qinglian.platform.clock", service = PlatformClock.class)
@Designate(ocd = PlatformClockImpl.Config.class)
public class PlatformClockImpl implements PlatformClock {

    @ObjectClassDefinition(name = "Qinglian platform clock")
    public @interface Config {

        @AttributeDefinition(description = "ISO-8601 instant the clock stands still at; empty for the system clock")
        String fixedInstant() default "";

        @AttributeDefinition(description = "Zone of business dates and deadlines")
        String businessZone() default "Asia/Shanghai";
    }

    private volatile Clock clock = Clock.systemUTC();
    private volatile ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Activate
    @Modified
    void configure(Config config) {
        zone = ZoneId.of(config.businessZone());
        clock = config.fixedInstant().isBlank() ? Clock.systemUTC()
                : Clock.fixed(Instant.parse(config.fixedInstant()), ZoneOffset.UTC);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public ZoneId businessZone() {
        return zone;
    }
}
