/**
 * What a REST resource declares so the platform's REST runtime can publish and guard it:
 * the marker service interface, the module it belongs to and the permission each operation
 * needs.
 */
@Export
@Version("1.1.0")
package org.qinglian.platform.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
