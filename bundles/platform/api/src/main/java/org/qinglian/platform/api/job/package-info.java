/**
 * Scheduled jobs: modules register {@link org.qinglian.platform.api.spi.ScheduledJob}s; the
 * platform runs each on one node at a time (a PostgreSQL advisory lock), records every run, and
 * gives the job idempotency keys so a re-run posts nothing twice.
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
