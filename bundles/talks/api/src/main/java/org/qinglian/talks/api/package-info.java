/**
 * "Key minority" talk records (关键少数谈话): talks of each kind with the leaders and cadres of
 * the supervised units, letters of inquiry (函询), their follow-up requirements, annual plans and
 * the annual coverage of political talks (全覆盖). Used by the module's own web bundle; other
 * modules reach talks through the platform's events and timeline, never through this package.
 */
@Export
@Version("1.0.0")
package org.qinglian.talks.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
