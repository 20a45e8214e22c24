package org.qinglian.platform.core.db;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qinglian.platform.api.spi.DatabaseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates every {@link DatabaseSchema} on the 'qinglian' datasource, each after the schemas it
 * names, then registers that datasource again as 'qinglian-&lt;name&gt;', the one the schema's
 * persistence unit waits for. Until its migrations succeed a schema's persistence unit, and so
 * every service that needs it, stays down.
 */
@Component(immediate = true)
public class SchemaMigrator {

    /** The JNDI name under which a migrated schema's datasource is registered. */
    public static String datasourceName(String schema) {
        return "qinglian-" + schema;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    @Reference(target = "(osgi.jndi.service.name=qinglian)")
    private DataSource dataSource;

    private final Map<String, DatabaseSchema> pending = new LinkedHashMap<>();
    private final Map<String, ServiceRegistration<DataSource>> migrated = new HashMap<>();
    private BundleContext context;

    @Activate
    synchronized void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        migratePending();
    }

    @Deactivate
    synchronized void deactivate() {
        migrated.values().forEach(ServiceRegistration::unregister);
        migrated.clear();
        context = null;
    }

    @Reference(service = DatabaseSchema.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addSchema(DatabaseSchema schema) {
        pending.put(schema.name(), schema);
        if (context != null) {
            migratePending();
        }
    }

    synchronized void removeSchema(DatabaseSchema schema) {
        pending.remove(schema.name());
        ServiceRegistration<DataSource> registration = migrated.remove(schema.name());
        if (registration != null) {
            registration.unregister();
        }
    }

    private void migratePending() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (DatabaseSchema schema : pending.values().toArray(new DatabaseSchema[0])) {
                if (migrated.keySet().containsAll(schema.after())) {
                    pending.remove(schema.name());
                    progress |= migrate(schema);
                }
            }
        }
    }

    private boolean migrate(DatabaseSchema schema) {
        MigrateResult result;
        try {
            result = SchemaMigrations.migrate(dataSource, schema.getClass().getClassLoader(), schema.historyTable(),
                    schema.location());
        } catch (Exception e) {
            LOG.error("Qinglian cannot migrate the {} schema on datasource 'qinglian': {}."
                    + " Check etc/org.ops4j.datasource-qinglian.cfg; what needs this schema stays down until it can.",
                    schema.name(), e.getMessage());
            LOG.debug("Migration failure of schema {}", schema.name(), e);
            return false;
        }
        LOG.info("Schema {} on {} at version {} ({} migrations applied now)", schema.name(), result.database,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.jndi.service.name", datasourceName(schema.name()));
        migrated.put(schema.name(), context.registerService(DataSource.class, new MigratedDataSource(dataSource), props));
        return true;
    }
}
