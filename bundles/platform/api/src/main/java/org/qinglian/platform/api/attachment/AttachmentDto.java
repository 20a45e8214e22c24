package org.qinglian.platform.api.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored attachment, without its content.
 *
 * @param id the attachment's public id; downloaded at {@code /api/v1/attachments/{id}}
 * @param module the owning module
 * @param ownerType the kind of the owning record within the module, e.g. {@code progress}
 * @param ownerId the owning record's public id
 * @param filename the file name given at upload
 * @param contentType the type found in the content
 * @param size the size in bytes
 * @param sha256 the content's SHA-256, hex
 * @param createdAt when it was stored
 * @param createdBy the user name of who stored it
 */
public record AttachmentDto(UUID id, String module, String ownerType, UUID ownerId, String filename,
        String contentType, long size, String sha256, Instant createdAt, String createdBy) {
}
