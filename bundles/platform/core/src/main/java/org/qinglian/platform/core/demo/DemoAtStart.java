package org.qinglian.platform.core.demo;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.demo.DemoDataGenerator;
import org.qinglian.platform.api.demo.DemoScale;
import org.qinglian.platform.api.spi.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with the demo city at start when the environment variable
 * {@code QINGLIAN_DEMO_DATA} (or the system property {@code qinglian.demo.data}) names a scale:
 * {@code small}, {@code medium} or {@code large}. Off unless set; a database with units is left alone.
 * Waits for the users' contributor, so the demo users exist when the portal opens.
 */
@Component(immediate = true)
public class DemoAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAtStart.class);
    static final long SEED = 20261122L;

    @Reference
    private DemoDataGenerator generator;

    @Reference(target = "(" + DemoDataContributor.NAME + "=users)")
    private DemoDataContributor users;

    @Activate
    void activate() {
        String wanted = System.getProperty("qinglian.demo.data", System.getenv("QINGLIAN_DEMO_DATA"));
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        DemoScale scale;
        try {
            scale = DemoScale.valueOf(wanted.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.error("QINGLIAN_DEMO_DATA={} is no scale (small, medium, large); no demo data", wanted);
            return;
        }
        Thread t = new Thread(() -> {
            try {
                generator.generate(scale, SEED, (step, done, total) -> LOG.info("Demo data: {} {}/{}", step, done, total));
            } catch (ProblemException e) {
                LOG.info("No demo data: the database already has units");
            } catch (RuntimeException e) {
                LOG.error("Demo data failed", e);
            }
        }, "qinglian-demo-data");
        t.setDaemon(true);
        t.start();
    }
}
