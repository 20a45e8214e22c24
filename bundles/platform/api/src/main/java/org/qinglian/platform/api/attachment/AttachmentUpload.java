package org.qinglian.platform.api.attachment;

import java.util.Objects;
import java.util.UUID;

/**
 * A file to store for a record.
 *
 * @param module the owning module
 * @param ownerType the kind of the owning record within the module
 * @param ownerId the owning record's public id
 * @param unitId the unit owning the record (the attachment is in scope where the record is)
 * @param filename the file name as uploaded
 * @param content the bytes
 */
public record AttachmentUpload(String module, String ownerType, UUID ownerId, UUID unitId, String filename,
        byte[] content) {

    public AttachmentUpload {
        Objects.requireNonNull(content, "content");
    }
}
