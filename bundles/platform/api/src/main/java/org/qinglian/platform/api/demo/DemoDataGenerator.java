package org.qinglian.platform.api.demo;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Generates the demo city into an empty database: the city commission, 12 district commissions
 * with about 150 township commissions, 80 organ committees and the dispatched groups; the people
 * roster with positions, ranks and flags; then every registered contributor's records. Refuses
 * (409) when the database already has units.
 */
@ProviderType
public interface DemoDataGenerator {

    /** Receives progress while generating. */
    interface Progress {
        void step(String step, long done, long total);
    }

    DemoSummary generate(DemoScale scale, long seed, Progress progress);
}
