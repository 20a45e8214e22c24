package org.qinglian.platform.security.account;

import java.util.Set;
import java.util.UUID;

/**
 * A valid API token: its id, its user, and the permissions chosen for it. The permissions in
 * force are those the user still holds: {@link Permissions#narrow(java.util.Collection, java.util.Collection)}
 * of the user's permissions and these. JavaBean getters mirror the record's accessors.
 */
public record TokenInfo(UUID tokenId, UUID userId, Set<String> permissions) {

    public TokenInfo {
        permissions = Set.copyOf(permissions);
    }

    public UUID getTokenId() { return tokenId; }
    public UUID getUserId() { return userId; }
    public Set<String> getPermissions() { return permissions; }
}
