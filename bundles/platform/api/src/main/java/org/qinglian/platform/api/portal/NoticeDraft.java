package org.qinglian.platform.api.portal;

import java.util.UUID;

import org.qinglian.platform.api.spi.LocalizedText;

/**
 * A notice (通知) a module or an administrator posts: to one user, or to every user of a unit.
 *
 * @param module the posting module's id ({@code platform} for administrators' notices)
 * @param unitId the unit whose users receive it (also its owner)
 * @param recipient one user, or null for every user of the unit
 * @param title the headline
 * @param body the text (plain text)
 * @param route the portal route it links to, or null
 * @param level {@link TodoDraft.Level}
 */
public record NoticeDraft(String module, UUID unitId, UUID recipient, LocalizedText title, LocalizedText body,
        String route, TodoDraft.Level level) {
}
