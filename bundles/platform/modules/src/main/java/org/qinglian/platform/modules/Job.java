package org.qinglian.platform.modules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.qinglian.platform.api.portal.InstallJobDto;
import org.qinglian.platform.api.portal.ModuleInstaller.Action;

/** A job's changing state; read as a snapshot ({@link #dto()}). */
final class Job {

    final UUID id = UUID.randomUUID();
    final String feature;
    final Action action;
    final String requestedBy;
    private String state = "QUEUED";
    private int progress;
    private final List<String> steps = new ArrayList<>(List.of("job.step.queued"));
    private Instant startedAt;
    private Instant finishedAt;
    private String error;

    Job(String feature, Action action, String requestedBy) {
        this.feature = feature;
        this.action = action;
        this.requestedBy = requestedBy;
    }

    synchronized void running(Instant at) {
        state = "RUNNING";
        startedAt = at;
    }

    synchronized void step(String step, int percent) {
        steps.add(step);
        progress = Math.max(progress, percent);
    }

    synchronized void progress(int percent) {
        progress = Math.max(progress, Math.min(99, percent));
    }

    synchronized void succeeded(Instant at) {
        state = "SUCCEEDED";
        progress = 100;
        steps.add("job.step.done");
        finishedAt = at;
    }

    synchronized void failed(Instant at, String message) {
        state = "FAILED";
        steps.add("job.step.failed");
        error = message;
        finishedAt = at;
    }

    synchronized boolean isActive() {
        return "QUEUED".equals(state) || "RUNNING".equals(state);
    }

    synchronized InstallJobDto dto() {
        return new InstallJobDto(id, feature, action, state, progress, List.copyOf(steps), requestedBy, startedAt,
                finishedAt, error);
    }
}
