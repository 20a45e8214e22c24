package org.qinglian.platform.api.attachment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores and serves attachments. Writes and lists go through the caller's entity manager, so an
 * attachment commits or rolls back with the record it belongs to.
 */
@ProviderType
public interface AttachmentService {

    /** The content types accepted: PDF, images, Office and WPS documents, plain text. */
    Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
            "application/vnd.ms-excel", "text/plain");

    /**
     * Checks the file (size within the configured limit, type found in its content and accepted,
     * name sane) and stores it with its SHA-256.
     *
     * @throws org.qinglian.platform.api.ValidationException naming {@code file} when refused
     */
    AttachmentDto store(EntityManager em, AttachmentUpload upload);

    /** The attachments of a record, oldest first. */
    List<AttachmentDto> list(EntityManager em, String module, String ownerType, UUID ownerId);

    /** How many attachments a record has. */
    long count(EntityManager em, String module, String ownerType, UUID ownerId);

    /**
     * An attachment with its content, after the owning module's access check allowed the current
     * caller to read the owning record.
     *
     * @throws org.qinglian.platform.api.NotFoundException when missing, when the owning module is
     *         not installed, or when the caller may not read the owning record
     */
    AttachmentContent open(UUID id);

    /** The largest file accepted, in bytes. */
    long maxSize();
}
