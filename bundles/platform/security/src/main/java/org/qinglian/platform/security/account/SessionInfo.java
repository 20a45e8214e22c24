package org.qinglian.platform.security.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A valid session: whose it is, its CSRF token, whether a password change is pending, and when
 * it ends at the latest. JavaBean getters mirror the record's accessors.
 */
public record SessionInfo(UUID userId, String csrfToken, boolean mustChangePassword, Instant expiresAt) {

    public UUID getUserId() { return userId; }
    public String getCsrfToken() { return csrfToken; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public Instant getExpiresAt() { return expiresAt; }

    /** Never shows the CSRF token. */
    @Override
    public String toString() {
        return "SessionInfo[userId=" + userId + ", mustChangePassword=" + mustChangePassword + ", expiresAt="
                + expiresAt + "]";
    }
}
