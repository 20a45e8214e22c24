package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.security.account.Problems.assertInvalid;
import static org.qinglian.platform.security.account.Problems.assertNotFound;
import static org.qinglian.platform.security.account.Problems.assertNotHeld;
import static org.qinglian.platform.security.account.Problems.assertProblem;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.security.RoleDto;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.ScopeKind;
import org.qinglian.platform.testing.TestDatabase;

/** Roles: built-in ones fixed, custom ones per unit, never carrying more than their author holds. */
public class RoleServiceTest extends AccountsTestCase {

    private UUID unitAdmin;
    private UUID otherAdmin;

    @Before
    public void createAdmins() {
        unitAdmin = user("unitadmin", PASSWORD, DISTRICT, "unit-admin");
        otherAdmin = user("otheradmin", PASSWORD, OTHER_DISTRICT, "unit-admin");
        signIn(unitAdmin, DISTRICT_SCOPE);
        audit.clear();
    }

    private static RoleDto role(String code, ScopeKind scope, String... permissions) {
        RoleDto r = new RoleDto();
        r.setCode(code);
        r.setNameZh("角色" + code);
        r.setNameEn("Role " + code);
        r.setScope(scope);
        r.setPermissions(Set.of(permissions));
        return r;
    }

    private RoleDto builtIn(String code) {
        return roles.list().stream().filter(r -> r.getCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    public void theBuiltInRolesAreListedForEveryone() {
        List<RoleDto> all = roles.list();
        assertEquals(List.of("administrator", "audit-admin", "integrator", "leader", "reporter", "security-admin",
                "supervisor", "system-admin", "unit-admin"), all.stream().map(RoleDto::getCode).toList());
        RoleDto unitAdminRole = builtIn("unit-admin");
        assertTrue(unitAdminRole.isBuiltIn());
        assertNull(unitAdminRole.getUnitId());
        assertEquals(ScopeKind.SUPERVISED, unitAdminRole.getScope());
        assertEquals("单位管理员", unitAdminRole.getNameZh());
        assertEquals("Unit administrator", unitAdminRole.getNameEn());
        assertEquals(roles.get(unitAdminRole.getId()).getPermissions(), unitAdminRole.getPermissions());
    }

    @Test
    public void aCustomRoleBelongsToItsAuthorsUnitAndIsAudited() {
        RoleDto created = roles.create(role("district-clerk", ScopeKind.OWN_UNIT, "platform:units-read",
                "platform:people-read"));
        assertEquals(DISTRICT, created.getUnitId());
        assertFalse(created.isBuiltIn());
        assertEquals(Set.of("platform:units-read", "platform:people-read"), created.getPermissions());
        assertEquals(List.of("role.create"), audit.actions());
        assertEquals(created.getId().toString(), audit.inTransaction.get(0).getRecordId());
        // visible in its unit's scope, and grantable there
        assertTrue(roles.list().stream().anyMatch(r -> r.getCode().equals("district-clerk")));
        users.create(dto("clerk", TOWNSHIP, "district-clerk"));
        // not in another district's
        signIn(otherAdmin, Scope.of(Set.of(OTHER_DISTRICT)));
        assertFalse(roles.list().stream().anyMatch(r -> r.getCode().equals("district-clerk")));
        assertNotFound(() -> roles.get(created.getId()), "role", created.getId());
        assertInvalid(() -> users.create(dto("clerk2", OTHER_DISTRICT, "no-such")), "validation.unknownReference", "roles");
    }

    @Test
    public void aCustomRoleCarriesOnlyPermissionsItsAuthorHolds() {
        ProblemException e = assertNotHeld(() -> roles.create(role("auditor", ScopeKind.OWN_UNIT, "platform:units-read",
                "platform:audit-read")), "permissions");
        assertEquals(List.of("platform:audit-read"), List.of(e.getViolations().get(0).getArgs()));
        assertNotHeld(() -> roles.create(role("everything", ScopeKind.OWN_UNIT, "*")), "permissions");
        assertNotHeld(() -> roles.create(role("platform", ScopeKind.OWN_UNIT, "platform:*")), "permissions");
        assertEquals(0L, TestDatabase.value("select count(*) from pf_role where not built_in"));
    }

    @Test
    public void aCustomRolesScopeIsNoWiderThanItsAuthors() {
        ProblemException e = assertNotHeld(() -> roles.create(role("wide", ScopeKind.ALL, "platform:units-read")),
                "scope");
        assertEquals("validation.scopeTooWide", e.getViolations().get(0).getMessageKey());
        roles.create(role("supervised", ScopeKind.SUPERVISED, "platform:units-read"));
    }

    @Test
    public void builtInRolesCannotBeChangedOrDeleted() {
        security.system();
        RoleDto admin = builtIn("administrator");
        admin.setNameZh("改名");
        assertProblem(() -> roles.update(admin.getId(), admin.getVersion(), admin), 409, "conflict",
                "problem.builtInRole");
        assertProblem(() -> roles.delete(admin.getId(), admin.getVersion()), 409, "conflict", "problem.builtInRole");
        assertEquals("初始管理员", builtIn("administrator").getNameZh());
    }

    @Test
    public void aCustomRoleIsUpdatedWithinTheSameRules() {
        RoleDto created = roles.create(role("clerk", ScopeKind.OWN_UNIT, "platform:units-read"));
        created.setPermissions(Set.of("platform:units-read", "platform:people-read"));
        created.setNameEn("Clerk");
        RoleDto updated = roles.update(created.getId(), created.getVersion(), created);
        assertEquals(Set.of("platform:units-read", "platform:people-read"), updated.getPermissions());
        assertEquals("Clerk", updated.getNameEn());
        assertEquals(List.of("role.create", "role.update"), audit.actions());
        updated.setPermissions(Set.of("platform:audit-read"));
        assertNotHeld(() -> roles.update(updated.getId(), updated.getVersion(), updated), "permissions");
        assertProblem(() -> roles.update(updated.getId(), created.getVersion(), updated), 412, "stale-version",
                "problem.staleVersion");
    }

    @Test
    public void aRoleInUseCannotBeDeletedAndAnUnusedOneIsSoftDeleted() {
        RoleDto created = roles.create(role("clerk", ScopeKind.OWN_UNIT, "platform:units-read"));
        UUID clerk = users.create(dto("clerk", DISTRICT, "clerk")).getId();
        assertProblem(() -> roles.delete(created.getId(), created.getVersion()), 409, "conflict", "problem.roleInUse");
        var u = users.get(clerk);
        u.setRoles(Set.of());
        users.update(clerk, u.getVersion(), u);
        roles.delete(created.getId(), created.getVersion());
        assertNotFound(() -> roles.get(created.getId()), "role", created.getId());
        assertEquals(1L, TestDatabase.value("select count(*) from pf_role where code = 'clerk' and deleted_at is not null"));
        assertEquals("role.delete", audit.actions().get(audit.actions().size() - 1));
    }

    @Test
    public void rolesAreValidatedAndCodesUnique() {
        assertInvalid(() -> roles.create(role("has space", ScopeKind.OWN_UNIT, "platform:units-read")),
                "validation.code", "code");
        assertInvalid(() -> roles.create(role("clerk", ScopeKind.OWN_UNIT)), "validation.required", "permissions");
        assertInvalid(() -> roles.create(role("clerk", ScopeKind.OWN_UNIT, "units")), "validation.permission",
                "permissions");
        assertInvalid(() -> roles.create(role("clerk", null, "platform:units-read")), "validation.required", "scope");
        RoleDto unnamed = role("clerk", ScopeKind.OWN_UNIT, "platform:units-read");
        unnamed.setNameZh(" ");
        unnamed.setNameEn(null);
        assertInvalid(() -> roles.create(unnamed), "validation.required", "nameZh", "nameEn");
        ProblemException e = assertProblem(() -> roles.create(role("Unit-Admin", ScopeKind.OWN_UNIT,
                "platform:units-read")), 409, "duplicate", "problem.duplicate");
        assertEquals(List.of("code"), Problems.fields(e));
    }
}
