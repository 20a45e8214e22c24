package org.qinglian.platform.api.demo;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.UnitDto;

/** What the platform generated, handed to each module's contributor. */
@ProviderType
public interface DemoData {

    DemoScale scale();

    long seed();

    /** A generator of its own for a purpose: the same seed and purpose give the same numbers. */
    Random random(String purpose);

    /** The generated units, parents before children. */
    List<UnitDto> units();

    /** The generated people of a unit. */
    List<UUID> people(UUID unitId);

    /** Reports progress of a step (shown by the console and the log). */
    void progress(String step, long done, long total);
}
