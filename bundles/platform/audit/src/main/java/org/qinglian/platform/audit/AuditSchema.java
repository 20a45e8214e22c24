package org.qinglian.platform.audit;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.spi.DatabaseSchema;

/**
 * The audit trail's table. Once its migrations ran, the platform registers the datasource as
 * {@value #DATASOURCE}, which the audit components wait for.
 */
@Component(service = DatabaseSchema.class)
public class AuditSchema implements DatabaseSchema {

    static final String LOCATION = "db/audit";
    static final String HISTORY_TABLE = "pf_audit_schema_history";
    static final String DATASOURCE = "qinglian-audit";
    static final String DATASOURCE_TARGET = "(osgi.jndi.service.name=" + DATASOURCE + ")";

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String historyTable() {
        return HISTORY_TABLE;
    }

    @Override
    public String location() {
        return LOCATION;
    }

    @Override
    public List<String> after() {
        return List.of("platform");
    }
}
