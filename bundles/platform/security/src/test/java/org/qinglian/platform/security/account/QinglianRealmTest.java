package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.testing.TestDatabase;

/** The Shiro realm: a user's roles and their permissions, as wildcard permissions. */
public class QinglianRealmTest extends AccountsTestCase {

    private QinglianRealm realm;
    private UUID securityAdmin;
    private UUID admin;

    @Before
    public void createRealm() {
        realm = new QinglianRealm(jpa);
        securityAdmin = user("secadmin", PASSWORD, null, "security-admin");
        admin = user("first", PASSWORD, null, "administrator");
    }

    @Test
    public void theAuthorizationIsTheUsersRolesAndTheirPermissions() {
        AuthorizationInfo info = realm.authorizationInfo(securityAdmin);
        assertEquals(Set.of("security-admin"), Set.copyOf(info.getRoles()));
        Set<String> permissions = info.getObjectPermissions().stream().map(Permission::toString)
                .collect(Collectors.toSet());
        assertEquals(8, permissions.size());
        assertTrue(info.getObjectPermissions().stream().allMatch(p -> p instanceof WildcardPermission));
        assertTrue(realm.isPermitted(securityAdmin, "platform:users-write"));
        assertFalse(realm.isPermitted(securityAdmin, "platform:audit-read"));
        assertFalse(realm.isPermitted(securityAdmin, "platform:*"));
    }

    @Test
    public void allImpliesEveryPermission() {
        assertTrue(realm.isPermitted(admin, "platform:audit-read"));
        assertTrue(realm.isPermitted(admin, "talks:read"));
        assertTrue(realm.hasRole(QinglianRealm.principals(admin), "administrator"));
    }

    @Test
    public void aDisabledDeletedOrUnknownUserHoldsNothing() {
        security.system();
        users.setDisabled(securityAdmin, true);
        assertFalse(realm.isPermitted(securityAdmin, "platform:users-read"));
        assertTrue(realm.authorizationInfo(securityAdmin).getRoles().isEmpty());
        TestDatabase.update("update pf_user set deleted_at = now() where username = 'first'");
        assertFalse(realm.isPermitted(admin, "platform:users-read"));
        assertFalse(realm.isPermitted(UUID.randomUUID(), "platform:users-read"));
    }

    @Test
    public void rolesChangeTakeEffectAtOnce() {
        assertFalse(realm.isPermitted(securityAdmin, "platform:audit-read"));
        security.system();
        var u = users.get(securityAdmin);
        u.setRoles(Set.of("security-admin", "audit-admin"));
        users.update(securityAdmin, u.getVersion(), u);
        assertTrue(realm.isPermitted(securityAdmin, "platform:audit-read"));
    }

    @Test
    public void theRealmDoesNotAuthenticate() {
        assertFalse(realm.supports(new UsernamePasswordToken("secadmin", PASSWORD)));
        assertEquals(QinglianRealm.NAME, realm.getName());
    }
}
