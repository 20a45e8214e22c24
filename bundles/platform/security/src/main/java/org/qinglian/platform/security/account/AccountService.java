package org.qinglian.platform.security.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Authentication for the web layer of this bundle: logins with lockout, sessions kept in the
 * database, password changes, API tokens, and the profile a request's caller is built from.
 * Internal to the security bundle (not exported); the web layer decides who may call what.
 */
public interface AccountService {

    /**
     * Checks a user name and password from a client address. Five failures of one account from
     * one address within 15 minutes lock the account for that address for 15 minutes; twenty
     * failures since the last success, from any addresses, lock it everywhere for 24 hours (or
     * until an admin unlocks it). A success opens a new session and resets the address's counter.
     * Every attempt is audited in its own transaction, never with the password.
     */
    LoginResult login(String username, String password, String clientAddress);

    /**
     * The session of a raw session id (the cookie value), if it is valid: not revoked, neither
     * idle nor absolute timeout passed, the user neither disabled nor deleted. Records the use
     * (at most once a minute).
     */
    Optional<SessionInfo> session(String rawSessionId, String clientAddress);

    /** Ends the session of a raw session id; unknown or ended sessions are ignored. */
    void logout(String rawSessionId);

    /** Ends every session of the user. */
    void endSessions(UUID userId);

    /**
     * Replaces the user's password, clearing a pending forced change.
     *
     * @throws org.qinglian.platform.api.ValidationException naming {@code oldPassword} when it does
     *         not verify, {@code newPassword} when it is not 8..128 characters or equals the old one
     */
    void changePassword(UUID userId, String oldPassword, String newPassword);

    /**
     * The token of a raw bearer token {@code ql_<prefix>_<secret>}, if valid: not revoked, not
     * expired, its user neither disabled nor deleted. Records the use (at most once a minute).
     */
    Optional<TokenInfo> token(String rawBearerToken);

    /**
     * A new API token of the current caller, carrying only permissions the caller holds, expiring
     * in the future and within a year. The raw token is in the answer, once.
     *
     * @throws org.qinglian.platform.api.ProblemException 403 {@code forbidden} naming
     *         {@code permissions} when the caller does not hold one of them
     */
    CreatedToken createToken(String name, Set<String> permissions, Instant expiresAt);

    /** The caller's own tokens; for holders of {@code platform:users-write}, also all tokens of users in scope. */
    List<TokenDto> tokens();

    /** Revokes a token the caller may see in {@link #tokens()}; 404 otherwise. Audited. */
    void revokeToken(UUID id);

    /**
     * The user's profile: what a request's caller and scope are built from.
     *
     * @throws org.qinglian.platform.api.NotFoundException if no such (live) user exists
     */
    CallerProfile profile(UUID userId);
}
