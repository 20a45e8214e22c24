package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.security.account.Problems.assertNotFound;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.api.security.UserService;

/** Users are owned by their unit: every list, get and change applies the caller's scope. */
public class UserScopeTest extends AccountsTestCase {

    private UUID unitAdmin;
    private UUID inDistrict;
    private UUID inTownship;
    private UUID inOther;
    private UUID deploymentWide;

    @Before
    public void createUsers() {
        unitAdmin = user("unitadmin", PASSWORD, DISTRICT, "unit-admin");
        inDistrict = user("district.officer", PASSWORD, DISTRICT, "supervisor");
        inTownship = user("township.reporter", PASSWORD, TOWNSHIP, "reporter");
        inOther = user("other.officer", PASSWORD, OTHER_DISTRICT, "supervisor");
        deploymentWide = user("secadmin", PASSWORD, null, "security-admin");
        signIn(unitAdmin, DISTRICT_SCOPE);
        audit.clear();
    }

    private static List<String> names(Page<UserDto> page) {
        return page.getItems().stream().map(UserDto::getUsername).toList();
    }

    private static PageRequest byName() {
        return PageRequest.of(1, 50, "username", UserService.SORTABLE);
    }

    @Test
    public void theListHoldsOnlyUsersOfUnitsInScope() {
        Page<UserDto> page = users.list(null, null, byName());
        assertEquals(List.of("district.officer", "township.reporter", "unitadmin"), names(page));
        assertEquals(3, page.getTotal());
        // unrestricted: everyone, deployment-wide accounts included
        security.system();
        assertEquals(List.of("district.officer", "other.officer", "secadmin", "township.reporter", "unitadmin"),
                names(users.list(null, null, byName())));
        // no scope, nothing
        security.as(null, Scope.NONE);
        assertEquals(0, users.list(null, null, byName()).getTotal());
    }

    @Test
    public void theListFiltersByUnitAndTextAndPagesAndSorts() {
        assertEquals(List.of("township.reporter"), names(users.list(TOWNSHIP, null, byName())));
        // a unit outside the scope has no visible users
        assertEquals(List.of(), names(users.list(OTHER_DISTRICT, null, byName())));
        assertEquals(List.of(), names(users.list(UUID.randomUUID(), null, byName())));
        assertEquals(List.of("district.officer"), names(users.list(null, "DISTRICT", byName())));
        assertEquals(List.of(), names(users.list(null, "other", byName())));
        // like wildcards are text
        assertEquals(List.of(), names(users.list(null, "%", byName())));
        Page<UserDto> second = users.list(null, null, PageRequest.of(2, 2, "-username", UserService.SORTABLE));
        assertEquals(List.of("district.officer"), names(second));
        assertEquals(3, second.getTotal());
    }

    @Test
    public void usersOutOfScopeAreNotFound() {
        assertEquals("township.reporter", users.get(inTownship).getUsername());
        assertEquals(TOWNSHIP, users.get(inTownship).getUnitId());
        assertEquals(Set.of("reporter"), users.get(inTownship).getRoles());
        assertNotFound(() -> users.get(inOther), "user", inOther);
        assertNotFound(() -> users.get(deploymentWide), "user", deploymentWide);
    }

    private final UUID unknownId = UUID.fromString("00000000-0000-4000-8000-000000000bad");

    @Test
    public void anUnknownIdIsNotFound() {
        assertNotFound(() -> users.get(unknownId), "user", unknownId);
    }

    @Test
    public void usersOutOfScopeCannotBeChanged() {
        UserDto other = users.list(null, null, byName()).getItems().get(0);
        other.setDisplayName("changed");
        assertNotFound(() -> users.update(inOther, 0, other), "user", inOther);
        assertNotFound(() -> users.setDisabled(inOther, true), "user", inOther);
        assertNotFound(() -> users.unlock(inOther), "user", inOther);
        assertNotFound(() -> users.resetPassword(inOther, "taken over 1"), "user", inOther);
        assertNotFound(() -> users.setDisabled(deploymentWide, true), "user", deploymentWide);
        assertNotFound(() -> users.byUsername("other.officer"), "user", "other.officer");
        assertEquals(List.of(), audit.actions());
        assertTrue(accounts.login("other.officer", PASSWORD, "10.0.0.1").ok());
    }

    @Test
    public void byUsernameIsScopedInsideRequestsAndNotOutside() {
        assertEquals(inDistrict, users.byUsername("district.officer").getId());
        security.system();
        assertEquals(inOther, users.byUsername("other.officer").getId());
        assertEquals(deploymentWide, users.byUsername("SECADMIN").getId());
    }

    @Test
    public void noOneDisablesTheirOwnAccount() {
        Problems.assertProblem(() -> users.setDisabled(unitAdmin, true), 409, "conflict", "problem.ownAccount");
        users.setDisabled(inDistrict, true);
        assertTrue(users.get(inDistrict).isDisabled());
    }

    @Test
    public void theProfileCarriesWhatCallerAndScopeAreBuiltFrom() {
        CallerProfile p = accounts.profile(unitAdmin);
        assertEquals("unitadmin", p.username());
        assertEquals(DISTRICT, p.unitId());
        assertEquals(Set.of("unit-admin"), p.roles());
        assertTrue(p.permissions().contains("platform:users-write"));
        assertTrue("a top unit's admin installs modules", p.permissions().contains("platform:modules-install"));
        assertEquals(11, p.permissions().size());
        assertEquals(org.qinglian.platform.api.security.ScopeKind.SUPERVISED, p.scope());
        CallerProfile wide = accounts.profile(deploymentWide);
        assertEquals(org.qinglian.platform.api.security.ScopeKind.ALL, wide.scope());
        assertEquals(null, wide.unitId());
        // several roles: the union of permissions and the widest scope
        security.system();
        UserDto u = users.get(inTownship);
        u.setRoles(Set.of("reporter", "integrator"));
        users.update(inTownship, u.getVersion(), u);
        CallerProfile both = accounts.profile(inTownship);
        assertEquals(org.qinglian.platform.api.security.ScopeKind.SUPERVISED, both.scope());
        assertEquals(Set.of("platform:units-read", "platform:dictionaries-read", "platform:people-read",
                "platform:api-read", "platform:tokens-write"), both.permissions());
        // without roles: no permission and the narrowest scope
        u = users.get(inTownship);
        u.setRoles(Set.of());
        users.update(inTownship, u.getVersion(), u);
        assertEquals(Set.of(), accounts.profile(inTownship).permissions());
        assertEquals(org.qinglian.platform.api.security.ScopeKind.OWN_UNIT, accounts.profile(inTownship).scope());
        assertNotFound(() -> accounts.profile(unknownId), "user", unknownId);
    }
}
