package org.qinglian.platform.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.qinglian.platform.api.job.JobContext;
import org.qinglian.platform.api.job.Schedule;

/** A job a module runs on a schedule, registered as a service. */
@ConsumerType
public interface ScheduledJob {

    /** A unique name, {@code <module>.<job>}. */
    String name();

    /** The module the job belongs to. */
    String module();

    /** When it runs. */
    Schedule schedule();

    /** Does the work; an exception marks the run failed (it runs again at its next time). */
    void run(JobContext context) throws Exception;
}
