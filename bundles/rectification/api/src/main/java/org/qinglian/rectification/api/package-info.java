/**
 * The inspection-rectification ledger (巡视巡察整改台账): inspections, the problems they found,
 * the measures that rectify them, progress reports, and the ledger workflow from registration
 * (列单挂账) to verified closure (对账销号). Used by the module's own web bundle; other modules
 * reach the ledger through the platform's {@code FindingSink}, never through this package.
 */
@Export
@Version("1.0.0")
package org.qinglian.rectification.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
