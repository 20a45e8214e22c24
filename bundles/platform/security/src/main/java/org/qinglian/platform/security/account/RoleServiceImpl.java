package org.qinglian.platform.security.account;

import org.qinglian.platform.api.persistence.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.security.web.ProfileCache;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.RoleDto;
import org.qinglian.platform.api.security.RoleService;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.security.account.entity.RoleEntity;

/**
 * Roles: the built-in ones (unchangeable) and custom roles a unit defines, visible to callers
 * whose scope holds the unit. A custom role carries only permissions its author holds, with a
 * scope no wider than theirs.
 */
@Component(service = RoleService.class)
public class RoleServiceImpl implements RoleService {

    private static final int MAX_PERMISSIONS = 200;

    @Reference(target = "(osgi.unit.name=qinglian-security)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

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

    public RoleServiceImpl() {
    }

    /** For tests: a service over given collaborators. */
    public RoleServiceImpl(JpaTemplate jpa, PlatformClock clock, AuditLog audit, SecurityContext security) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.security = security;
    }

    @Override
    public List<RoleDto> list() {
        Scope scope = security.scope();
        return Transactions.inTransaction(jpa, em -> {
            List<RoleEntity> all = em.createQuery("select distinct r from RoleEntity r left join fetch r.permissions"
                    + " where r.deletedAt is null", RoleEntity.class).getResultList();
            Map<Long, UUID> units = unitsOf(em, all);
            List<RoleDto> result = new ArrayList<>();
            for (RoleEntity r : all) {
                if (visible(r, units, scope)) {
                    result.add(dto(r, units));
                }
            }
            result.sort(Comparator.comparing((RoleDto r) -> !r.isBuiltIn()).thenComparing(RoleDto::getCode));
            return result;
        });
    }

    @Override
    public RoleDto get(UUID id) {
        Scope scope = security.scope();
        return Transactions.inTransaction(jpa, em -> {
            RoleEntity r = requireVisible(em, id, scope);
            return dto(r, unitsOf(em, List.of(r)));
        });
    }

