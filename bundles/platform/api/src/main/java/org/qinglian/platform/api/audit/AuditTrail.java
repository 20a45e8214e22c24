package org.qinglian.platform.api.audit;

import java.time.Instant;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;

/** Reads and verifies the audit trail. */
@ProviderType
public interface AuditTrail {

    /** The fields the audit list may be sorted by. */
    java.util.Set<String> SORTABLE = java.util.Set.of("occurredAt", "sequence", "action", "actor");

    /**
     * Entries whose actor's unit is in the caller's scope, newest first unless sorted otherwise.
     *
     * @param actor only entries of this user name, or null
     * @param action only entries whose action starts with this, or null
     * @param from only entries at or after this instant, or null
     * @param to only entries before this instant, or null
     * @param recordId only entries about this record, or null
     */
    Page<AuditEntryDto> list(String actor, String action, Instant from, Instant to, String recordId,
            PageRequest page);

    /** Seals what is committed and not yet sealed; returns how many entries were sealed. */
    long seal();

    /** Recomputes the whole chain and compares it with the exported head. */
    AuditVerification verify();

    /** One entry, if in scope. */
    AuditEntryDto get(UUID id);
}
