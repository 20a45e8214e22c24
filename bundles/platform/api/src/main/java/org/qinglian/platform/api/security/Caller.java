package org.qinglian.platform.api.security;

import java.util.Set;
import java.util.UUID;

/** The signed-in user (or API token) a request runs for. */
public final class Caller {

    private final UUID userId;
    private final String username;
    private final UUID unitId;
    private final UUID personId;
    private final Set<String> roles;
    private final Set<String> permissions;
    private final boolean viaToken;

    public Caller(UUID userId, String username, UUID unitId, UUID personId, Set<String> roles,
            Set<String> permissions, boolean viaToken) {
        this.userId = userId;
        this.username = username;
        this.unitId = unitId;
        this.personId = personId;
        this.roles = Set.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
        this.viaToken = viaToken;
    }

    public UUID getUserId() { return userId; }
    public String getUsername() { return username; }
    /** The user's unit, or null for a deployment-wide account. */
    public UUID getUnitId() { return unitId; }
    /** The person of the roster the user is, or null. */
    public UUID getPersonId() { return personId; }
    /** Codes of the user's roles. */
    public Set<String> getRoles() { return roles; }
    /** The permissions in force: the roles' permissions, narrowed to a token's when via a token. */
    public Set<String> getPermissions() { return permissions; }
    /** Whether the request authenticated with an API token (which never satisfies need-to-know). */
    public boolean isViaToken() { return viaToken; }
}
