package org.qinglian.platform.api.portal;

import java.time.Instant;
import java.util.UUID;

import org.qinglian.platform.api.spi.LocalizedText;

/**
 * A to-do (待办) a module raises for a user.
 *
 * @param module the raising module's id
 * @param sourceKey identifies what the to-do is about within the module, e.g.
 *        {@code problem/<id>/deadline}; raising again with an open to-do of the same user, module
 *        and key updates it instead of adding another
 * @param assignee the user who must act
 * @param unitId the unit owning the record the to-do is about
 * @param title what must be done
 * @param route the portal route that opens the record, or null
 * @param level {@link Level}
 * @param dueAt when it is due, or null
 */
public record TodoDraft(String module, String sourceKey, UUID assignee, UUID unitId, LocalizedText title,
        String route, Level level, Instant dueAt) {

    /** How urgent: shown as a colour. */
    public enum Level {
        INFO, WARNING, DANGER
    }
}
