package org.qinglian.platform.security.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.ScopeKind;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.security.account.entity.RoleEntity;

/**
 * What the current caller may hand on: the permissions they hold, the widest scope of their
 * roles, and the units of their scope. Outside a request (console, jobs) there is no caller and
 * the scope is unrestricted: the system may do everything. A request without a caller may do
 * nothing.
 */
final class Authority {

    private final Caller caller;
    private final Set<String> held;
    private final ScopeKind widest;
    private final Scope scope;

    private Authority(Caller caller, Set<String> held, ScopeKind widest, Scope scope) {
        this.caller = caller;
        this.held = held;
        this.widest = widest;
        this.scope = scope;
    }

    static Authority of(SecurityContext security, EntityManager em) {
        Optional<Caller> caller = security.caller();
        Scope scope = security.scope();
        if (caller.isEmpty()) {
            if (scope.isUnrestricted()) {
                return new Authority(null, Set.of("*"), ScopeKind.ALL, scope);
            }
            throw forbidden();
        }
        Caller c = caller.get();
        return new Authority(c, c.getPermissions(), Accounts.widest(Accounts.rolesByCode(em, c.getRoles())), scope);
    }

    static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "problem.forbidden");
    }

    /** 403: the caller tried to hand on more than they hold, or outside their scope. */
    static ProblemException notHeld(List<FieldViolation> violations) {
        return new ProblemException(403, "forbidden", "problem.grantNotHeld", violations);
    }

    /** Whether this is the system (no caller, unrestricted). */
    boolean isSystem() {
        return caller == null;
    }

    /** The caller; null for the system. */
    Caller caller() {
        return caller;
    }

    /** The caller's unit; null for the system or a deployment-wide account. */
    UUID unit() {
        return caller == null ? null : caller.getUnitId();
    }

    Scope scope() {
        return scope;
    }

    boolean holds(String permission) {
        return Permissions.implies(held, permission);
    }

    boolean holdsAll(Collection<String> permissions) {
        return Permissions.impliesAll(held, permissions);
    }

    /** Whether a scope kind is no wider than the widest of the caller's roles. */
    boolean reaches(ScopeKind kind) {
        return Accounts.noWider(kind, widest);
    }

    /** Whether the caller may give the role to someone: they hold all its permissions and its scope is no wider. */
    boolean mayGrant(RoleEntity role) {
        return holdsAll(role.getPermissions()) && reaches(role.getScopeKind());
    }

    /** Whether records of the unit (null: no unit) are in the caller's scope. */
    boolean covers(UUID unit) {
        return scope.includes(unit);
    }
}
