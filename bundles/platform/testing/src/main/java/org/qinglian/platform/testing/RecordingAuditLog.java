package org.qinglian.platform.testing;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;

/**
 * An audit log that keeps what services record, so a unit test can assert which acts were
 * audited and that they were recorded inside the act's transaction. The real audit log, its
 * table and its chain are tested by the audit bundle and the integration tests.
 */
public final class RecordingAuditLog implements AuditLog {

    /** Acts recorded in the caller's transaction. */
    public final List<AuditEvent> inTransaction = new ArrayList<>();
    /** Acts recorded in a transaction of their own. */
    public final List<AuditEvent> separately = new ArrayList<>();

    @Override
    public synchronized void record(EntityManager em, AuditEvent event) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("audit outside the act's transaction: " + event.getAction());
        }
        inTransaction.add(event);
    }

    @Override
    public synchronized void recordSeparately(AuditEvent event) {
        separately.add(event);
    }

    /** The actions recorded in transactions, in order. */
    public synchronized List<String> actions() {
        List<String> actions = new ArrayList<>();
        inTransaction.forEach(e -> actions.add(e.getAction()));
        return actions;
    }

    /** The events of one action recorded in transactions of their own, in order. */
    public synchronized List<AuditEvent> separately(String action) {
        List<AuditEvent> events = new ArrayList<>();
        for (AuditEvent e : separately) {
            if (e.getAction().equals(action)) {
                events.add(e);
            }
        }
        return events;
    }

    /** Every event, those recorded in transactions first, then those recorded separately. */
    public synchronized List<AuditEvent> all() {
        List<AuditEvent> all = new ArrayList<>(inTransaction);
        all.addAll(separately);
        return all;
    }

    /** Forgets what was recorded so far (e.g. what a test's setup did). */
    public synchronized void clear() {
        inTransaction.clear();
        separately.clear();
    }
}
