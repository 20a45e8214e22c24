/**
 * The working-day calendar: weekends are rest days, and an editable list of exceptions records
 * public holidays (rest on a weekday) and make-up working days (work on a weekend).
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
