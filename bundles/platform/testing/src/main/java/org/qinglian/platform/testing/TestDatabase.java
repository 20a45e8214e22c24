package org.qinglian.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.postgresql.ds.PGSimpleDataSource;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL database the core tests run against, from the system properties
 * {@code qinglian.test.jdbc.url}, {@code .user} and {@code .password} (set by surefire).
 * {@link #reset()} drops the public schema and runs the platform's real Flyway migrations.
 */
public final class TestDatabase {

    public static final String URL = property("qinglian.test.jdbc.url",
            "jdbc:postgresql://127.0.0.1:5432/qinglian_test");
    public static final String USER = property("qinglian.test.jdbc.user", "postgres");
    public static final String PASSWORD = property("qinglian.test.jdbc.password", "");

    /** The platform's persistence unit. */
    public static final String UNIT = "qinglian-platform";

    /** A schema's migrations, as a bundle's {@code DatabaseSchema} declares them. */
    public static final class Schema {
        final String historyTable;
        final String location;

        public Schema(String historyTable, String location) {
            this.historyTable = historyTable;
            this.location = location;
        }
    }

    /** The platform's own schema. */
    public static final Schema PLATFORM = new Schema("pf_schema_history", "db/platform");

    private static final PGSimpleDataSource DATA_SOURCE = new PGSimpleDataSource();

    static {
        DATA_SOURCE.setURL(URL);
        DATA_SOURCE.setUser(USER);
        if (!PASSWORD.isEmpty()) {
            DATA_SOURCE.setPassword(PASSWORD);
        }
    }

    private TestDatabase() {
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        // surefire passes an unset pom property through literally as ${...}
        return value == null || value.startsWith("${") ? fallback : value.trim();
    }

    public static DataSource dataSource() {
        return DATA_SOURCE;
    }

    private static boolean created;

    /** Creates the test database on the server if it does not exist yet. */
    private static synchronized void createIfMissing() throws SQLException {
        if (created) {
            return;
        }
        int slash = URL.lastIndexOf('/');
        String database = URL.substring(slash + 1).replaceAll("\\?.*", "");
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(URL.substring(0, slash + 1) + "postgres");
        server.setUser(USER);
        if (!PASSWORD.isEmpty()) {
            server.setPassword(PASSWORD);
        }
        try (Connection c = server.getConnection(); Statement s = c.createStatement();
                ResultSet exists = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!exists.next()) {
                s.execute("create database " + database);
            }
        }
        created = true;
    }

    /** Drops everything in the public schema, then applies the platform's migrations. */
    public static MigrateResult reset() {
        return reset(PLATFORM);
    }

    /**
     * Drops everything in the public schema, then applies the migrations of the schemas in
     * order, found on the test class path; answers the last schema's result.
     */
    public static MigrateResult reset(Schema... schemas) {
        try {
            createIfMissing();
            try (Connection c = DATA_SOURCE.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema public cascade");
                s.execute("create schema public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the test database " + URL + " as " + USER
                    + " (is PostgreSQL running?)", e);
        }
        return migrate(DATA_SOURCE, "postgresql", schemas);
    }

    /**
     * Applies the migrations of the schemas in order, found on the test class path, to another
     * database (such as an embedded H2 one, vendor {@code "h2"}): each schema's {@code common}
     * migrations and those of the vendor, in its own history table. A schema that finds tables
     * already there (those of an earlier schema) is baselined below its first version, as the
     * platform's migrator does. Answers the last schema's result.
     */
    public static MigrateResult migrate(DataSource dataSource, String vendor, Schema... schemas) {
        MigrateResult result = null;
        for (Schema schema : schemas) {
            result = Flyway.configure(TestDatabase.class.getClassLoader()).dataSource(dataSource)
                    .table(schema.historyTable)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .locations("classpath:" + schema.location + "/common", "classpath:" + schema.location + "/" + vendor)
                    .load().migrate();
        }
        return result;
    }

    /**
     * The platform's persistence unit as a resource-local EMF over the test datasource: the
     * JTA persistence.xml is read as is and only the transaction type and datasource are
     * overridden (plus the dialect and any extra properties).
     */
    public static EntityManagerFactory entityManagerFactory(Map<String, Object> extra) {
        return entityManagerFactory(UNIT, extra);
    }

    /** A persistence unit of the test class path as a resource-local EMF over the test datasource. */
    public static EntityManagerFactory entityManagerFactory(String unit, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("javax.persistence.nonJtaDataSource", DATA_SOURCE);
        props.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQL10Dialect");
        props.putAll(extra);
        EntityManagerFactory emf = new HibernatePersistenceProvider().createEntityManagerFactory(unit, props);
        if (emf == null) {
            throw new IllegalStateException("persistence unit " + unit + " not found");
        }
        return emf;
    }

    public static EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory(Map.of());
    }

    /** Runs an update statement; returns the update count. */
    public static int update(String sql, Object... params) {
        try (Connection c = DATA_SOURCE.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows of a query, each a list of its columns' values as JDBC returns them. */
    public static List<List<Object>> rows(String sql, Object... params) {
        try (Connection c = DATA_SOURCE.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of a query's rows. */
    public static List<Object> column(String sql, Object... params) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows(sql, params)) {
            values.add(row.get(0));
        }
        return values;
    }

    /** The only value a query answers; fails unless there is exactly one row. */
    public static Object value(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0).get(0);
    }

    /** One column read as a given type (e.g. OffsetDateTime) from the single row of a query. */
    public static <T> T value(Class<T> type, String sql, Object... params) {
        try (Connection c = DATA_SOURCE.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row from " + sql);
                }
                T value = rs.getObject(1, type);
                if (rs.next()) {
                    throw new AssertionError("more than one row from " + sql);
                }
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
