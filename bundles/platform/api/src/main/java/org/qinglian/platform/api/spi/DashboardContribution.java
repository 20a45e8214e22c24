package org.qinglian.platform.api.spi;

import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.qinglian.platform.api.security.Caller;

/**
 * A card a module contributes to the dashboard home. The platform asks for it only when the
 * module is active for the caller's unit and the caller holds {@link #permission()}; the card
 * must count only records in the caller's scope (ask the platform's {@code SecurityContext}).
 */
@ConsumerType
public interface DashboardContribution {

    /** The contributing module's id. */
    String module();

    /** The card's id, unique within the module. */
    String id();

    /** The permission a user needs to see the card. */
    String permission();

    /** Position on the dashboard: lower comes first. */
    int order();

    /** The card for the current caller, in their language, or empty when there is nothing to show. */
    Optional<DashboardCard> card(Caller caller, Locale locale);
}
