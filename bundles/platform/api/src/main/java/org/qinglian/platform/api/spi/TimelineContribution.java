package org.qinglian.platform.api.spi;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's entries in a person's timeline (the talks a cadre had, the clues about them, the
 * checklists they signed): the people page shows them now, the cadre module's integrity file
 * later. The platform asks only when the module is active for the caller's unit and the caller
 * holds {@link #permission()}; the contribution answers only what the caller may read (scope,
 * need-to-know) and says nothing of a sensitive record the caller has no need-to-know of.
 */
@ConsumerType
public interface TimelineContribution {

    /** The contributing module's id. */
    String module();

    /** The permission a user needs to see the module's entries. */
    String permission();

    /** The person's entries the current caller may read, in the caller's language, in any order. */
    List<TimelineEntry> entries(UUID personId, Locale locale);
}
