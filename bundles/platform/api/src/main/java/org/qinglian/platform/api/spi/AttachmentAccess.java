package org.qinglian.platform.api.spi;

import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's answer to "may the current caller read the record that owns this attachment?".
 * The platform asks it before streaming an attachment; without it, the module's attachments are
 * served to nobody.
 */
@ConsumerType
public interface AttachmentAccess {

    /** The module whose attachments this checks. */
    String module();

    /**
     * Whether the current caller may read the owning record (scope, permission, need-to-know),
     * judged as for the record itself.
     */
    boolean mayRead(String ownerType, UUID ownerId);
}
