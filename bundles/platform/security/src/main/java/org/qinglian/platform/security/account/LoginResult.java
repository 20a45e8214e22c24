package org.qinglian.platform.security.account;

import java.util.UUID;

/**
 * The answer to a login: a new session (its raw id, for the cookie, and its CSRF token), or
 * why it was refused. A refused login carries no user id. JavaBean getters mirror the record's
 * accessors for bean-style callers.
 */
public record LoginResult(boolean ok, String sessionId, String csrfToken, boolean mustChangePassword, UUID userId,
        Failure failure) {

    /** Why a login was refused. */
    public enum Failure {
        /** Unknown user name or wrong password (never told apart). */
        BAD_CREDENTIALS,
        /** Locked for the client address or for the whole account. */
        LOCKED,
        /** The account is disabled. */
        DISABLED
    }

    static LoginResult success(String sessionId, String csrfToken, boolean mustChangePassword, UUID userId) {
        return new LoginResult(true, sessionId, csrfToken, mustChangePassword, userId, null);
    }

    static LoginResult refused(Failure failure) {
        return new LoginResult(false, null, null, false, null, failure);
    }

    public boolean isOk() { return ok; }
    public String getSessionId() { return sessionId; }
    public String getCsrfToken() { return csrfToken; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public UUID getUserId() { return userId; }
    public Failure getFailure() { return failure; }

    /** Never shows the session id or the CSRF token. */
    @Override
    public String toString() {
        return ok ? "LoginResult[ok, userId=" + userId + ", mustChangePassword=" + mustChangePassword + "]"
                : "LoginResult[refused, " + failure + "]";
    }
}
