package org.qinglian.platform.security.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token as listed: never the token or its hash. JavaBean getters mirror the record's accessors. */
public record TokenDto(UUID id, String name, String prefix, UUID userId, String username, Set<String> permissions,
        Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public TokenDto {
        permissions = Set.copyOf(permissions);
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public UUID getUserId() { return userId; }
    public String getUsername() { return username; }
    public Set<String> getPermissions() { return permissions; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
