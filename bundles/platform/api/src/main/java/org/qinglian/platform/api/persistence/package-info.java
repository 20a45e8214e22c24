/**
 * Persistence helpers every module's services share: transactions over Aries JPA's
 * {@code JpaTemplate} whose database refusals become problems callers can act on.
 */
@Export
@Version("1.2.0")
package org.qinglian.platform.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
