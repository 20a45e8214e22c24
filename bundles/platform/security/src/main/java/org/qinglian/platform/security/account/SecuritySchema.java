package org.qinglian.platform.security.account;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.spi.DatabaseSchema;

/** The security bundle's schema: users, roles, sessions, API tokens, login failures. */
@Component(service = DatabaseSchema.class)
public class SecuritySchema implements DatabaseSchema {

    public static final String NAME = "security";
    public static final String HISTORY_TABLE = "pf_security_schema_history";
    public static final String LOCATION = "db/security";

    @Override
    public String name() {
        return NAME;
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
