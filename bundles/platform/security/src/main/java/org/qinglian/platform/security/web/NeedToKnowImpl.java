package org.qinglian.platform.security.web;

import java.util.Collection;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.NeedToKnow;
import org.qinglian.platform.api.security.SecurityContext;

/** Need-to-know over the request's security context; every read of a sensitive record is audited. */
@Component(service = NeedToKnow.class)
public class NeedToKnowImpl implements NeedToKnow {

    @Reference
    private SecurityContext security;

    @Reference
    private AuditLog audit;

    public NeedToKnowImpl() {
    }

    /** For tests: need-to-know over a given context and audit log. */
    public NeedToKnowImpl(SecurityContext security, AuditLog audit) {
        this.security = security;
        this.audit = audit;
    }

    @Override
    public void read(EntityManager em, String recordType, Object recordId, UUID owningUnit,
            Collection<UUID> handlers) {
        boolean allowed = security.mayReadSensitive(owningUnit, handlers);
        AuditEvent read = AuditEvent.of(recordType + ".read", recordType, recordId);
        if (!allowed) {
            audit.recordSeparately(read.outcome(AuditEvent.Outcome.DENIED));
            throw new NotFoundException(recordType, recordId);
        }
        audit.record(em, read);
    }
}
