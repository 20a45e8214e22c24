package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.metamodel.EntityType;

import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.testing.TestDatabase;

/** The security migrations on PostgreSQL (and H2), the seeded roles, and the entity mappings agree. */
public class SecuritySchemaTest {

    private static final List<String> TABLES = List.of("pf_api_token", "pf_api_token_permission", "pf_login_failure",
            "pf_module_grant", "pf_role", "pf_role_permission", "pf_session", "pf_user", "pf_user_role");

    private MigrateResult migration;

    @Before
    public void migrate() {
        migration = TestDatabase.reset(TestDatabase.PLATFORM, AccountsTestCase.SECURITY);
    }

    @Test
    public void theSchemaComponentDeclaresWhatTheMigratorNeeds() {
        SecuritySchema schema = new SecuritySchema();
        assertEquals("security", schema.name());
        assertEquals("pf_security_schema_history", schema.historyTable());
        assertEquals("db/security", schema.location());
        assertEquals(List.of("platform"), schema.after());
    }

    @Test
    public void migrationsRunAndAreRecordedInTheirOwnHistoryTable() {
        assertEquals(6, migration.migrationsExecuted);
        assertEquals("1.5", migration.targetSchemaVersion);
        assertEquals(List.of(List.of("1.0", "security accounts", true), List.of("1.1", "security builtin roles", true),
                List.of("1.2", "security indexes", true), List.of("1.3", "security module grants", true),
                List.of("1.4", "security top unit admin installs", true),
                List.of("1.5", "security jobs calendar", true)),
                TestDatabase.rows("select version, description, success from pf_security_schema_history"
                        + " where type <> 'BASELINE' order by installed_rank"));
        // the platform's history is untouched by this schema
        assertEquals(8L, TestDatabase.value("select count(*) from pf_schema_history where version is not null"));
        assertEquals(TABLES, TestDatabase.column("select table_name::text from information_schema.tables"
                + " where table_schema = 'public' and table_name in (" + TABLES.stream().map(t -> "'" + t + "'")
                        .collect(Collectors.joining(",")) + ") order by table_name"));
    }

    @Test
    public void theBuiltInRolesAreSeededWithTheirScopesAndPermissions() {
        assertEquals(List.of(
                List.of("administrator", "初始管理员", "Initial administrator", "ALL", "*"),
                List.of("audit-admin", "审计管理员", "Audit administrator", "ALL",
                        "platform:audit-read,platform:audit-verify,platform:units-read"),
                List.of("integrator", "系统对接", "System integration", "SUPERVISED",
                        "platform:api-read,platform:dictionaries-read,platform:people-read,platform:tokens-write,platform:units-read"),
                List.of("leader", "领导", "Leader", "SUPERVISED",
                        "platform:dictionaries-read,platform:people-read,platform:units-read"),
                List.of("reporter", "被监督单位填报人", "Reporter of a supervised unit", "OWN_UNIT",
                        "platform:dictionaries-read,platform:units-read"),
                List.of("security-admin", "安全管理员", "Security administrator", "ALL",
                        "platform:dictionaries-read,platform:people-read,platform:roles-read,platform:roles-write,platform:tokens-write,"
                                + "platform:units-read,platform:users-read,platform:users-write"),
                List.of("supervisor", "纪检监察干部", "Discipline inspection and supervision officer", "SUPERVISED",
                        "platform:dictionaries-read,platform:people-read,platform:units-read"),
                List.of("system-admin", "系统管理员", "System administrator", "ALL",
                        "platform:api-read,platform:calendar-write,platform:dictionaries-read,platform:dictionaries-write,"
                                + "platform:jobs,platform:modules-install,platform:system,platform:units-read"),
                List.of("unit-admin", "单位管理员", "Unit administrator", "SUPERVISED",
                        "platform:dictionaries-read,platform:modules-activate,platform:modules-install,"
                                + "platform:people-read,platform:people-write,"
                                + "platform:roles-read,platform:roles-write,platform:units-read,platform:units-write,"
                                + "platform:users-read,platform:users-write")),
                TestDatabase.rows("select r.code::text, r.name_zh::text, r.name_en::text, r.scope_kind::text,"
                        + " string_agg(p.permission, ',' order by p.permission)::text from pf_role r"
                        + " join pf_role_permission p on p.role_id = r.id where r.built_in and r.unit_id is null"
                        + " group by r.code, r.name_zh, r.name_en, r.scope_kind order by r.code"));
        // the separated admins share no write permission and the system admin reads no case data
        assertFalse(TestDatabase.column("select permission from pf_role_permission where role_id = -2").stream()
                .anyMatch(p -> p.toString().contains("users") || p.toString().contains("audit")));
    }

