package org.qinglian.platform.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies a schema's versioned Flyway migrations: the portable scripts of
 * {@code <location>/common} and those of the database's vendor folder, recorded in the
 * schema's own history table (the platform's is {@code pf_schema_history}).
 */
public final class SchemaMigrations {

    public static final String HISTORY_TABLE = "pf_schema_history";

    private SchemaMigrations() {
    }

    /** The vendor folder for a database: {@code postgresql} or {@code h2}. */
    public static String vendor(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return vendor(c);
        }
    }

    /** The vendor folder of an open connection's database: {@code postgresql} or {@code h2}. */
    public static String vendor(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new SQLException("Unsupported database product: " + product);
    }

    /** Applies the platform's own migrations. */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader loader) throws SQLException {
        return migrate(dataSource, loader, HISTORY_TABLE, PlatformSchema.LOCATION);
    }

    /** Applies the migrations of one schema, found through the class loader of the bundle that owns it. */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader loader, String historyTable,
            String location) throws SQLException {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .table(historyTable)
                // every schema shares the database: the others' tables are no reason to refuse, and a
                // baseline at 0 keeps the schema's own V1_0 from being skipped
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations("classpath:" + location + "/common", "classpath:" + location + "/" + vendor(dataSource))
                .load()
                .migrate();
    }
}