    @Override
    public RoleDto create(RoleDto role) {
        validate(role);
        Instant now = clock.now();
        return changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            checkHeld(authority, role);
            String code = role.getCode().strip();
            if (codeTaken(em, code, null)) {
                throw new ProblemException(409, "duplicate", "problem.duplicate",
                        List.of(new FieldViolation("code", "validation.duplicate", code)));
            }
            Long unit = null;
            if (authority.unit() != null) {
                unit = PlatformRecords.unitId(em, authority.unit());
                if (unit == null) {
                    throw new ValidationException("unitId", "validation.unknownReference", authority.unit().toString());
                }
            }
            RoleEntity r = new RoleEntity();
            r.setCode(code);
            r.setUnitId(unit);
            apply(r, role);
            r.created(now);
            em.persist(r);
            em.flush();
            audit.record(em, AuditEvent.of("role.create", Accounts.ROLE, r.getPublicId())
                    .detail("code=" + code + " scope=" + r.getScopeKind() + " permissions="
                            + String.join(",", new TreeSet<>(r.getPermissions()))));
            return dto(r, unitsOf(em, List.of(r)));
        }));
    }

    @Override
    public RoleDto update(UUID id, long expectedVersion, RoleDto role) {
        validate(role);
        Instant now = clock.now();
        return changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            RoleEntity r = requireVisible(em, id, authority.scope());
            if (r.isBuiltIn()) {
                throw new ConflictException("problem.builtInRole", r.getCode());
            }
            checkVersion(r, expectedVersion);
            // changing a role that grants more than the caller holds is handing that on too
            if (!authority.mayGrant(r)) {
                throw Authority.notHeld(List.of(new FieldViolation("permissions", "validation.roleNotGrantable",
                        r.getCode())));
            }
            checkHeld(authority, role);
            String code = role.getCode().strip();
            if (codeTaken(em, code, r.getId())) {
                throw new ProblemException(409, "duplicate", "problem.duplicate",
                        List.of(new FieldViolation("code", "validation.duplicate", code)));
            }
            String before = r.getScopeKind() + " " + String.join(",", new TreeSet<>(r.getPermissions()));
            r.setCode(code);
            apply(r, role);
            r.touched(now);
            em.flush();
            audit.record(em, AuditEvent.of("role.update", Accounts.ROLE, r.getPublicId()).detail("code=" + code
                    + " " + before + " -> " + r.getScopeKind() + " " + String.join(",", new TreeSet<>(r.getPermissions()))));
            return dto(r, unitsOf(em, List.of(r)));
        }));
    }

    @Override
    public void delete(UUID id, long expectedVersion) {
        Instant now = clock.now();
        changed(Transactions.inTransaction(jpa, em -> {
            Authority authority = Authority.of(security, em);
            RoleEntity r = requireVisible(em, id, authority.scope());
            if (r.isBuiltIn()) {
                throw new ConflictException("problem.builtInRole", r.getCode());
            }
            checkVersion(r, expectedVersion);
            if (!authority.mayGrant(r)) {
                throw Authority.notHeld(List.of(new FieldViolation("permissions", "validation.roleNotGrantable",
                        r.getCode())));
            }
            long holders = em.createQuery("select count(u) from UserEntity u join u.roles r where r = :r"
                    + " and u.deletedAt is null", Long.class).setParameter("r", r).getSingleResult();
            if (holders > 0) {
                throw new ConflictException("problem.roleInUse", r.getCode(), holders);
            }
            r.deleted(now);
            audit.record(em, AuditEvent.of("role.delete", Accounts.ROLE, r.getPublicId()).detail("code=" + r.getCode()));
            return null;
        }));
    }

    private static void validate(RoleDto role) {
        if (role == null) {
            throw new ValidationException("body", "validation.required");
        }
        Validator v = new Validator()
                .required("code", role.getCode())
                .code("code", role.getCode() == null ? null : role.getCode().strip(), 64)
                .text("nameZh", role.getNameZh(), 50)
                .text("nameEn", role.getNameEn(), 100)
                .required("scope", role.getScope());
        Set<String> permissions = role.getPermissions();
        if (permissions == null || permissions.isEmpty()) {
            v.reject("permissions", "validation.required");
        } else if (permissions.size() > MAX_PERMISSIONS) {
            v.reject("permissions", "validation.tooMany", MAX_PERMISSIONS);
        } else {
            for (String p : permissions) {
                if (!Permissions.isValid(p)) {
                    v.reject("permissions", "validation.permission", String.valueOf(p));
                }
            }
        }
        v.throwIfInvalid();
    }

    /** 403 naming permissions or scope when the role would hand on more than the caller holds. */
    private static void checkHeld(Authority authority, RoleDto role) {
        List<FieldViolation> violations = new ArrayList<>();
        for (String p : new TreeSet<>(role.getPermissions())) {
            if (!authority.holds(p)) {
                violations.add(new FieldViolation("permissions", "validation.permissionNotHeld", p));
            }
        }
        if (!authority.reaches(role.getScope())) {
            violations.add(new FieldViolation("scope", "validation.scopeTooWide", role.getScope().name()));
        }
        if (!violations.isEmpty()) {
            throw Authority.notHeld(violations);
        }
    }

    private static void apply(RoleEntity r, RoleDto role) {
        r.setNameZh(role.getNameZh().strip());
        r.setNameEn(role.getNameEn().strip());
        r.setScopeKind(role.getScope());
        r.getPermissions().clear();
        r.getPermissions().addAll(role.getPermissions());
    }

    private static boolean codeTaken(EntityManager em, String code, Long self) {
        return em.createQuery("select count(r) from RoleEntity r where lower(r.code) = :code and r.id <> :self",
                Long.class).setParameter("code", code.toLowerCase(java.util.Locale.ROOT))
                .setParameter("self", self == null ? Long.MIN_VALUE : self).getSingleResult() > 0;
    }

    private static void checkVersion(RoleEntity r, long expected) {
        if (r.getVersion() != expected) {
            throw new StaleVersionException(expected, r.getVersion());
        }
    }

    /**
     * Built-in roles and roles without a unit are visible to everyone who may list roles;
     * a unit's custom roles to callers whose scope holds the unit.
     */
    private static boolean visible(RoleEntity r, Map<Long, UUID> units, Scope scope) {
        return r.getUnitId() == null || scope.includes(units.get(r.getUnitId()));
    }

    private static RoleEntity requireVisible(EntityManager em, UUID id, Scope scope) {
        List<RoleEntity> found = id == null ? List.of() : em.createQuery("select r from RoleEntity r"
                + " where r.publicId = :id and r.deletedAt is null", RoleEntity.class)
                .setParameter("id", id.toString()).getResultList();
        if (found.isEmpty() || !visible(found.get(0), unitsOf(em, found), scope)) {
            throw new NotFoundException(Accounts.ROLE, id);
        }
        return found.get(0);
    }

    private static Map<Long, UUID> unitsOf(EntityManager em, List<RoleEntity> roles) {
        List<Long> ids = new ArrayList<>();
        roles.forEach(r -> ids.add(r.getUnitId()));
        return PlatformRecords.unitPublicIds(em, ids);
    }

    private static RoleDto dto(RoleEntity r, Map<Long, UUID> units) {
        RoleDto d = new RoleDto();
        d.setId(r.getPublicId());
        d.setCode(r.getCode());
        d.setNameZh(r.getNameZh());
        d.setNameEn(r.getNameEn());
        d.setScope(r.getScopeKind());
        d.setPermissions(new TreeSet<>(r.getPermissions()));
        d.setBuiltIn(r.isBuiltIn());
        d.setUnitId(units.get(r.getUnitId()));
        d.setVersion(r.getVersion());
        return d;
    }

}
