package org.qinglian.rectification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.qinglian.platform.api.attachment.AttachmentDto;

/** A progress report with its evidence. */
public record ProgressDto(UUID id, UUID problemId, UUID measureId, String text, boolean completesMeasure,
        Instant reportedAt, String reportedBy, List<AttachmentDto> attachments) {
}
