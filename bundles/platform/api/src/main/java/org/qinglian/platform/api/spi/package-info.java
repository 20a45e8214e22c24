/**
 * Interfaces that modules implement and the platform consumes. Marked {@code @ConsumerType}, so a
 * minor change of the platform does not unresolve installed modules.
 */
@Export
@Version("1.3.0")
package org.qinglian.platform.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
