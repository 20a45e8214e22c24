package org.qinglian.platform.core.service;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.event.Topics;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.SupervisionDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.UnitQuery;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.UnitTreeNode;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.persistence.ListQuery;
import org.qinglian.platform.api.persistence.Records;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.core.entity.SupervisionEntity;
import org.qinglian.platform.core.entity.UnitEntity;

@Component(service = UnitService.class)
public class UnitServiceImpl implements UnitService {

    static final String UNIT = "unit";
    static final String SUPERVISION = "supervision";

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Reference
    private SecurityContext security;

    @Reference
    private AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    /** Tells the node the organisation changed (cached scopes are recomputed), then answers the result. */
    private <T> T changed(T result) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.sendEvent(new Event(Topics.PLATFORM_ORGANISATION_CHANGED, Map.of()));
        }
        return result;
    }

    public UnitServiceImpl() {
    }

    /** For tests: a service over a given template, clock, security context and audit log. */
    public UnitServiceImpl(JpaTemplate jpa, PlatformClock clock, SecurityContext security, AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.security = security;
        this.audit = audit;
    }

    /** The live unit with this id if it is in the caller's scope; 404 otherwise. */
    private UnitEntity visible(EntityManager em, UUID id) {
        UnitEntity e = Records.require(em, UnitEntity.class, id, UNIT);
        if (!security.scope().includes(e.getPublicId())) {
            throw new NotFoundException(UNIT, id);
        }
        return e;
    }

    /** The live unit a request refers to in a field, if in scope; 400 naming the field otherwise. */
    private UnitEntity reference(EntityManager em, UUID id, String field) {
        UnitEntity e = Records.reference(em, UnitEntity.class, id, field);
        if (!security.scope().includes(e.getPublicId())) {
            throw new ValidationException(field, "validation.unknownReference", String.valueOf(id));
        }
        return e;
    }

    @Override
    public Page<UnitDto> list(UnitQuery query, PageRequest page) {
        return Transactions.inTransaction(jpa, em -> {
            ListQuery<UnitEntity> q = new ListQuery<>(UnitEntity.class, "u", "left join fetch u.parent")
                    .inScope("u.publicId", security.scope());
            if (query.getParentId() != null) {
                q.where("u.parent.publicId = :parent", "parent", query.getParentId().toString());
            }
            if (query.isRootsOnly()) {
                q.where("u.parent is null", null, null);
            }
            if (query.getName() != null && !query.getName().isBlank()) {
                q.contains("name", query.getName(), "name", "shortName");
            }
            if (query.getKind() != null) {
                q.where("u.kind = :kind", "kind", query.getKind());
            }
            if (query.getLevel() != null) {
                q.where("u.level = :level", "level", query.getLevel());
            }
            return q.page(em, page, Mapping::unit);
        });
    }

    @Override
    public UnitDto get(UUID id) {
        return Transactions.inTransaction(jpa, em -> Mapping.unit(visible(em, id)));
    }

    @Override
    public List<UnitTreeNode> tree() {
        return Transactions.inTransaction(jpa, em -> {
            List<UnitEntity> all = em.createQuery("select u from UnitEntity u left join fetch u.parent"
                    + " where u.deletedAt is null order by u.sortOrder, u.name, u.id", UnitEntity.class).getResultList();
            Scope scope = security.scope();
            all.removeIf(u -> !scope.includes(u.getPublicId()));
            Map<Long, UnitTreeNode> nodes = new LinkedHashMap<>();
            for (UnitEntity u : all) {
                nodes.put(u.getId(), new UnitTreeNode(u.getPublicId(), u.getName(), u.getKind(), u.getLevel()));
            }
            List<UnitTreeNode> roots = new ArrayList<>();
            for (UnitEntity u : all) {
                UnitTreeNode parent = u.getParent() == null ? null : nodes.get(u.getParent().getId());
                (parent == null ? roots : parent.getChildren()).add(nodes.get(u.getId()));
            }
            return roots;
        });
    }

    @Override
    public UnitDto create(UnitDto unit) {
        validate(unit);
        return changed(Transactions.inTransaction(jpa, em -> {
            UnitEntity e = new UnitEntity();
            apply(em, e, unit);
            e.created(clock.now());
            em.persist(e);
            em.flush();
            audit.record(em, AuditEvent.of("unit.create", UNIT, e.getPublicId()));
            return Mapping.unit(e);
        }));
    }

    @Override
    public UnitDto update(UUID id, long expectedVersion, UnitDto unit) {
        validate(unit);
        return changed(Transactions.inTransaction(jpa, em -> {
            UnitEntity e = visible(em, id);
            Records.checkVersion(e, expectedVersion);
            apply(em, e, unit);
            e.touched(clock.now());
            em.flush();
            audit.record(em, AuditEvent.of("unit.update", UNIT, e.getPublicId()));
            return Mapping.unit(e);
        }));
    }

    @Override
    public void delete(UUID id, long expectedVersion) {
        changed(Transactions.inTransaction(jpa, em -> {
            UnitEntity e = visible(em, id);
            Records.checkVersion(e, expectedVersion);
            if (count(em, "select count(u) from UnitEntity u where u.parent = :u and u.deletedAt is null", e) > 0) {
                throw new ConflictException("problem.unitHasChildren");
            }
            if (count(em, "select count(p) from PersonEntity p where p.unit = :u and p.deletedAt is null", e) > 0
                    || count(em, "select count(p) from PersonEntity p join p.positions pos where pos.unit = :u"
                            + " and p.deletedAt is null", e) > 0) {
                throw new ConflictException("problem.unitHasPeople");
            }
            if (count(em, "select count(s) from SupervisionEntity s where (s.supervisor = :u or s.supervised = :u)"
                    + " and s.deletedAt is null", e) > 0) {
                throw new ConflictException("problem.unitHasSupervisions");
            }
            e.deleted(clock.now());
            audit.record(em, AuditEvent.of("unit.delete", UNIT, e.getPublicId()));
            return null;
        }));
    }

    private static long count(EntityManager em, String jpql, UnitEntity unit) {
        return em.createQuery(jpql, Long.class).setParameter("u", unit).getSingleResult();
    }

    private static void validate(UnitDto unit) {
        if (unit == null) {
            throw new ValidationException("body", "validation.required");
        }
        new Validator()
                .text("name", unit.getName(), 100)
                .maxLength("shortName", unit.getShortName(), 50)
                .code("code", unit.getCode(), 32)
                .maxLength("externalId", unit.getExternalId(), 64)
                .required("kind", unit.getKind())
                .required("level", unit.getLevel())
                .throwIfInvalid();
        if (unit.getSortOrder() != null && unit.getSortOrder() < 0) {
            throw new ValidationException("sortOrder", "validation.min", 0);
        }
    }

    private void apply(EntityManager em, UnitEntity e, UnitDto unit) {
        if (unit.getParentId() == null && !security.scope().isUnrestricted()) {
            throw new ValidationException("parentId", "validation.required");
        }
        UnitEntity parent = unit.getParentId() == null ? null : reference(em, unit.getParentId(), "parentId");
        if (parent != null && e.getId() != null) {
            for (UnitEntity a = parent; a != null; a = a.getParent()) {
                if (a.getId().equals(e.getId())) {
                    throw new ValidationException("parentId", "validation.unitCycle");
                }
            }
        }
        if (parent != null && unit.getLevel().ordinal() < parent.getLevel().ordinal()) {
            throw new ValidationException("level", "validation.levelAboveParent");
        }
        if (e.getId() != null) {
            for (UnitLevel childLevel : em.createQuery("select distinct c.level from UnitEntity c where c.parent = :u"
                    + " and c.deletedAt is null", UnitLevel.class).setParameter("u", e).getResultList()) {
                if (childLevel.ordinal() < unit.getLevel().ordinal()) {
                    throw new ValidationException("level", "validation.levelBelowChildren");
                }
            }
        }
        List<FieldViolation> duplicates = new ArrayList<>();
        if (Records.taken(em, UnitEntity.class, "code", unit.getCode(), e.getId())) {
            duplicates.add(new FieldViolation("code", "validation.duplicate", unit.getCode()));
        }
        if (Records.taken(em, UnitEntity.class, "externalId", unit.getExternalId(), e.getId())) {
            duplicates.add(new FieldViolation("externalId", "validation.duplicate", unit.getExternalId()));
        }
        if (!duplicates.isEmpty()) {
            throw new ProblemException(409, "duplicate", "problem.duplicate", duplicates);
        }
        e.setName(unit.getName().strip());
        e.setShortName(blankToNull(unit.getShortName()));
        e.setCode(blankToNull(unit.getCode()));
        e.setExternalId(blankToNull(unit.getExternalId()));
        e.setKind(unit.getKind());
        e.setLevel(unit.getLevel());
        e.setParent(parent);
        e.setSortOrder(unit.getSortOrder() == null ? 0 : unit.getSortOrder());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public List<SupervisionDto> supervisions(UUID unitId) {
        return Transactions.inTransaction(jpa, em -> {
            UnitEntity unit = visible(em, unitId);
            Scope scope = security.scope();
            List<SupervisionDto> result = new ArrayList<>();
            for (SupervisionEntity s : em.createQuery("select s from SupervisionEntity s join fetch s.supervisor"
                    + " join fetch s.supervised where s.deletedAt is null and (s.supervisor = :u or s.supervised = :u)"
                    + " order by s.validFrom, s.id", SupervisionEntity.class).setParameter("u", unit).getResultList()) {
                if (scope.includes(s.getSupervisor().getPublicId())) {
                    result.add(Mapping.supervision(s));
                }
            }
            return result;
        });
    }

    @Override
    public SupervisionDto createSupervision(SupervisionDto edge) {
        validate(edge);
        return changed(Transactions.inTransaction(jpa, em -> {
            SupervisionEntity s = new SupervisionEntity();
            apply(em, s, edge);
            s.created(clock.now());
            em.persist(s);
            em.flush();
            audit.record(em, AuditEvent.of("supervision.create", SUPERVISION, s.getPublicId()));
            return Mapping.supervision(s);
        }));
    }

    @Override
    public SupervisionDto updateSupervision(UUID id, long expectedVersion, SupervisionDto edge) {
        validate(edge);
        return changed(Transactions.inTransaction(jpa, em -> {
            SupervisionEntity s = visibleEdge(em, id);
            Records.checkVersion(s, expectedVersion);
            apply(em, s, edge);
            s.touched(clock.now());
            em.flush();
            audit.record(em, AuditEvent.of("supervision.update", SUPERVISION, s.getPublicId()));
            return Mapping.supervision(s);
        }));
    }

    @Override
    public void deleteSupervision(UUID id, long expectedVersion) {
        changed(Transactions.inTransaction(jpa, em -> {
            SupervisionEntity s = visibleEdge(em, id);
            Records.checkVersion(s, expectedVersion);
            s.deleted(clock.now());
            audit.record(em, AuditEvent.of("supervision.delete", SUPERVISION, s.getPublicId()));
            return null;
        }));
    }

    private static void validate(SupervisionDto edge) {
        if (edge == null) {
            throw new ValidationException("body", "validation.required");
        }
        Validator v = new Validator()
                .required("supervisorId", edge.getSupervisorId())
                .required("supervisedId", edge.getSupervisedId())
                .required("validFrom", edge.getValidFrom())
                .maxLength("note", edge.getNote(), 200);
        if (edge.getSupervisorId() != null && edge.getSupervisorId().equals(edge.getSupervisedId())) {
            v.reject("supervisedId", "validation.selfSupervision");
        }
        if (edge.getValidFrom() != null && edge.getValidTo() != null && edge.getValidTo().isBefore(edge.getValidFrom())) {
            v.reject("validTo", "validation.endBeforeStart");
        }
        v.throwIfInvalid();
    }

    /** An edge is owned by its supervisor unit: visible when that unit is in scope. */
    private SupervisionEntity visibleEdge(EntityManager em, UUID id) {
        SupervisionEntity s = Records.require(em, SupervisionEntity.class, id, SUPERVISION);
        if (!security.scope().includes(s.getSupervisor().getPublicId())) {
            throw new NotFoundException(SUPERVISION, id);
        }
        return s;
    }

    private void apply(EntityManager em, SupervisionEntity s, SupervisionDto edge) {
        s.setSupervisor(reference(em, edge.getSupervisorId(), "supervisorId"));
        s.setSupervised(reference(em, edge.getSupervisedId(), "supervisedId"));
        s.setValidFrom(edge.getValidFrom());
        s.setValidTo(edge.getValidTo());
        s.setNote(blankToNull(edge.getNote()));
    }

    @Override
    public Set<UUID> supervisedClosure(UUID unitId, LocalDate on) {
        return Transactions.inTransaction(jpa, em -> {
            UnitEntity start = visible(em, unitId);
            Scope scope = security.scope();
            Map<Long, List<Long>> edges = new HashMap<>();
            Map<Long, String> publicIds = new HashMap<>();
            for (Object[] row : em.createQuery("select u.id, p.id, u.publicId from UnitEntity u left join u.parent p"
                    + " where u.deletedAt is null", Object[].class).getResultList()) {
                publicIds.put((Long) row[0], (String) row[2]);
                if (row[1] != null) {
                    edges.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add((Long) row[0]);
                }
            }
            for (Object[] row : em.createQuery("select s.supervisor.id, s.supervised.id from SupervisionEntity s"
                    + " where s.deletedAt is null and s.validFrom <= :on and (s.validTo is null or s.validTo >= :on)",
                    Object[].class).setParameter("on", on).getResultList()) {
                edges.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
            Set<Long> seen = new HashSet<>();
            Deque<Long> todo = new ArrayDeque<>(List.of(start.getId()));
            while (!todo.isEmpty()) {
                Long next = todo.pop();
                if (seen.add(next)) {
                    todo.addAll(edges.getOrDefault(next, List.of()));
                }
            }
            Set<UUID> result = new HashSet<>();
            for (Long id : seen) {
                String publicId = publicIds.get(id);
                if (publicId != null && scope.includes(UUID.fromString(publicId))) {
                    result.add(UUID.fromString(publicId));
                }
            }
            return result;
        });
    }
}
