package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.security.account.Problems.assertInvalid;
import static org.qinglian.platform.security.account.Problems.assertNotHeld;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.security.RoleDto;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.ScopeKind;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.testing.TestDatabase;

/**
 * What an admin may hand on: only roles all of whose permissions they hold, of a scope no wider
 * than theirs, to users of units in their scope; and the validation of users.
 */
public class GrantRulesTest extends AccountsTestCase {

    private UUID unitAdmin;

    @Before
    public void createRolesAndAdmin() {
        // custom roles defined by the console, to isolate each rule
        customRole("audit-reader", ScopeKind.OWN_UNIT, "platform:audit-read");
        customRole("wide-reader", ScopeKind.ALL, "platform:units-read");
        unitAdmin = user("unitadmin", PASSWORD, DISTRICT, "unit-admin");
        signIn(unitAdmin, DISTRICT_SCOPE);
        audit.clear();
    }

    private void customRole(String code, ScopeKind scope, String... permissions) {
        RoleDto r = new RoleDto();
        r.setCode(code);
        r.setNameZh(code);
        r.setNameEn(code);
        r.setScope(scope);
        r.setPermissions(Set.of(permissions));
        roles.create(r);
    }

    @Test
    public void aUnitAdminGrantsRolesTheyHoldToUsersOfUnitsTheySupervise() {
        UserDto created = users.create(dto("reporter1", TOWNSHIP, "reporter"));
        assertEquals(Set.of("reporter"), created.getRoles());
        assertEquals(TOWNSHIP, created.getUnitId());
        assertTrue(created.isMustChangePassword());
        assertNull(created.getPassword());
        assertEquals(List.of("user.create"), audit.actions());
        assertEquals(created.getId().toString(), audit.inTransaction.get(0).getRecordId());
        // their own role is no wider than theirs either
        users.create(dto("deputy", DISTRICT, "unit-admin", "supervisor", "leader"));
    }

    @Test
    public void aUnitAdminCannotGrantARoleWithAPermissionTheyLack() {
        ProblemException e = assertNotHeld(() -> users.create(dto("auditor", DISTRICT, "audit-reader")), "roles");
        assertEquals("validation.roleNotGrantable", e.getViolations().get(0).getMessageKey());
        assertEquals(List.of("audit-reader"), List.of(e.getViolations().get(0).getArgs()));
        // the built-in audit admin fails on both counts
        assertNotHeld(() -> users.create(dto("auditor", DISTRICT, "audit-admin")), "roles");
        assertNotHeld(() -> users.create(dto("auditor", DISTRICT, "reporter", "administrator")), "roles");
        assertEquals(0L, TestDatabase.value("select count(*) from pf_user where username = 'auditor'"));
        assertEquals(List.of(), audit.actions());
    }

    @Test
    public void aUnitAdminCannotGrantAScopeWiderThanTheirs() {
        // they hold platform:units-read, but the role reaches every unit
        assertNotHeld(() -> users.create(dto("reader", DISTRICT, "wide-reader")), "roles");
        assertNotHeld(() -> users.create(dto("sysadmin", DISTRICT, "system-admin")), "roles");
    }

    @Test
    public void aUnitAdminCannotGrantToUsersOfUnitsOutsideTheirScope() {
        ProblemException e = assertNotHeld(() -> users.create(dto("outsider", OTHER_DISTRICT, "reporter")), "unitId");
        assertEquals("validation.unitOutOfScope", e.getViolations().get(0).getMessageKey());
        assertNotHeld(() -> users.create(dto("outsider", CITY, "reporter")), "unitId");
        // nor create deployment-wide accounts
        assertNotHeld(() -> users.create(dto("nobody-unit", null, "reporter")), "unitId");
        // nor move a user of theirs out of their scope
        UserDto mine = users.create(dto("mine", TOWNSHIP, "reporter"));
        mine.setUnitId(OTHER_DISTRICT);
        assertNotHeld(() -> users.update(mine.getId(), mine.getVersion(), mine), "unitId");
        // every rule broken is named at once
        assertNotHeld(() -> users.create(dto("both", OTHER_DISTRICT, "audit-reader")), "unitId", "roles");
    }

    @Test
    public void rolesTakenAwayNeedThePowerToGrantThemToo() {
        security.system();
        UserDto auditor = users.create(dto("auditor", DISTRICT, "audit-reader", "reporter"));
        signIn(unitAdmin, DISTRICT_SCOPE);
        audit.clear();
        auditor.setRoles(Set.of("reporter"));
        assertNotHeld(() -> users.update(auditor.getId(), auditor.getVersion(), auditor), "roles");
        // keeping such a role while changing what they may change is allowed
        auditor.setRoles(Set.of("audit-reader", "reporter", "supervisor"));
        auditor.setDisplayName("审计员");
        UserDto updated = users.update(auditor.getId(), auditor.getVersion(), auditor);
        assertEquals(Set.of("audit-reader", "reporter", "supervisor"), updated.getRoles());
        assertEquals("审计员", updated.getDisplayName());
        assertEquals(List.of("user.update"), audit.actions());
        // and taking over such an account by resetting its password is not
        assertNotHeld(() -> users.resetPassword(auditor.getId(), "taken over 1"), "roles");
    }

