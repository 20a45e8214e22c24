/**
 * The platform's service interfaces and data transfer objects: units and the supervision
 * relation between them, the people roster, dictionaries, paging, errors and the clock.
 * Modules depend on this package only; entities never leave the platform's core bundle.
 */
@Export
@Version("1.1.0")
package org.qinglian.platform.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
