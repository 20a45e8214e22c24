package org.qinglian.platform.security.account;

import org.qinglian.platform.api.persistence.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.security.web.ProfileCache;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.api.security.UserService;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.qinglian.platform.security.account.entity.UserEntity;

/**
 * User accounts, scoped by their unit: callers see and change only users of units in their
 * scope (users without a unit: unrestricted callers only), and grant only roles whose
 * permissions they hold and whose scope is no wider than theirs. Every change is audited in its
 * own transaction's audit row.
 */
@Component(service = UserService.class)
public class UserServiceImpl implements UserService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ProfileCache profiles;

    /** Cached profiles and scopes are read again after a change of users, roles or grants. */
    private <T> T changed(T result) {
        ProfileCache cache = profiles;
        if (cache != null) {
            cache.invalidateAll();
        }
        return result;
    }

    public UserServiceImpl() {
    }

    /** For tests: a service over given collaborators. */
    public UserServiceImpl(JpaTemplate jpa, PlatformClock clock, PasswordHasher hasher, AuditLog audit,
            SecurityContext security) {
        this.jpa = jpa;
        this.clock = clock;
        this.hasher = hasher;
        this.audit = audit;
        this.security = security;
    }

    @Override
    public Page<UserDto> list(UUID unitId, String text, PageRequest page) {
        Scope scope = security.scope();
        return Transactions.inTransaction(jpa, em -> {
            List<String> conditions = new ArrayList<>(List.of("u.deletedAt is null"));
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (!scope.isUnrestricted()) {
                Set<Long> units = PlatformRecords.unitIds(em, scope.units());
                if (units.isEmpty()) {
                    return new Page<>(List.of(), 0, page.getPage(), page.getSize());
                }
                conditions.add("u.unitId in :scope");
                parameters.put("scope", units);
            }
            if (unitId != null) {
                Set<Long> unit = PlatformRecords.unitIds(em, List.of(unitId));
                if (unit.isEmpty()) {
                    return new Page<>(List.of(), 0, page.getPage(), page.getSize());
                }
                conditions.add("u.unitId = :unit");
                parameters.put("unit", unit.iterator().next());
            }
            if (text != null && !text.isBlank()) {
                conditions.add("(lower(u.username) like :text escape '\\' or lower(u.displayName) like :text escape '\\')");
                parameters.put("text", likePattern(text));
            }
            String where = " where " + String.join(" and ", conditions);
            TypedQuery<Long> count = em.createQuery("select count(u) from UserEntity u" + where, Long.class);
            parameters.forEach(count::setParameter);
            long total = count.getSingleResult();
            List<UserDto> items = List.of();
            if (total > page.getOffset()) {
                StringBuilder order = new StringBuilder(" order by ");
                for (PageRequest.SortOrder s : page.getSort()) {
                    if (!SORTABLE.contains(s.getField())) {
                        throw new ValidationException("sort", "validation.sortField", s.getField(),
                                String.join(", ", new TreeSet<>(SORTABLE)));
                    }
                    order.append("u.").append(s.getField()).append(s.isAscending() ? " asc, " : " desc, ");
                }
                order.append("u.id asc");
                TypedQuery<UserEntity> query = em.createQuery("select u from UserEntity u" + where + order,
                        UserEntity.class);
                parameters.forEach(query::setParameter);
                query.setFirstResult(page.getOffset()).setMaxResults(page.getSize());
                items = dtos(em, query.getResultList());
            }
            return new Page<>(items, total, page.getPage(), page.getSize());
        });
    }

    static String likePattern(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    @Override
    public UserDto get(UUID id) {
        Scope scope = security.scope();
        return Transactions.inTransaction(jpa, em -> dto(em, requireInScope(em, id, scope)));
    }

    @Override
    public UserDto byUsername(String username) {
        Scope scope = security.scope();
        return Transactions.inTransaction(jpa, em -> {
            UserEntity u = username == null ? null : Accounts.findByUsername(em, username.strip());
            if (u == null || !scope.includes(PlatformRecords.unitPublicId(em, u.getUnitId()))) {
                throw new NotFoundException(Accounts.USER, username);
            }
            return dto(em, u);
        });
    }

    @Override
    public List<UserDto> byPerson(UUID personId) {
        return Transactions.inTransaction(jpa, em -> {
            Long person = personId == null ? null : PlatformRecords.personId(em, personId);
            if (person == null) {
                return List.<UserDto>of();
            }
            List<UserDto> users = new ArrayList<>();
            em.createQuery("select u from UserEntity u where u.personId = :p and u.disabled = false"
                    + " and u.deletedAt is null order by u.id", UserEntity.class).setParameter("p", person)
                    .getResultList().forEach(u -> users.add(dto(em, u)));
            return users;
        });
    }

    @Override
    public UserDto create(UserDto user) {
        if (user == null) {
            throw new ValidationException("body", "validation.required");
        }
        Validator v = validate(user);
        if (!PasswordHasher.hasValidLength(user.getPassword())) {
            v.reject("password", "validation.passwordLength", PasswordHasher.MIN_LENGTH, PasswordHasher.MAX_LENGTH);
        }
        v.throwIfInvalid();
        String hash = hasher.hash(user.getPassword());
        Instant now = clock.now();
        return changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            String username = user.getUsername().strip();
            if (Accounts.usernameTaken(em, username, null)) {
                throw duplicate(username);
            }
            Long unit = reference(em, user);
            Long person = person(em, user);
            List<RoleEntity> roles = roles(em, user.getRoles());
            checkGrant(authority, user.getUnitId(), roles);
            UserEntity e = new UserEntity();
            e.setUsername(username);
            e.setDisplayName(blankToNull(user.getDisplayName()));
            e.setUnitId(unit);
            e.setPersonId(person);
            e.setPassword(hasher.algorithm(), hash);
            e.setMustChangePassword(true);
            e.getRoles().addAll(roles);
            e.created(now);
            em.persist(e);
            em.flush();
            audit.record(em, AuditEvent.of("user.create", Accounts.USER, e.getPublicId())
                    .detail("username=" + username + " roles=" + String.join(",", Accounts.codes(roles))));
            return dto(em, e);
        }));
    }

    @Override
    public UserDto update(UUID id, long expectedVersion, UserDto user) {
        if (user == null) {
            throw new ValidationException("body", "validation.required");
        }
        validate(user).throwIfInvalid();
        Instant now = clock.now();
        return changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            UserEntity e = requireInScope(em, id, authority.scope());
            checkVersion(e, expectedVersion);
            Long unit = reference(em, user);
            Long person = person(em, user);
            List<RoleEntity> roles = roles(em, user.getRoles());
            // roles added and roles taken away both need the power to grant them
            Set<RoleEntity> changed = new HashSet<>(roles);
            changed.removeAll(e.getRoles());
            for (RoleEntity old : e.getRoles()) {
                if (!roles.contains(old)) {
                    changed.add(old);
                }
            }
            checkGrant(authority, user.getUnitId(), changed);
            Set<String> before = Accounts.codes(e.getRoles());
            e.setDisplayName(blankToNull(user.getDisplayName()));
            e.setUnitId(unit);
            e.setPersonId(person);
            e.getRoles().clear();
            e.getRoles().addAll(roles);
            e.touched(now);
            em.flush();
            audit.record(em, AuditEvent.of("user.update", Accounts.USER, e.getPublicId())
                    .detail("roles=" + String.join(",", before) + " -> " + String.join(",", Accounts.codes(roles))));
            return dto(em, e);
        }));
    }

    @Override
    public UserDto setDisabled(UUID id, boolean disabled) {
        Instant now = clock.now();
        return changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            UserEntity e = requireInScope(em, id, authority.scope());
            if (disabled && authority.caller() != null && e.getPublicId().equals(authority.caller().getUserId())) {
                throw new ConflictException("problem.ownAccount");
            }
            int ended = 0;
            if (e.isDisabled() != disabled) {
                e.setDisabled(disabled);
                e.touched(now);
            }
            if (disabled) {
                ended = Accounts.endSessions(em, e, now);
            }
            em.flush();
            audit.record(em, AuditEvent.of(disabled ? "user.disable" : "user.enable", Accounts.USER, e.getPublicId())
                    .detail(disabled ? "sessions ended=" + ended : null));
            return dto(em, e);
        }));
    }

    @Override
    public UserDto unlock(UUID id) {
        Instant now = clock.now();
        return changed(Transactions.inTransaction(jpa, em -> {
            UserEntity e = requireInScope(em, id, security.scope());
            Accounts.unlock(em, e);
            e.touched(now);
            em.flush();
            audit.record(em, AuditEvent.of("user.unlock", Accounts.USER, e.getPublicId()));
            return dto(em, e);
        }));
    }

    @Override
    public void resetPassword(UUID id, String password) {
        PasswordHasher.checkLength("password", password);
        String hash = hasher.hash(password);
        Instant now = clock.now();
        changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            UserEntity e = requireInScope(em, id, authority.scope());
            // taking over an account that holds more than the caller would be an escalation
            List<FieldViolation> beyond = new ArrayList<>();
            for (RoleEntity r : e.getRoles()) {
                if (!r.isDeleted() && !authority.mayGrant(r)) {
                    beyond.add(new FieldViolation("roles", "validation.roleNotGrantable", r.getCode()));
                }
            }
            if (!beyond.isEmpty()) {
                throw Authority.notHeld(beyond);
            }
            e.setPassword(hasher.algorithm(), hash);
            e.setMustChangePassword(true);
            e.touched(now);
            int ended = Accounts.endSessions(em, e, now);
            em.flush();
            audit.record(em, AuditEvent.of("user.password-reset", Accounts.USER, e.getPublicId())
                    .detail("sessions ended=" + ended));
            return null;
        }));
    }

    // ---------------------------------------------------------------- rules

    private static Validator validate(UserDto user) {
        Validator v = new Validator();
        if (user.getUsername() == null || !USERNAME.matcher(user.getUsername().strip()).matches()) {
            v.reject("username", "validation.username", 3, 64);
        }
        v.maxLength("displayName", user.getDisplayName(), 100);
        return v;
    }

    private static ProblemException duplicate(String username) {
        return new ProblemException(409, "duplicate", "problem.duplicate",
                List.of(new FieldViolation("username", "validation.duplicate", username)));
    }

    /** The internal id of the user's unit; 400 naming unitId if it does not exist. */
    private static Long reference(EntityManager em, UserDto user) {
        if (user.getUnitId() == null) {
            return null;
        }
        Long id = PlatformRecords.unitId(em, user.getUnitId());
        if (id == null) {
            throw new ValidationException("unitId", "validation.unknownReference", user.getUnitId().toString());
        }
        return id;
    }

    private static Long person(EntityManager em, UserDto user) {
        if (user.getPersonId() == null) {
            return null;
        }
        Long id = PlatformRecords.personId(em, user.getPersonId());
        if (id == null) {
            throw new ValidationException("personId", "validation.unknownReference", user.getPersonId().toString());
        }
        return id;
    }

    /** The live roles of these codes; 400 naming roles for every unknown one. */
    static List<RoleEntity> roles(EntityManager em, Set<String> codes) {
        Set<String> wanted = new TreeSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            if (code == null) {
                throw new ValidationException("roles", "validation.unknownReference", "null");
            }
            wanted.add(code);
        }
        List<RoleEntity> found = Accounts.rolesByCode(em, wanted);
        Set<String> known = Accounts.codes(found);
        List<FieldViolation> unknown = new ArrayList<>();
        for (String code : wanted) {
            if (!known.contains(code)) {
                unknown.add(new FieldViolation("roles", "validation.unknownReference", code));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        return found;
    }

    /**
     * The grant rules: the target unit is in the caller's scope, and each role's permissions are
     * held by the caller and its scope is no wider than the caller's widest; 403 otherwise.
     */
    private static void checkGrant(Authority authority, UUID unit, Iterable<RoleEntity> roles) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!authority.covers(unit)) {
            violations.add(new FieldViolation("unitId", "validation.unitOutOfScope", String.valueOf(unit)));
        }
        for (RoleEntity r : roles) {
            if (!authority.mayGrant(r)) {
                violations.add(new FieldViolation("roles", "validation.roleNotGrantable", r.getCode()));
            }
        }
        if (!violations.isEmpty()) {
            throw Authority.notHeld(violations);
        }
    }

    /** The live user in the scope; 404 for a user that does not exist or is out of scope alike. */
    private static UserEntity requireInScope(EntityManager em, UUID id, Scope scope) {
        UserEntity u = Accounts.findUser(em, id);
        if (u == null || !scope.includes(PlatformRecords.unitPublicId(em, u.getUnitId()))) {
            throw new NotFoundException(Accounts.USER, id);
        }
        return u;
    }

    private static void checkVersion(UserEntity e, long expected) {
        if (e.getVersion() != expected) {
            throw new StaleVersionException(expected, e.getVersion());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- mapping

    private static UserDto dto(EntityManager em, UserEntity u) {
        return dtos(em, List.of(u)).get(0);
    }

    /** Users as DTOs, their units, people and roles read in one query each. Never the password. */
    private static List<UserDto> dtos(EntityManager em, List<UserEntity> users) {
        List<Long> unitIds = new ArrayList<>();
        List<Long> personIds = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (UserEntity u : users) {
            ids.add(u.getId());
            unitIds.add(u.getUnitId());
            personIds.add(u.getPersonId());
        }
        Map<Long, UUID> units = PlatformRecords.unitPublicIds(em, unitIds);
        Map<Long, UUID> people = PlatformRecords.personPublicIds(em, personIds);
        Map<Long, Set<String>> roles = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : em.createQuery("select u.id, r.code from UserEntity u join u.roles r"
                    + " where u.id in :ids and r.deletedAt is null", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                roles.computeIfAbsent((Long) row[0], k -> new TreeSet<>()).add((String) row[1]);
            }
        }
        List<UserDto> result = new ArrayList<>();
        for (UserEntity u : users) {
            UserDto d = new UserDto();
            d.setId(u.getPublicId());
            d.setUsername(u.getUsername());
            d.setDisplayName(u.getDisplayName());
            d.setUnitId(units.get(u.getUnitId()));
            d.setPersonId(people.get(u.getPersonId()));
            d.setRoles(roles.getOrDefault(u.getId(), new TreeSet<>()));
            d.setDisabled(u.isDisabled());
            d.setMustChangePassword(u.isMustChangePassword());
            d.setLockedUntil(u.getLockedUntil());
            d.setLastLoginAt(u.getLastLoginAt());
            d.setVersion(u.getVersion());
            result.add(d);
        }
        return result;
    }

}