    @Test
    public void aTokenNarrowsWhatItsCallerMayGrant() {
        CallerProfile p = accounts.profile(unitAdmin);
        security.as(new org.qinglian.platform.api.security.Caller(unitAdmin, p.username(), p.unitId(), null,
                p.roles(), Set.of("platform:users-write", "platform:units-read"), true), DISTRICT_SCOPE);
        // reporter needs platform:dictionaries-read, which the token does not carry
        assertNotHeld(() -> users.create(dto("reporter1", TOWNSHIP, "reporter")), "roles");
    }

    @Test
    public void theSecurityAdminGrantsAcrossAllUnits() {
        UUID securityAdmin = user("secadmin", PASSWORD, null, "security-admin");
        signIn(securityAdmin, Scope.UNRESTRICTED);
        UserDto created = users.create(dto("wide", OTHER_DISTRICT, "wide-reader"));
        assertEquals(Set.of("wide-reader"), created.getRoles());
        users.create(dto("deployment-wide", null, "wide-reader"));
        // but never more than they hold
        assertNotHeld(() -> users.create(dto("auditor", null, "audit-admin")), "roles");
    }

    @Test
    public void usersAreValidatedNamingEveryFieldAtFault() {
        assertInvalid(() -> users.create(dto("ab", DISTRICT, "reporter")), "validation.username", "username");
        assertInvalid(() -> users.create(dto("with space", DISTRICT, "reporter")), "validation.username", "username");
        assertInvalid(() -> users.create(dto("张三", DISTRICT, "reporter")), "validation.username", "username");
        assertInvalid(() -> users.create(dto("x".repeat(65), DISTRICT, "reporter")), "validation.username", "username");
        users.create(dto("a.b-c_9", DISTRICT, "reporter"));
        UserDto longName = dto("longname", DISTRICT, "reporter");
        longName.setDisplayName("名".repeat(101));
        assertInvalid(() -> users.create(longName), "validation.tooLong", "displayName");
        UserDto shortPassword = dto("shortpw", DISTRICT, "reporter");
        shortPassword.setPassword("1234567");
        assertInvalid(() -> users.create(shortPassword), "validation.passwordLength", "password");
        UserDto all = dto("x", DISTRICT, "reporter");
        all.setPassword(null);
        all.setDisplayName("名".repeat(101));
        assertInvalid(() -> users.create(all), "validation.username", "username", "displayName", "password");
        assertInvalid(() -> users.create(null), "validation.required", "body");
    }

    @Test
    public void unitsPeopleAndRolesMustExist() {
        UUID nowhere = UUID.randomUUID();
        assertInvalid(() -> users.create(dto("lost", nowhere, "reporter")), "validation.unknownReference", "unitId");
        UserDto withPerson = dto("person", DISTRICT, "reporter");
        withPerson.setPersonId(UUID.randomUUID());
        assertInvalid(() -> users.create(withPerson), "validation.unknownReference", "personId");
        withPerson.setPersonId(PERSON);
        assertEquals(PERSON, users.create(withPerson).getPersonId());
        assertEquals(PERSON, accounts.profile(users.byUsername("person").getId()).personId());
        assertInvalid(() -> users.create(dto("norole", DISTRICT, "reporter", "no-such-role")),
                "validation.unknownReference", "roles");
    }

    @Test
    public void userNamesAreUniqueRegardlessOfCase() {
        users.create(dto("zhangsan", DISTRICT, "reporter"));
        ProblemException e = Problems.assertProblem(() -> users.create(dto("ZhangSan", TOWNSHIP, "reporter")), 409,
                "duplicate", "problem.duplicate");
        assertEquals(List.of("username"), Problems.fields(e));
        assertEquals("validation.duplicate", e.getViolations().get(0).getMessageKey());
    }

    @Test
    public void updatesNeedTheCurrentVersion() {
        UserDto u = users.create(dto("versioned", DISTRICT, "reporter"));
        u.setDisplayName("first");
        UserDto first = users.update(u.getId(), u.getVersion(), u);
        assertEquals(Long.valueOf(u.getVersion() + 1), first.getVersion());
        u.setDisplayName("second");
        ProblemException e = Problems.assertProblem(() -> users.update(u.getId(), u.getVersion(), u), 412,
                "stale-version", "problem.staleVersion");
        assertEquals("first", users.get(u.getId()).getDisplayName());
        assertEquals(412, e.getStatus());
        // the user name is not changed by an update
        first.setUsername("renamed");
        assertEquals("versioned", users.update(u.getId(), first.getVersion(), first).getUsername());
    }

    @Test
    public void passwordsNeverLeaveTheService() {
        UserDto created = users.create(dto("secretive", DISTRICT, "reporter"));
        assertNull(created.getPassword());
        assertNull(users.get(created.getId()).getPassword());
        assertNull(users.byUsername("secretive").getPassword());
        users.list(null, null, org.qinglian.platform.api.PageRequest.first(50)).getItems()
                .forEach(u -> assertNull(u.getPassword()));
        audit.all().forEach(e -> assertTrue(e.getDetail() == null || !e.getDetail().contains(PASSWORD)));
    }
}
