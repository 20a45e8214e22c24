package org.qinglian.platform.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.audit.AuditEntryDto;
import org.qinglian.platform.api.audit.AuditTrail;
import org.qinglian.platform.api.audit.AuditVerification;

/** The scheduled sealer seals on its own, survives failures and stops with its component. */
public class AuditSealerTest extends AuditTestCase {

    private static boolean sealerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("qinglian-audit-sealer") && t.isAlive());
    }

    @Test
    public void itSealsCommittedEntriesOnItsOwnOnADaemonThread() throws InterruptedException {
        AuditSealer sealer = new AuditSealer(trail);
        sealer.start(1);
        try {
            write(3);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count("select count(*) from pf_audit where seal_seq is null") == 0);
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("qinglian-audit-sealer")).allMatch(Thread::isDaemon));
        } finally {
            sealer.deactivate();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !sealerThreadAlive());
        write(1);
        assertTrue(count("select count(*) from pf_audit where seal_seq is null") == 1);
    }

    @Test
    public void aFailedSealDoesNotEndTheSchedule() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        AuditTrail failingFirst = new AuditTrail() {
            @Override
            public long seal() {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database down");
                }
                return 0;
            }

            @Override
            public Page<AuditEntryDto> list(String actor, String action, java.time.Instant from, java.time.Instant to,
                    String recordId, PageRequest page) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AuditVerification verify() {
                throw new UnsupportedOperationException();
            }

            @Override
            public AuditEntryDto get(java.util.UUID id) {
                throw new UnsupportedOperationException();
            }
        };
        AuditSealer sealer = new AuditSealer(failingFirst);
        sealer.start(0);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 3);
        } finally {
            sealer.deactivate();
        }
    }
}
