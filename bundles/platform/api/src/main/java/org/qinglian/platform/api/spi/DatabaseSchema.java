package org.qinglian.platform.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A schema a bundle owns on the one 'qinglian' datasource: its versioned Flyway migrations and
 * its own history table. The platform applies the migrations (portable scripts in
 * {@code <location>/common}, vendor scripts in {@code <location>/postgresql} or
 * {@code <location>/h2}, read through the registering bundle's class loader), after those of
 * the schemas named in {@link #after()}, and then registers the datasource again under
 * {@code osgi.jndi.service.name=qinglian-<name>} for the bundle's persistence unit.
 */
@ConsumerType
public interface DatabaseSchema {

    /** The schema's name, e.g. {@code platform}, {@code security}, {@code talks}. */
    String name();

    /** The Flyway history table, e.g. {@code talks_schema_history}. */
    String historyTable();

    /** The classpath folder of the migrations, e.g. {@code db/talks}. */
    String location();

    /** Schemas whose migrations must be applied first (their tables are referenced). */
    default List<String> after() {
        return List.of("platform");
    }
}
