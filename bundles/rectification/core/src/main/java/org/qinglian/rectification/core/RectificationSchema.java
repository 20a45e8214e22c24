package org.qinglian.rectification.core;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.spi.DatabaseSchema;

/** The ledger's tables ({@code rc_*}), migrated after the platform's. */
@Component(service = DatabaseSchema.class)
public class RectificationSchema implements DatabaseSchema {

    @Override
    public String name() {
        return "rectification";
    }

    @Override
    public String historyTable() {
        return "rectification_schema_history";
    }

    @Override
    public String location() {
        return "db/rectification";
    }
}
