package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.security.RoleDto;
import org.qinglian.platform.api.security.ScopeKind;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;
import org.qinglian.platform.testing.TestDatabase;

/**
 * A module's default grants: given to the built-in roles it names the first time it is seen,
 * remembered, never given again once an administrator took one away, and never outside the
 * module's own namespace or to a role that is not built in.
 */
public class ModuleGrantsTest extends AccountsTestCase {

    /** The built-in roles' public ids, from V1_1__security_builtin_roles.sql. */
    private static final String SUPERVISOR_ID = "5ec0a11c-0000-4000-8000-000000000006";
    private static final String LEADER_ID = "5ec0a11c-0000-4000-8000-000000000007";

    private ModuleGrants grants;

    @Before
    public void moduleGrants() {
        grants = new ModuleGrants(jpa, clock, audit);
        audit.clear();
    }

    private static PermissionDefinition permission(String permission, String... roles) {
        return new PermissionDefinition(permission, new LocalizedText("权限" + permission, "Permission " + permission),
                Set.of(roles));
    }

    /** The permissions a role holds, read from the database. */
    private static Set<String> held(String roleCode) {
        Set<String> held = new HashSet<>();
        TestDatabase.column("select p.permission from pf_role_permission p join pf_role r on r.id = p.role_id"
                + " where r.code = ?", roleCode).forEach(p -> held.add((String) p));
        return held;
    }

    /** The remembered grants, as "module permission role", sorted. */
    private static List<String> remembered() {
        return TestDatabase.column("select module_id || ' ' || permission || ' ' || role_code from pf_module_grant"
                + " order by 1").stream().map(String.class::cast).toList();
    }

    private static final Set<String> SUPERVISOR_BEFORE = Set.of("platform:units-read", "platform:people-read",
            "platform:dictionaries-read");

