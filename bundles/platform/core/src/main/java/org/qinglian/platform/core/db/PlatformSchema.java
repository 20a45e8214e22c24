package org.qinglian.platform.core.db;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.spi.DatabaseSchema;

/** The platform's own schema: units, supervision relations, people, dictionaries. */
@Component(service = DatabaseSchema.class)
public class PlatformSchema implements DatabaseSchema {

    static final String LOCATION = "db/platform";

    @Override
    public String name() {
        return "platform";
    }

    @Override
    public String historyTable() {
        return SchemaMigrations.HISTORY_TABLE;
    }

    @Override
    public String location() {
        return LOCATION;
    }

    @Override
    public List<String> after() {
        return List.of();
    }
}
