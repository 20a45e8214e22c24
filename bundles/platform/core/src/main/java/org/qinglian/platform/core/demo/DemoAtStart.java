package org.qinglian.platform.core.demo;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qinglian.platform.api.portal.ModuleFeatureDto;
import org.qinglian.platform.api.portal.ModuleInstaller;
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
 * Waits for the users' contributor, so the demo users exist when the portal opens; then installs
 * every module the distribution offers, whose contributors add their records as they arrive.
 */
@Component(immediate = true)
public class DemoAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAtStart.class);
    static final long SEED = 20261122L;

    @Reference
    private DemoDataGenerator generator;

    @Reference(target = "(" + DemoDataContributor.NAME + "=users)")
    private DemoDataContributor users;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleInstaller installer;

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
                installModules();
            } catch (ProblemException e) {
                LOG.info("No demo data: the database already has units");
            } catch (RuntimeException e) {
                LOG.error("Demo data failed", e);
            }
        }, "qinglian-demo-data");
        t.setDaemon(true);
        t.start();
    }

    /** Installs the offered modules that are not installed, so the demo portal shows them all. */
    private void installModules() {
        ModuleInstaller modules = installer;
        if (modules == null) {
            LOG.info("Demo data: no module installer, modules are not installed");
            return;
        }
        for (ModuleFeatureDto feature : modules.features(Locale.SIMPLIFIED_CHINESE)) {
            if ("NOT_INSTALLED".equals(feature.state())) {
                LOG.info("Demo data: installing {}", feature.name());
                modules.submit(feature.name(), ModuleInstaller.Action.INSTALL);
            }
        }
    }
}
