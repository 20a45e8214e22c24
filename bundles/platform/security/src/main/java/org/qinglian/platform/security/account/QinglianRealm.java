package org.qinglian.platform.security.account;

import org.qinglian.platform.api.persistence.Transactions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.qinglian.platform.security.account.entity.UserEntity;

/**
 * The Shiro realm over the platform's users: a user's authorization is their live roles and the
 * roles' permissions as {@link WildcardPermission}s. The principal is the user's public id.
 * Nothing is cached (roles change, and several nodes share the database). Authentication is not
 * this realm's: logins go through {@link AccountService#login}, which adds lockout and audit.
 */
@Component(service = QinglianRealm.class)
public class QinglianRealm extends AuthorizingRealm {

    public static final String NAME = "qinglian";

    @Reference(target = "(osgi.unit.name=qinglian-security)")
    private JpaTemplate jpa;

    public QinglianRealm() {
        setName(NAME);
        setCachingEnabled(false);
        setAuthorizationCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
    }

    /** For tests: a realm over a given template. */
    public QinglianRealm(JpaTemplate jpa) {
        this();
        this.jpa = jpa;
    }

    /** The principals of a user in this realm. */
    public static PrincipalCollection principals(UUID userId) {
        return new SimplePrincipalCollection(userId, NAME);
    }

    /** Whether the user's roles grant the permission. */
    public boolean isPermitted(UUID userId, String permission) {
        return isPermitted(principals(userId), permission);
    }

    /** The user's roles and permissions; empty for an unknown, deleted or disabled user. */
    public AuthorizationInfo authorizationInfo(UUID userId) {
        return doGetAuthorizationInfo(principals(userId));
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return false;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        return null;
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        Object primary = principals.fromRealm(NAME).stream().findFirst().orElse(null);
        if (!(primary instanceof UUID)) {
            return new SimpleAuthorizationInfo();
        }
        UUID userId = (UUID) primary;
        List<RoleEntity> roles = Transactions.inTransaction(jpa, em -> {
            UserEntity u = Accounts.findUser(em, userId);
            if (u == null || u.isDisabled()) {
                return List.<RoleEntity>of();
            }
            List<RoleEntity> live = em.createQuery("select distinct r from UserEntity u join u.roles r"
                    + " left join fetch r.permissions where u = :u and r.deletedAt is null", RoleEntity.class)
                    .setParameter("u", u).getResultList();
            return live;
        });
        Set<String> codes = new HashSet<>();
        Set<Permission> permissions = new HashSet<>();
        for (RoleEntity r : roles) {
            codes.add(r.getCode());
            for (String p : r.getPermissions()) {
                permissions.add(new WildcardPermission(p));
            }
        }
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo(codes);
        info.setObjectPermissions(permissions);
        return info;
    }
}
