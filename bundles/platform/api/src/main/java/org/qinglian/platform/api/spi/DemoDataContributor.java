package org.qinglian.platform.api.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.qinglian.platform.api.demo.DemoData;

/**
 * A bundle's part of the demo data: users for the generated units, a module's records in
 * realistic proportions. Called once per generation, after the platform's units and people,
 * in the order of {@link #name()}; must be deterministic for the data's seed and write in batches.
 */
@ConsumerType
public interface DemoDataContributor {

    /** Service property naming the contributor, for targets. */
    String NAME = "qinglian.demo.contributor";

    /** The contributor's name, e.g. {@code users} or {@code talks}. */
    String name();

    /** Writes the records; answers how many of each kind it made. */
    Map<String, Long> contribute(DemoData data);
}
