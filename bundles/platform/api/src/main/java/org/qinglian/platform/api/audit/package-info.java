/**
 * The audit trail: what a module records for every create, update, delete, export and
 * sensitive read, and what auditors read and verify.
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
