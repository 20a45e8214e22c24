package org.qinglian.platform.security.account;

import java.util.Set;
import java.util.UUID;

import org.qinglian.platform.api.security.ScopeKind;

/**
 * What the web layer builds a request's {@code Caller} and {@code Scope} from: the user, their
 * unit and person (public ids, null if none), the codes of their live roles, the union of the
 * roles' permissions, and {@code scope}, the widest of the roles' scopes ({@link ScopeKind#OWN_UNIT},
 * the narrowest, for a user without roles, who holds no permission either). JavaBean getters
 * mirror the record's accessors.
 */
public record CallerProfile(UUID userId, String username, String displayName, UUID unitId, UUID personId,
        Set<String> roles, Set<String> permissions, ScopeKind scope, boolean mustChangePassword) {

    public CallerProfile {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public UUID getUserId() { return userId; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public UUID getUnitId() { return unitId; }
    public UUID getPersonId() { return personId; }
    public Set<String> getRoles() { return roles; }
    public Set<String> getPermissions() { return permissions; }
    public ScopeKind getScope() { return scope; }
    public boolean isMustChangePassword() { return mustChangePassword; }
}
