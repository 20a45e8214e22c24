package org.qinglian.platform.api.spi;

import java.time.LocalDate;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives findings other modules raise (a checklist review, a talk's follow-up) and registers
 * them as problems to rectify. Implemented by the rectification module when it is installed;
 * callers take it as an optional reference and do without it when it is missing.
 */
@ConsumerType
public interface FindingSink {

    /** The receiving module. */
    String module();

    /**
     * Registers the finding, or answers the record already registered for the same source
     * module and key.
     *
     * @return the receipt: the record's public id and the route that shows it
     * @throws org.qinglian.platform.api.ValidationException naming the field that is wrong
     */
    Receipt raise(Finding finding);

    /**
     * A finding.
     *
     * @param sourceModule the module that found it, e.g. {@code talks}
     * @param sourceKey the finding's key in that module (idempotency)
     * @param unitId the unit responsible for rectifying it
     * @param description what was found
     * @param category a code of the receiving module's category dictionary, or null for its default
     * @param severity {@code LOW}, {@code MEDIUM} or {@code HIGH}, or null for medium
     * @param leaderId the person of the roster who is the leader in charge, or null
     * @param deadline when it must be rectified, or null
     */
    record Finding(String sourceModule, String sourceKey, UUID unitId, String description, String category,
            String severity, UUID leaderId, LocalDate deadline) {
    }

    /**
     * Where the finding went.
     *
     * @param recordId the public id of the registered record
     * @param route the portal route that shows it
     * @param created false when the finding had been registered before
     */
    record Receipt(UUID recordId, String route, boolean created) {
    }
}
