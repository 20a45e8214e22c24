/** Spreadsheets: a small model of a workbook and its .xlsx writer and reader, for exports and imports. */
@Export
@Version("1.1.0")
package org.qinglian.platform.api.sheet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
