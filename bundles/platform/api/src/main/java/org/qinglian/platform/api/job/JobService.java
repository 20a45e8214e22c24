package org.qinglian.platform.api.job;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The registered jobs, and running one now. */
@ProviderType
public interface JobService {

    /** Every registered job with its last run. */
    List<JobStatusDto> jobs();

    /**
     * Runs a job now, in the calling thread, under the same lock as its scheduled runs: answers
     * with outcome {@code SKIPPED} when another run holds it.
     *
     * @throws org.qinglian.platform.api.NotFoundException when no such job is registered
     */
    JobStatusDto runNow(String name);
}