    @Test
    public void aDefaultGrantIsGivenToTheBuiltInRoleAndRemembered() {
        TestModule module = new TestModule("testmod", permission("testmod:read", "supervisor"),
                permission("testmod:write", "supervisor", "leader"));
        assertEquals(3, grants.apply(module));

        Set<String> supervisor = new HashSet<>(SUPERVISOR_BEFORE);
        supervisor.addAll(Set.of("testmod:read", "testmod:write"));
        assertEquals(supervisor, held("supervisor"));
        assertTrue(held("leader").contains("testmod:write"));
        assertFalse(held("leader").contains("testmod:read"));
        assertFalse(held("reporter").contains("testmod:read"));
        assertEquals(List.of("testmod testmod:read supervisor", "testmod testmod:write leader",
                "testmod testmod:write supervisor"), remembered());
        for (Object at : TestDatabase.column("select granted_at from pf_module_grant")) {
            assertEquals(T0, ((java.sql.Timestamp) at).toInstant());
        }
        // the role service sees the grant too
        RoleDto role = roles.list().stream().filter(r -> r.getCode().equals("supervisor")).findFirst().orElseThrow();
        assertTrue(role.getPermissions().contains("testmod:read"));
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class,
                "select updated_at from pf_role where code = 'supervisor'").toInstant());
    }

    @Test
    public void theGrantInstantIsStoredInUtcWhateverTheJvmZone() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try {
            grants.apply(new TestModule("testmod", permission("testmod:read", "supervisor")));
        } finally {
            TimeZone.setDefault(saved);
        }
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class, "select granted_at from pf_module_grant").toInstant());
        assertEquals("2026-03-01 01:00:00.123456",
                TestDatabase.value("select (granted_at at time zone 'UTC')::text from pf_module_grant"));
    }

    @Test
    public void everyGrantGivenIsAudited() {
        grants.apply(new TestModule("testmod", permission("testmod:read", "supervisor"),
                permission("testmod:write", "leader")));
        assertEquals(List.of("role.defaultGrant", "role.defaultGrant"), audit.actions());
        assertTrue(audit.separately.isEmpty());
        AuditEvent read = audit.inTransaction.stream().filter(e -> e.getDetail().contains("testmod:read"))
                .findFirst().orElseThrow();
        assertEquals("role", read.getRecordType());
        assertEquals(SUPERVISOR_ID, read.getRecordId());
        assertEquals("system", read.getActor());
        assertEquals("module=testmod permission=testmod:read", read.getDetail());
        AuditEvent write = audit.inTransaction.stream().filter(e -> e.getDetail().contains("testmod:write"))
                .findFirst().orElseThrow();
        assertEquals(LEADER_ID, write.getRecordId());
    }

    @Test
    public void applyingAgainGivesNothing() {
        TestModule module = new TestModule("testmod", permission("testmod:read", "supervisor"));
        assertEquals(1, grants.apply(module));
        audit.clear();
        assertEquals(0, grants.apply(module));
        grants.bindModule(module);
        assertEquals(0, grants.apply(new TestModule("testmod", permission("testmod:read", "supervisor"))));
        assertTrue(audit.all().isEmpty());
        assertEquals(List.of("testmod testmod:read supervisor"), remembered());
        assertEquals(1L, TestDatabase.value("select count(*) from pf_role_permission p join pf_role r"
                + " on r.id = p.role_id where r.code = 'supervisor' and p.permission = 'testmod:read'"));
    }

    @Test
    public void aGrantAnAdministratorTookAwayIsNotGivenAgain() {
        TestModule module = new TestModule("testmod", permission("testmod:read", "supervisor"),
                permission("testmod:write", "supervisor"));
        assertEquals(2, grants.apply(module));
        // an administrator takes testmod:read away from the role
        assertEquals(1, TestDatabase.update("delete from pf_role_permission where role_id = (select id from pf_role"
                + " where code = 'supervisor') and permission = 'testmod:read'"));
        audit.clear();

        assertEquals(0, grants.apply(module));
        grants.unbindModule(module);
        grants.bindModule(module); // installed again
        assertFalse(held("supervisor").contains("testmod:read"));
        assertTrue(held("supervisor").contains("testmod:write"));
        assertTrue(audit.all().isEmpty());

        // a permission the module newly defines is still given, once
        TestModule upgraded = new TestModule("testmod", permission("testmod:read", "supervisor"),
                permission("testmod:write", "supervisor"), permission("testmod:export", "supervisor"));
        assertEquals(1, grants.apply(upgraded));
        assertFalse(held("supervisor").contains("testmod:read"));
        assertTrue(held("supervisor").contains("testmod:export"));
        assertEquals(List.of("role.defaultGrant"), audit.actions());
    }

    @Test
    public void aPermissionOutsideTheNamespaceAndAnUnknownRoleAreIgnored() {
        Map<String, Set<String>> before = Map.of("supervisor", held("supervisor"), "leader", held("leader"));
        TestModule module = new TestModule("testmod",
                permission("other:read", "supervisor"),
                permission("platform:users-write", "supervisor"),
                permission("testmodx:read", "supervisor"),
                permission("testmod:Bad Name", "supervisor"),
                permission("testmod:read", "no-such-role", "leader"));
        assertEquals(1, grants.apply(module));
        assertEquals(before.get("supervisor"), held("supervisor"));
        Set<String> leader = new HashSet<>(before.get("leader"));
        leader.add("testmod:read");
        assertEquals(leader, held("leader"));
        assertEquals(0L, TestDatabase.value("select count(*) from pf_role_permission where permission in"
                + " ('other:read', 'testmodx:read', 'testmod:Bad Name')"));
        assertEquals(List.of("testmod testmod:read leader"), remembered());
        assertEquals(List.of("role.defaultGrant"), audit.actions());

        // binding never fails, even for a module whose definitions cannot be read
        grants.bindModule(module);
        grants.bindModule(new TestModule("broken") {
            @Override
            public List<PermissionDefinition> permissions() {
                throw new IllegalStateException("broken module");
            }
        });
        assertEquals(List.of("testmod testmod:read leader"), remembered());
    }

    @Test
    public void aCustomRoleIsNotGivenDefaultGrants() {
        RoleDto custom = new RoleDto();
        custom.setCode("district-clerk");
        custom.setNameZh("区文书");
        custom.setNameEn("District clerk");
        custom.setScope(ScopeKind.OWN_UNIT);
        custom.setPermissions(Set.of("platform:units-read"));
        signIn(user("unitadmin", PASSWORD, DISTRICT, "unit-admin"), DISTRICT_SCOPE);
        roles.create(custom);
        security.system();
        audit.clear();

        assertEquals(0, grants.apply(new TestModule("testmod", permission("testmod:read", "district-clerk"))));
        assertEquals(Set.of("platform:units-read"), held("district-clerk"));
        assertEquals(List.of(), remembered());
        assertTrue(audit.all().isEmpty());
    }

    /** A module as a module's web bundle would register it, defining the given permissions. */
    private static class TestModule implements PortalModule {

        private final String id;
        private final List<PermissionDefinition> permissions;

        TestModule(String id, PermissionDefinition... permissions) {
            this.id = id;
            this.permissions = List.of(permissions);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public LocalizedText name() {
            return new LocalizedText("测试模块", "Test module");
        }

        @Override
        public LocalizedText description() {
            return new LocalizedText("用于测试", "For tests");
        }

        @Override
        public String icon() {
            return "puzzle";
        }

        @Override
        public int order() {
            return 100;
        }

        @Override
        public List<NavigationEntry> navigation() {
            return List.of(new NavigationEntry(id + "/list", name(), "list", id + ":read"));
        }

        @Override
        public List<PermissionDefinition> permissions() {
            return permissions;
        }

        @Override
        public String entryScript() {
            return "/modules/" + id + "/index.js";
        }
    }
}
