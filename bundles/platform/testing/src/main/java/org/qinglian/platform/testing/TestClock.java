package org.qinglian.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.qinglian.platform.api.PlatformClock;

/** A platform clock that stands still at a settable instant; business zone Asia/Shanghai. */
public final class TestClock implements PlatformClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ZoneId businessZone() {
        return SHANGHAI;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    /** Moves the clock on and returns the new instant. */
    public Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }
}
