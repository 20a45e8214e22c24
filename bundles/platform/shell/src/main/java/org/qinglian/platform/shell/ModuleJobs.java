package org.qinglian.platform.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.portal.InstallJobDto;
import org.qinglian.platform.api.portal.ModuleInstaller;

/** What {@code module-install} and {@code module-uninstall} share: start the job and follow it to its end. */
final class ModuleJobs {

    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 250;

    private ModuleJobs() {
    }

    static void run(PrintStream console, ModuleInstaller installer, Messages messages, String feature,
            ModuleInstaller.Action action) throws InterruptedException {
        InstallJobDto job;
        try {
            job = installer.submit(feature, action);
        } catch (ProblemException e) {
            console.println(ProblemText.of(messages, e));
            return;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        int shown = 0;
        while (true) {
            Optional<InstallJobDto> now = installer.job(job.id());
            if (now.isEmpty()) {
                return;
            }
            job = now.get();
            for (; shown < job.steps().size(); shown++) {
                console.printf("%3d%% %s%n", job.progress(), messages.get(Messages.ZH_CN, job.steps().get(shown)));
            }
            if (!"QUEUED".equals(job.state()) && !"RUNNING".equals(job.state()) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        console.printf("%s %s: %s%s%n", action, feature, job.state(), job.error() == null ? "" : " (" + job.error() + ")");
    }
}
