package org.qinglian.platform.api.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An install, uninstall or upgrade running (or run) on this node.
 *
 * @param id the job
 * @param feature the feature
 * @param action the action
 * @param state {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param progress 0 to 100
 * @param steps what happened so far, oldest first (message keys with their arguments, localized by the UI's bundles)
 * @param requestedBy who asked ({@code system} at start)
 * @param startedAt when it started running, or null
 * @param finishedAt when it ended, or null
 * @param error the failure, or null
 */
public record InstallJobDto(UUID id, String feature, ModuleInstaller.Action action, String state, int progress,
        List<String> steps, String requestedBy, Instant startedAt, Instant finishedAt, String error) {
}
