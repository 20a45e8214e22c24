package org.qinglian.platform.api.audit;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/** Writes the audit trail. */
@ProviderType
public interface AuditLog {

    /**
     * Records an act in the caller's transaction, through its entity manager: the act and its
     * audit row commit or roll back together.
     */
    void record(EntityManager em, AuditEvent event);

    /**
     * Records an act in a transaction of its own, so that no rollback can erase it: logins,
     * failed logins, refused requests.
     */
    void recordSeparately(AuditEvent event);
}
