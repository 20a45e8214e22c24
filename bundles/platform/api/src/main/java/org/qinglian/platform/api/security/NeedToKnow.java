package org.qinglian.platform.api.security;

import java.util.Collection;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one way a module reads a sensitive record (sensitive talks, problem clues, cadre files):
 * it answers whether the caller may ({@link SecurityContext#mayReadSensitive}) and puts every
 * read, allowed or refused, on the audit trail in the reading transaction.
 */
@ProviderType
public interface NeedToKnow {

    /**
     * Checks and records a read of a sensitive record.
     *
     * @param em the reading transaction's entity manager (the audit row commits with it)
     * @param recordType the kind of record, e.g. {@code talks.talk}
     * @param recordId the record's public id
     * @param owningUnit the unit that owns the record
     * @param handlers the people of the roster named as the record's handlers
     * @throws org.qinglian.platform.api.NotFoundException when the caller may not read it: the
     *         record is answered as missing, so its existence is not disclosed
     */
    void read(EntityManager em, String recordType, Object recordId, UUID owningUnit, Collection<UUID> handlers);
}
