package org.qinglian.talks.core;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.spi.DatabaseSchema;

/** The talks' tables ({@code tk_*}), migrated after the platform's. */
@Component(service = DatabaseSchema.class)
public class TalksSchema implements DatabaseSchema {

    @Override
    public String name() {
        return "talks";
    }

    @Override
    public String historyTable() {
        return "talks_schema_history";
    }

    @Override
    public String location() {
        return "db/talks";
    }
}
