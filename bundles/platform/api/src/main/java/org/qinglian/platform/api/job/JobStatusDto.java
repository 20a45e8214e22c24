package org.qinglian.platform.api.job;

import java.time.Instant;

/**
 * A job and its last run.
 *
 * @param name the job's name, e.g. {@code rectification.escalation}
 * @param module the module it belongs to
 * @param schedule when it runs, as text
 * @param nextRunAt its next scheduled run
 * @param lastStartedAt when the last run started, or null
 * @param lastFinishedAt when the last run finished, or null
 * @param lastOutcome {@code SUCCESS}, {@code FAILURE}, {@code SKIPPED} (another node held the lock) or null
 * @param lastMessage a short message of the last run (the failure's text), or null
 * @param running whether it runs now on this node
 */
public record JobStatusDto(String name, String module, String schedule, Instant nextRunAt, Instant lastStartedAt,
        Instant lastFinishedAt, String lastOutcome, String lastMessage, boolean running) {
}
