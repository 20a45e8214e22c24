package org.qinglian.talks.api;

import java.util.UUID;

/**
 * Where a talk's follow-up went.
 *
 * @param route the portal route of the ledger problem
 * @param created false when it had been raised before
 */
public record FindingResult(UUID recordId, String route, boolean created) {
}
