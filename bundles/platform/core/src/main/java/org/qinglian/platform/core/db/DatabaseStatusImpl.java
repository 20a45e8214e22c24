package org.qinglian.platform.core.db;

import java.sql.Connection;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.DatabaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the database as up when it answers a validity check, the platform's migrations ran
 * and its persistence unit is ready. Registered whether or not a datasource exists, so health can say DOWN.
 */
@Component(service = DatabaseStatus.class)
public class DatabaseStatusImpl implements DatabaseStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatusImpl.class);
    private static final int VALIDITY_TIMEOUT_SECONDS = 3;

    @Reference(target = "(osgi.jndi.service.name=qinglian)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource configured;

    @Reference(target = "(osgi.jndi.service.name=qinglian-platform)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource migrated;

    @Reference(target = "(osgi.unit.name=qinglian-platform)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile JpaTemplate persistence;

    private volatile Boolean lastUp;

    @Override
    public Report check() {
        Report report = probe();
        if (lastUp == null || lastUp != report.isUp()) {
            lastUp = report.isUp();
            if (report.isUp()) {
                LOG.info("Database {} is up", report.getDatabase());
            } else {
                LOG.warn("Database is down: {}", report.getReason());
            }
        }
        return report;
    }

    private Report probe() {
        DataSource raw = configured;
        if (raw == null) {
            return new Report(false, null, "no datasource 'qinglian': check etc/org.ops4j.datasource-qinglian.cfg");
        }
        String product = null;
        try (Connection c = raw.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
            if (!c.isValid(VALIDITY_TIMEOUT_SECONDS)) {
                return new Report(false, product, "connection is not valid");
            }
        } catch (Exception e) {
            return new Report(false, product, "cannot connect: " + e.getMessage());
        }
        if (migrated == null) {
            return new Report(false, product, "platform schema not migrated (see the log)");
        }
        if (persistence == null) {
            return new Report(false, product, "platform persistence unit not ready (see the log)");
        }
        return new Report(true, product, null);
    }
}
