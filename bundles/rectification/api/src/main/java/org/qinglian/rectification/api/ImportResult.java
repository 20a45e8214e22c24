package org.qinglian.rectification.api;

import java.util.List;
import java.util.UUID;

/**
 * What an import wrote.
 *
 * @param problems problems registered
 * @param measures measures registered
 * @param problemIds the new problems' ids, in the file's order
 */
public record ImportResult(int problems, int measures, List<UUID> problemIds) {
}
