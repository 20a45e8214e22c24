package org.qinglian.platform.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the audit trail every {@code sealIntervalSeconds} on a daemon thread. Every node runs
 * one; on PostgreSQL the advisory lock taken by {@link AuditTrail#seal()} lets one seal at a time.
 */
@Component(name = "org.qinglian.platform.audit.sealer", configurationPid = AuditTrailImpl.PID, service = {})
public class AuditSealer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

    @Reference(target = "(component.name=" + AuditTrailImpl.PID + ")")
    private AuditTrail trail;

    private ScheduledExecutorService executor;
    private boolean failing;

    public AuditSealer() {
    }

    /** For tests: a sealer of the given trail, started with {@link #start(long)}. */
    AuditSealer(AuditTrail trail) {
        this.trail = trail;
    }

    @Activate
    void activate(AuditConfig config) {
        start(config.sealIntervalSeconds());
    }

    void start(long intervalSeconds) {
        long interval = intervalSeconds;
        if (interval < 1) {
            LOG.warn("sealIntervalSeconds = {} in etc/{}.cfg is below 1; sealing every second", intervalSeconds,
                    AuditTrailImpl.PID);
            interval = 1;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "qinglian-audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sealOnce, interval, interval, TimeUnit.SECONDS);
        LOG.debug("Audit sealer started, every {} s", interval);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The audit sealer did not stop within 30 s");
        }
    }

    /** One seal; a failure is logged (once, until sealing works again) and never ends the schedule. */
    private void sealOnce() {
        try {
            long sealed = trail.seal();
            if (failing) {
                LOG.info("Audit sealing works again");
                failing = false;
            }
            LOG.debug("Sealed {} audit entries", sealed);
        } catch (RuntimeException e) {
            if (failing) {
                LOG.debug("Audit sealing still failing", e);
            } else {
                LOG.warn("Audit sealing failed; retrying every interval: {}", e.getMessage());
                failing = true;
            }
        }
    }
}
