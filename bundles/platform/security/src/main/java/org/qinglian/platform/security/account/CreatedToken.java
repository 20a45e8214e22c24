package org.qinglian.platform.security.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A new API token: the raw token is shown this once and never stored. JavaBean getters mirror
 * the record's accessors (the JSON answer has id, token, prefix, expiresAt).
 */
public record CreatedToken(UUID id, String token, String prefix, Instant expiresAt) {

    public UUID getId() { return id; }
    public String getToken() { return token; }
    public String getPrefix() { return prefix; }
    public Instant getExpiresAt() { return expiresAt; }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "CreatedToken[id=" + id + ", prefix=" + prefix + ", expiresAt=" + expiresAt + "]";
    }
}
