package org.qinglian.platform.api.job;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** What a running job gets from the platform. */
@ProviderType
public interface JobContext {

    /** When this run started, by the platform clock. */
    Instant startedAt();

    /**
     * Claims an idempotency key of this job: true the first time a key is claimed, false ever
     * after (in this run, a re-run, or on another node), so a job posts each thing once.
     */
    boolean once(String key);

    /** Reports progress, shown in the job list. */
    void progress(long done, long total);
}
