package org.qinglian.platform.modules;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.spi.DatabaseSchema;

/** The desired feature set's table; once migrated the datasource is registered as {@value #DATASOURCE}. */
@Component(service = DatabaseSchema.class)
public class ModulesSchema implements DatabaseSchema {

    static final String DATASOURCE = "qinglian-modules";
    static final String DATASOURCE_TARGET = "(osgi.jndi.service.name=" + DATASOURCE + ")";

    @Override
    public String name() {
        return "modules";
    }

    @Override
    public String historyTable() {
        return "pf_modules_schema_history";
    }

    @Override
    public String location() {
        return "db/modules";
    }

    @Override
    public List<String> after() {
        return List.of("platform");
    }
}
