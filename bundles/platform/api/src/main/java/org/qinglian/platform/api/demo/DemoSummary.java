package org.qinglian.platform.api.demo;

import java.util.Map;

/**
 * What a generation made.
 *
 * @param counts records per kind, e.g. {@code units}, {@code people}, {@code users}, and each contributor's own
 * @param millis how long it took
 */
public record DemoSummary(Map<String, Long> counts, long millis) {
}
