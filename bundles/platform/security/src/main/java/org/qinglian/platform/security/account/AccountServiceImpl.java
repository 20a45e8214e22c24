package org.qinglian.platform.security.account;

import org.qinglian.platform.api.persistence.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditEvent.Outcome;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.ScopeKind;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.security.account.LoginResult.Failure;
import org.qinglian.platform.security.account.entity.ApiTokenEntity;
import org.qinglian.platform.security.account.entity.LoginFailureEntity;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.qinglian.platform.security.account.entity.SessionEntity;
import org.qinglian.platform.security.account.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = AccountService.class, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public class AccountServiceImpl implements AccountService {

    static final int ADDRESS_FAILURES = 5;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final Duration ADDRESS_LOCK = Duration.ofMinutes(15);
    static final int ACCOUNT_FAILURES = 20;
    static final Duration ACCOUNT_LOCK = Duration.ofHours(24);
    /** Uses of a session or token are recorded at most this often. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_TOKEN_DAYS = 365;
    static final String TOKEN_START = "ql_";
    static final int PREFIX_LENGTH = 8;
    static final String UNKNOWN_ADDRESS = "unknown";
    static final String USERS_WRITE = "platform:users-write";

    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_ADDRESS = 64;
    private static final int MAX_USERNAME = 64;
    private static final int MAX_SECRET = 256;
    private static final Logger LOG = LoggerFactory.getLogger(AccountServiceImpl.class);

    @Reference(target = "(osgi.unit.name=qinglian-security)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private PasswordHasher hasher;

    @Reference
    private AuditLog audit;

    @Reference
    private SecurityContext security;

    private volatile Duration idle = Duration.ofMinutes(30);
    private volatile Duration absolute = Duration.ofHours(12);

    public AccountServiceImpl() {
    }

    /** For tests: a service over given collaborators and timeouts. */
    public AccountServiceImpl(JpaTemplate jpa, PlatformClock clock, PasswordHasher hasher, AuditLog audit,
            SecurityContext security, int idleMinutes, int absoluteHours) {
        this.jpa = jpa;
        this.clock = clock;
        this.hasher = hasher;
        this.audit = audit;
        this.security = security;
        this.idle = Duration.ofMinutes(idleMinutes);
        this.absolute = Duration.ofHours(absoluteHours);
    }

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        idle = Duration.ofMinutes(Math.max(1, config.idleMinutes()));
        absolute = Duration.ofHours(Math.max(1, config.absoluteHours()));
    }

    // ---------------------------------------------------------------- login

    /** What a login needs to know of an account before the password is checked. */
    private record Candidate(Long id, UUID publicId, String username, String hash, String algorithm, boolean disabled,
            Instant lockedUntil, Instant addressLockedUntil) {

        boolean locked(Instant now) {
            return after(lockedUntil, now) || after(addressLockedUntil, now);
        }
    }

    /** A session opened, or why not after all. */
    private record Opened(String sessionId, String csrfToken, boolean mustChangePassword, Failure failure) {
    }

    @Override
    public LoginResult login(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.strip();
        String address = address(clientAddress);
        Instant now = clock.now();
        Candidate c = name.isEmpty() || name.length() > MAX_USERNAME ? null
                : Transactions.inTransaction(jpa, em -> candidate(em, name, address));
        if (c == null) {
            hasher.verifyDummy(password);
            return refuse(null, truncate(name, MAX_USERNAME), Failure.BAD_CREDENTIALS, null);
        }
        if (c.locked(now)) {
            // the password is not checked while locked: answering differently for the right one would defeat the lock
            hasher.verifyDummy(password);
            return refuse(c.publicId(), c.username(), Failure.LOCKED, null);
        }
        boolean verified;
        if (c.hash() == null || password == null || password.length() > 4 * PasswordHasher.MAX_LENGTH) {
            hasher.verifyDummy(password);
            verified = false;
        } else {
            verified = hasher.verify(password, c.algorithm(), c.hash());
        }
        if (!verified) {
            String lock = Transactions.inTransaction(jpa, em -> recordFailure(em, c.id(), address, now));
            return refuse(c.publicId(), c.username(), Failure.BAD_CREDENTIALS, lock);
        }
        if (c.disabled()) {
            return refuse(c.publicId(), c.username(), Failure.DISABLED, null);
        }
        String rehash = hasher.needsRehash(c.algorithm(), c.hash()) ? hasher.hash(password) : null;
        Opened opened = Transactions.inTransaction(jpa, em -> open(em, c.id(), address, now, rehash));
        if (opened.failure() != null) {
            return refuse(c.publicId(), c.username(), opened.failure(), null);
        }
        audit.recordSeparately(AuditEvent.of("auth.login", Accounts.USER, c.publicId()).actor(c.username()));
        LOG.debug("User {} signed in", c.publicId());
        return LoginResult.success(opened.sessionId(), opened.csrfToken(), opened.mustChangePassword(), c.publicId());
    }

    private LoginResult refuse(UUID userId, String username, Failure failure, String lock) {
        Outcome outcome = failure == Failure.BAD_CREDENTIALS ? Outcome.FAILURE : Outcome.DENIED;
        String detail = lock == null ? failure.name() : failure.name() + "; " + lock;
        audit.recordSeparately(AuditEvent.of("auth.login", Accounts.USER, userId).actor(username).outcome(outcome)
                .detail(detail));
        return LoginResult.refused(failure);
    }

    private static Candidate candidate(EntityManager em, String username, String address) {
        UserEntity u = Accounts.findByUsername(em, username);
        if (u == null) {
            return null;
        }
        LoginFailureEntity f = em.find(LoginFailureEntity.class, new LoginFailureEntity.Key(u.getId(), address));
        return new Candidate(u.getId(), u.getPublicId(), u.getUsername(), u.getPasswordHash(),
                u.getPasswordAlgorithm(), u.isDisabled(), u.getLockedUntil(), f == null ? null : f.getLockedUntil());
    }

    /** Counts a failure for the address and the account; answers the lock it caused, if any. */
    private static String recordFailure(EntityManager em, Long userId, String address, Instant now) {
        // the account row is locked so that parallel attempts cannot lose counts
        UserEntity u = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
        LoginFailureEntity.Key key = new LoginFailureEntity.Key(userId, address);
        LoginFailureEntity f = em.find(LoginFailureEntity.class, key);
        if (f == null) {
            f = new LoginFailureEntity(key, now);
            em.persist(f);
        }
        String lock = null;
        if (f.fail(now, now.minus(ADDRESS_WINDOW)) >= ADDRESS_FAILURES) {
            f.setLockedUntil(now.plus(ADDRESS_LOCK));
            lock = "locked for the address until " + f.getLockedUntil();
        }
        int total = u.getFailedCount() + 1;
        // counters and locks change without a new version: logins must not make admins' edits stale
        if (total >= ACCOUNT_FAILURES) {
            Instant until = now.plus(ACCOUNT_LOCK);
            em.createQuery("update UserEntity u set u.failedCount = 0, u.lockedUntil = :until where u.id = :id")
                    .setParameter("until", until).setParameter("id", userId).executeUpdate();
            lock = "account locked until " + until;
            LOG.warn("User {} is locked for {} after {} failed logins", u.getPublicId(), ACCOUNT_LOCK, total);
        } else {
            em.createQuery("update UserEntity u set u.failedCount = :n where u.id = :id")
                    .setParameter("n", total).setParameter("id", userId).executeUpdate();
        }
        return lock;
    }

    private Opened open(EntityManager em, Long userId, String address, Instant now, String rehash) {
        UserEntity u = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (u == null || u.isDeleted()) {
            return new Opened(null, null, false, Failure.BAD_CREDENTIALS);
        }
        if (u.isDisabled()) {
            return new Opened(null, null, false, Failure.DISABLED);
        }
        LoginFailureEntity f = em.find(LoginFailureEntity.class, new LoginFailureEntity.Key(userId, address));
        if (after(u.getLockedUntil(), now) || f != null && after(f.getLockedUntil(), now)) {
            return new Opened(null, null, false, Failure.LOCKED);
        }
        if (f != null) {
            em.remove(f);
        }
        em.createQuery("update UserEntity u set u.failedCount = 0, u.lockedUntil = null, u.lastLoginAt = :now"
                + " where u.id = :id").setParameter("now", now).setParameter("id", userId).executeUpdate();
        if (rehash != null) {
            em.createQuery("update UserEntity u set u.passwordHash = :hash, u.passwordAlgorithm = :algorithm"
                    + " where u.id = :id").setParameter("hash", rehash).setParameter("algorithm", hasher.algorithm())
                    .setParameter("id", userId).executeUpdate();
        }
        // the user's ended sessions are of no further use
        em.createQuery("delete from SessionEntity s where s.user = :u and (s.revokedAt is not null"
                + " or s.expiresAt <= :now or s.lastSeenAt <= :idle)").setParameter("u", u)
                .setParameter("now", now).setParameter("idle", now.minus(idle)).executeUpdate();
        String sessionId = Secrets.random256();
        String csrfToken = Secrets.random256();
        em.persist(new SessionEntity(Secrets.sha256Hex(sessionId), u, csrfToken, now, now.plus(absolute), address));
        return new Opened(sessionId, csrfToken, u.isMustChangePassword(), null);
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public Optional<SessionInfo> session(String rawSessionId, String clientAddress) {
        if (rawSessionId == null || rawSessionId.isEmpty() || rawSessionId.length() > MAX_SECRET) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(rawSessionId);
        String address = address(clientAddress);
        Instant now = clock.now();
        Duration idleTimeout = idle;
        Duration absoluteTimeout = absolute;
        return Transactions.inTransaction(jpa, em -> {
            List<SessionEntity> found = em.createQuery("select s from SessionEntity s join fetch s.user"
                    + " where s.idHash = :h", SessionEntity.class).setParameter("h", hash).getResultList();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SessionEntity s = found.get(0);
            UserEntity u = s.getUser();
            Instant ends = min(s.getExpiresAt(), s.getCreatedAt().plus(absoluteTimeout));
            if (s.getRevokedAt() != null || !now.isBefore(ends) || !now.isBefore(s.getLastSeenAt().plus(idleTimeout))
                    || u.isDisabled() || u.isDeleted()) {
                return Optional.empty();
            }
            if (!now.isBefore(s.getLastSeenAt().plus(TOUCH_INTERVAL))) {
                em.createQuery("update SessionEntity s set s.lastSeenAt = :now, s.clientAddress = :address"
                        + " where s.idHash = :h").setParameter("now", now).setParameter("address", address)
                        .setParameter("h", hash).executeUpdate();
            }
            return Optional.of(new SessionInfo(u.getPublicId(), s.getCsrfToken(), u.isMustChangePassword(), ends));
        });
    }

    @Override
    public void logout(String rawSessionId) {
        if (rawSessionId == null || rawSessionId.isEmpty() || rawSessionId.length() > MAX_SECRET) {
            return;
        }
        String hash = Secrets.sha256Hex(rawSessionId);
        Instant now = clock.now();
        Transactions.inTransaction(jpa, em -> {
            SessionEntity s = em.find(SessionEntity.class, hash);
            if (s != null && s.getRevokedAt() == null) {
                s.revoke(now);
                audit.record(em, AuditEvent.of("auth.logout", Accounts.USER, s.getUser().getPublicId())
                        .actor(s.getUser().getUsername()));
            }
            return null;
        });
    }

    @Override
    public void endSessions(UUID userId) {
        Instant now = clock.now();
        Transactions.inTransaction(jpa, em -> {
            UserEntity u = Accounts.requireUser(em, userId);
            int ended = Accounts.endSessions(em, u, now);
            audit.record(em, AuditEvent.of("auth.sessions-end", Accounts.USER, u.getPublicId())
                    .detail("sessions=" + ended));
            return null;
        });
    }

    // ---------------------------------------------------------------- passwords

    @Override
    public void changePassword(UUID userId, String oldPassword, String newPassword) {
        String[] stored = Transactions.inTransaction(jpa, em -> {
            UserEntity u = Accounts.requireUser(em, userId);
            return new String[] {u.getPasswordAlgorithm(), u.getPasswordHash(), u.getUsername()};
        });
        List<FieldViolation> violations = new ArrayList<>();
        boolean oldVerified = oldPassword != null && stored[1] != null
                && oldPassword.length() <= 4 * PasswordHasher.MAX_LENGTH
                && hasher.verify(oldPassword, stored[0], stored[1]);
        if (!oldVerified) {
            violations.add(new FieldViolation("oldPassword", "validation.wrongPassword"));
        }
        if (!PasswordHasher.hasValidLength(newPassword)) {
            violations.add(new FieldViolation("newPassword", "validation.passwordLength", PasswordHasher.MIN_LENGTH,
                    PasswordHasher.MAX_LENGTH));
        } else if (newPassword.equals(oldPassword)) {
            violations.add(new FieldViolation("newPassword", "validation.passwordUnchanged"));
        }
        if (!oldVerified) {
            audit.recordSeparately(AuditEvent.of("auth.password", Accounts.USER, userId).actor(stored[2])
                    .outcome(Outcome.FAILURE).detail("wrong old password"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        String hash = hasher.hash(newPassword);
        Instant now = clock.now();
        Transactions.inTransaction(jpa, em -> {
            UserEntity u = Accounts.requireUser(em, userId);
            u.setPassword(hasher.algorithm(), hash);
            u.setMustChangePassword(false);
            u.touched(now);
            audit.record(em, AuditEvent.of("auth.password", Accounts.USER, userId).actor(u.getUsername()));
            return null;
        });
    }

    // ---------------------------------------------------------------- API tokens

    @Override
    public Optional<TokenInfo> token(String rawBearerToken) {
        String prefix = prefixOf(rawBearerToken);
        if (prefix == null) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(rawBearerToken);
        Instant now = clock.now();
        return Transactions.inTransaction(jpa, em -> {
            List<ApiTokenEntity> found = em.createQuery("select t from ApiTokenEntity t join fetch t.user"
                    + " where t.prefix = :p", ApiTokenEntity.class).setParameter("p", prefix).getResultList();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ApiTokenEntity t = found.get(0);
            UserEntity u = t.getUser();
            if (!Secrets.constantTimeEquals(hash, t.getTokenHash()) || t.getRevokedAt() != null
                    || !now.isBefore(t.getExpiresAt()) || u.isDisabled() || u.isDeleted()) {
                return Optional.empty();
            }
            if (t.getLastUsedAt() == null || !now.isBefore(t.getLastUsedAt().plus(TOUCH_INTERVAL))) {
                em.createQuery("update ApiTokenEntity t set t.lastUsedAt = :now where t.id = :id")
                        .setParameter("now", now).setParameter("id", t.getId()).executeUpdate();
            }
            return Optional.of(new TokenInfo(t.getPublicId(), u.getPublicId(), t.getPermissions()));
        });
    }

    /** The prefix of a well-formed {@code ql_<prefix>_<secret>}, or null. */
    static String prefixOf(String token) {
        int secretStart = TOKEN_START.length() + PREFIX_LENGTH + 1;
        if (token == null || token.length() <= secretStart || token.length() > MAX_SECRET
                || !token.startsWith(TOKEN_START) || token.charAt(secretStart - 1) != '_') {
            return null;
        }
        String prefix = token.substring(TOKEN_START.length(), secretStart - 1);
        for (int i = 0; i < prefix.length(); i++) {
            if (PREFIX_ALPHABET.indexOf(prefix.charAt(i)) < 0) {
                return null;
            }
        }
        return prefix;
    }

    @Override
    public CreatedToken createToken(String name, Set<String> permissions, Instant expiresAt) {
        Caller caller = currentCaller().orElseThrow(Authority::forbidden);
        Instant now = clock.now();
        Set<String> chosen = new TreeSet<>();
        Validator v = new Validator().text("name", name, 100);
        if (permissions == null || permissions.isEmpty()) {
            v.reject("permissions", "validation.required");
        } else {
            for (String p : permissions) {
                if (!Permissions.isValid(p)) {
                    v.reject("permissions", "validation.permission", String.valueOf(p));
                } else {
                    chosen.add(p);
                }
            }
        }
        if (expiresAt == null) {
            v.required("expiresAt", null);
        } else if (!expiresAt.isAfter(now)) {
            v.reject("expiresAt", "validation.future");
        } else if (expiresAt.isAfter(now.plus(Duration.ofDays(MAX_TOKEN_DAYS)))) {
            v.reject("expiresAt", "validation.maxDays", MAX_TOKEN_DAYS);
        }
        v.throwIfInvalid();
        List<FieldViolation> notHeld = new ArrayList<>();
        for (String p : chosen) {
            if (!Permissions.implies(caller.getPermissions(), p)) {
                notHeld.add(new FieldViolation("permissions", "validation.permissionNotHeld", p));
            }
        }
        if (!notHeld.isEmpty()) {
            throw Authority.notHeld(notHeld);
        }
        String secret = Secrets.random256();
        return Transactions.inTransaction(jpa, em -> {
            UserEntity u = Accounts.requireUser(em, caller.getUserId());
            String prefix;
            do {
                prefix = Secrets.randomChars(PREFIX_LENGTH, PREFIX_ALPHABET);
            } while (em.createQuery("select count(t) from ApiTokenEntity t where t.prefix = :p", Long.class)
                    .setParameter("p", prefix).getSingleResult() > 0);
            String token = TOKEN_START + prefix + "_" + secret;
            ApiTokenEntity t = new ApiTokenEntity(prefix, Secrets.sha256Hex(token), name.strip(), u, chosen, expiresAt,
                    now);
            em.persist(t);
            em.flush();
            audit.record(em, AuditEvent.of("token.create", Accounts.TOKEN, t.getPublicId())
                    .detail("user=" + u.getPublicId() + " permissions=" + String.join(",", chosen)));
            return new CreatedToken(t.getPublicId(), token, prefix, expiresAt);
        });
    }

    @Override
    public List<TokenDto> tokens() {
        Optional<Caller> caller = currentCaller();
        Scope scope = currentScope();
        return Transactions.inTransaction(jpa, em -> {
            StringBuilder jpql = new StringBuilder("select distinct t from ApiTokenEntity t join fetch t.user u"
                    + " left join fetch t.permissions");
            javax.persistence.TypedQuery<ApiTokenEntity> query;
            if (caller.isEmpty()) {
                if (!scope.isUnrestricted()) {
                    throw Authority.forbidden();
                }
                query = em.createQuery(jpql.toString(), ApiTokenEntity.class);
            } else if (Permissions.implies(caller.get().getPermissions(), USERS_WRITE)) {
                if (scope.isUnrestricted()) {
                    query = em.createQuery(jpql.toString(), ApiTokenEntity.class);
                } else {
                    Set<Long> units = PlatformRecords.unitIds(em, scope.units());
                    units.add(Long.MIN_VALUE);
                    query = em.createQuery(jpql.append(" where u.publicId = :me or u.unitId in :units").toString(),
                            ApiTokenEntity.class).setParameter("me", caller.get().getUserId().toString())
                            .setParameter("units", units);
                }
            } else {
                query = em.createQuery(jpql.append(" where u.publicId = :me").toString(), ApiTokenEntity.class)
                        .setParameter("me", caller.get().getUserId().toString());
            }
            List<TokenDto> result = new ArrayList<>();
            for (ApiTokenEntity t : query.getResultList()) {
                result.add(new TokenDto(t.getPublicId(), t.getName(), t.getPrefix(), t.getUser().getPublicId(),
                        t.getUser().getUsername(), new TreeSet<>(t.getPermissions()), t.getCreatedAt(),
                        t.getExpiresAt(), t.getLastUsedAt(), t.getRevokedAt()));
            }
            result.sort(Comparator.comparing(TokenDto::createdAt).reversed().thenComparing(TokenDto::prefix));
            return result;
        });
    }

    @Override
    public void revokeToken(UUID id) {
        Optional<Caller> caller = currentCaller();
        Scope scope = currentScope();
        Instant now = clock.now();
        Transactions.inTransaction(jpa, em -> {
            List<ApiTokenEntity> found = id == null ? List.of() : em.createQuery("select t from ApiTokenEntity t"
                    + " join fetch t.user where t.publicId = :id", ApiTokenEntity.class)
                    .setParameter("id", id.toString()).getResultList();
            if (found.isEmpty() || !visible(em, found.get(0), caller, scope)) {
                throw new NotFoundException(Accounts.TOKEN, id);
            }
            ApiTokenEntity t = found.get(0);
            if (t.getRevokedAt() == null) {
                t.setRevokedAt(now);
                audit.record(em, AuditEvent.of("token.revoke", Accounts.TOKEN, t.getPublicId())
                        .detail("user=" + t.getUser().getPublicId()));
            }
            return null;
        });
    }

    private static boolean visible(EntityManager em, ApiTokenEntity t, Optional<Caller> caller, Scope scope) {
        if (caller.isEmpty()) {
            return scope.isUnrestricted();
        }
        if (t.getUser().getPublicId().equals(caller.get().getUserId())) {
            return true;
        }
        return Permissions.implies(caller.get().getPermissions(), USERS_WRITE)
                && scope.includes(PlatformRecords.unitPublicId(em, t.getUser().getUnitId()));
    }

    // ---------------------------------------------------------------- profile

    @Override
    public CallerProfile profile(UUID userId) {
        return Transactions.inTransaction(jpa, em -> {
            UserEntity u = Accounts.requireUser(em, userId);
            Set<String> roles = new TreeSet<>();
            Set<String> permissions = new TreeSet<>();
            List<RoleEntity> live = new ArrayList<>();
            for (RoleEntity r : u.getRoles()) {
                if (!r.isDeleted()) {
                    live.add(r);
                    roles.add(r.getCode());
                    permissions.addAll(r.getPermissions());
                }
            }
            UUID unit = PlatformRecords.unitPublicId(em, u.getUnitId());
            UUID person = u.getPersonId() == null ? null
                    : PlatformRecords.personPublicIds(em, List.of(u.getPersonId())).get(u.getPersonId());
            ScopeKind widest = Accounts.widest(live);
            return new CallerProfile(u.getPublicId(), u.getUsername(), u.getDisplayName(), unit, person, roles,
                    permissions, widest == null ? ScopeKind.OWN_UNIT : widest, u.isMustChangePassword());
        });
    }

    // ---------------------------------------------------------------- helpers

    private Optional<Caller> currentCaller() {
        return security.caller();
    }

    private Scope currentScope() {
        return security.scope();
    }

    /** The client address as stored: trimmed, at most 64 characters, {@value #UNKNOWN_ADDRESS} if none. */
    static String address(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return UNKNOWN_ADDRESS;
        }
        return truncate(clientAddress.strip(), MAX_ADDRESS);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static boolean after(Instant until, Instant now) {
        return until != null && until.isAfter(now);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
