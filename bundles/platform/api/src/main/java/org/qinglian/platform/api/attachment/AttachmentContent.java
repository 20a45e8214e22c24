package org.qinglian.platform.api.attachment;

/**
 * An attachment with its bytes, for streaming to a caller the owning module allowed.
 *
 * @param attachment what is stored
 * @param content the bytes
 */
public record AttachmentContent(AttachmentDto attachment, byte[] content) {
}
