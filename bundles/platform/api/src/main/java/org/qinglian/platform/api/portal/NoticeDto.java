package org.qinglian.platform.api.portal;

import java.time.Instant;
import java.util.UUID;

/** A notice as a recipient sees it, in the caller's language. */
public record NoticeDto(UUID id, String module, String title, String body, String route, TodoDraft.Level level,
        Instant createdAt, boolean read, UUID unitId) {
}
