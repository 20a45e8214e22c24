package org.qinglian.platform.api.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A to-do as its assignee sees it, with the title in the caller's language.
 */
public record TodoDto(UUID id, String module, String title, String route, TodoDraft.Level level, Instant dueAt,
        Instant createdAt, Instant doneAt, UUID unitId) {
}