    @Test
    public void hibernateValidatesTheMappingsAgainstTheMigratedSchema() {
        EntityManagerFactory emf = TestDatabase.entityManagerFactory("qinglian-security",
                Map.of("hibernate.hbm2ddl.auto", "validate"));
        try {
            assertEquals(Set.of("UserEntity", "RoleEntity", "SessionEntity", "ApiTokenEntity", "LoginFailureEntity"),
                    emf.getMetamodel().getEntities().stream().map(EntityType::getName).collect(Collectors.toSet()));
        } finally {
            emf.close();
        }
    }

    @Test
    public void validationHasTeeth() {
        TestDatabase.update("alter table pf_session drop column csrf_token");
        PersistenceException e = assertThrows(PersistenceException.class, () -> TestDatabase.entityManagerFactory(
                "qinglian-security", Map.of("hibernate.hbm2ddl.auto", "validate")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        assertTrue(messages.toString(), messages.toString().contains("csrf_token"));
    }

    @Test
    public void everyEntityHasItsOwnSequenceOfIncrementFifty() {
        assertEquals(List.of(List.of("pf_api_token_seq", 50L), List.of("pf_role_seq", 50L), List.of("pf_user_seq", 50L)),
                TestDatabase.rows("select sequence_name::text, increment::bigint from information_schema.sequences"
                        + " where sequence_schema = 'public' and sequence_name in ('pf_user_seq', 'pf_role_seq',"
                        + " 'pf_api_token_seq') order by sequence_name"));
        assertEquals(0L, TestDatabase.value("select count(*) from pg_class where relname = 'hibernate_sequence'"));
    }

    @Test
    public void instantsAreTimestampsWithTimeZone() {
        List<Object> types = TestDatabase.column("select distinct data_type::text from information_schema.columns"
                + " where table_schema = 'public' and table_name in (" + TABLES.stream().map(t -> "'" + t + "'")
                        .collect(Collectors.joining(",")) + ") and (column_name like '%\\_at' or column_name = 'locked_until')");
        assertEquals(List.of("timestamp with time zone"), types);
    }

    @Test
    public void userNamesAreUniqueRegardlessOfCaseOnPostgresql() {
        TestDatabase.update("insert into pf_user (id, public_id, username, version, created_at, updated_at)"
                + " values (1, 'a', 'admin', 0, now(), now())");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestDatabase.update(
                "insert into pf_user (id, public_id, username, version, created_at, updated_at)"
                        + " values (2, 'b', 'Admin', 0, now(), now())"));
        assertTrue(String.valueOf(e.getCause().getMessage()), e.getCause().getMessage().contains("pf_user_username_lower_uk"));
    }

    @Test
    public void theMigrationsRunOnH2Too() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:security-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        MigrateResult result = TestDatabase.migrate(h2, "h2", TestDatabase.PLATFORM, AccountsTestCase.SECURITY);
        assertEquals(6, result.migrationsExecuted);
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            List<String> roles = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select r.code, count(p.permission) from pf_role r join pf_role_permission p"
                    + " on p.role_id = r.id group by r.code order by r.code")) {
                while (rs.next()) {
                    roles.add(rs.getString(1) + "=" + rs.getInt(2));
                }
            }
            assertEquals(List.of("administrator=1", "audit-admin=3", "integrator=5", "leader=3", "reporter=2",
                    "security-admin=8", "supervisor=3", "system-admin=8", "unit-admin=11"), roles);
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.indexes"
                    + " where index_name = 'PF_SESSION_EXPIRES_IX'")) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) > 0);
            }
        }
    }
}
