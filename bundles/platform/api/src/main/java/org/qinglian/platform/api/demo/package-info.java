/**
 * Demo and load data: a realistic city of units, people and users, and through each installed
 * module's {@link org.qinglian.platform.api.spi.DemoDataContributor} its records, deterministic
 * for a seed. Provided by the platform.
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
