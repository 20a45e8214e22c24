package org.qinglian.rectification.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.DictionaryService;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.attachment.AttachmentService;
import org.qinglian.platform.api.attachment.AttachmentUpload;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.EventOutbox;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.persistence.ListQuery;
import org.qinglian.platform.api.persistence.Records;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.rectification.api.Action;
import org.qinglian.rectification.api.ImportResult;
import org.qinglian.rectification.api.InspectionDraft;
import org.qinglian.rectification.api.InspectionDto;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.MeasureDto;
import org.qinglian.rectification.api.Milestone;
import org.qinglian.rectification.api.ProblemDetailDto;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.ProgressDraft;
import org.qinglian.rectification.api.ProgressDto;
import org.qinglian.rectification.api.RectificationService;
import org.qinglian.rectification.api.StatisticsDto;
import org.qinglian.rectification.api.TimelineEntryDto;
import org.qinglian.rectification.api.TransitionRequest;
import org.qinglian.rectification.core.entity.InspectionEntity;
import org.qinglian.rectification.core.entity.MeasureEntity;
import org.qinglian.rectification.core.entity.MilestoneEmbeddable;
import org.qinglian.rectification.core.entity.ProblemEntity;
import org.qinglian.rectification.core.entity.ProgressEntity;
import org.qinglian.rectification.core.entity.TimelineEntity;

/**
 * The ledger. Every read and write is confined to the caller's scope: a problem is owned by its
 * responsible unit, an inspection by its inspecting unit; what is outside the scope is answered
 * as missing. Every change is on the audit trail in the same transaction, transitions also on the
 * problem's own timeline, and events leave through the platform's outbox after commit.
 */
@Component(service = RectificationService.class)
public class RectificationServiceImpl implements RectificationService {

    static final String PROBLEM = "rectification.problem";
    static final String INSPECTION = "rectification.inspection";
    static final String MEASURE = "rectification.measure";
    static final String PROGRESS = "rectification.progress";
    /** Problems an import writes before it empties the persistence context. */
    static final int IMPORT_BATCH = 100;
    /** API sort fields that are named otherwise in the entity. */
    static final Map<String, String> SORT_PROPERTIES = Map.of("number", "id");
    /** Problems whose open measures can be overdue. */
    static final Set<ProblemStatus> RUNNING = EnumSet.of(ProblemStatus.REGISTERED, ProblemStatus.IN_PROGRESS);

    @Reference(target = "(osgi.unit.name=qinglian-rectification)")
    JpaTemplate jpa;

    @Reference
    PlatformClock clock;

    @Reference
    SecurityContext security;

    @Reference
    AccessPolicy policy;

    @Reference
    AuditLog audit;

    @Reference
    AttachmentService attachments;

    @Reference
    EventOutbox outbox;

    @Reference
    DictionaryService dictionaries;

    @Reference
    UnitService units;

    @Reference
    TodoService todos;

    @Reference
    Messages messages;

    // ---------------------------------------------------------------- inspections

    @Override
    public Page<InspectionDto> inspections(String text, PageRequest page) {
        Scope scope = security.scope();
        return Transactions.inTransaction(jpa, em -> {
            ListQuery<InspectionEntity> q = new ListQuery<>(InspectionEntity.class, "i", "");
            if (!scope.isUnrestricted()) {
                if (scope.units().isEmpty()) {
                    q.where("1 = 0", null, null);
                } else {
                    q.where("(i.unitId in :scopeUnits or exists (select 1 from InspectionEntity j join"
                            + " j.inspectedUnitIds u where j = i and u in :scopeUnits))", "scopeUnits", ids(scope.units()));
                }
            }
            if (text != null && !text.isBlank()) {
                q.contains("text", text, "title", "team");
            }
            Page<InspectionEntity> entities = q.page(em, page, e -> e);
            return new Page<>(inspectionDtos(em, entities.getItems()), entities.getTotal(), entities.getPage(),
                    entities.getSize());
        });
    }

    @Override
    public InspectionDto inspection(UUID id) {
        return Transactions.inTransaction(jpa, em -> inspectionDtos(em, List.of(visibleInspection(em, id))).get(0));
    }

    @Override
    public InspectionDto createInspection(InspectionDraft draft) {
        validate(draft);
        return Transactions.inTransaction(jpa, em -> {
            InspectionEntity e = new InspectionEntity();
            apply(em, e, draft);
            e.created(clock.now());
            em.persist(e);
            em.flush();
            audit.record(em, AuditEvent.of("rectification.inspection.create", INSPECTION, e.getPublicId()));
            return inspectionDtos(em, List.of(e)).get(0);
        });
    }

    @Override
    public InspectionDto updateInspection(UUID id, long expectedVersion, InspectionDraft draft) {
        validate(draft);
        return Transactions.inTransaction(jpa, em -> {
            InspectionEntity e = ownInspection(em, id);
            Records.checkVersion(e, expectedVersion);
            apply(em, e, draft);
            e.touched(clock.now());
            em.flush();
            audit.record(em, AuditEvent.of("rectification.inspection.update", INSPECTION, e.getPublicId()));
            return inspectionDtos(em, List.of(e)).get(0);
        });
    }

    private void validate(InspectionDraft d) {
        Validator v = new Validator();
        if (d == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.text("title", d.title(), 200).required("title", d.title()).required("source", d.source())
                .required("unitId", d.unitId()).required("startDate", d.startDate()).maxLength("team", d.team(), 500);
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            v.reject("endDate", "validation.rectification.endBeforeStart");
        }
        if (d.inspectedUnitIds() == null || d.inspectedUnitIds().isEmpty()) {
            v.reject("inspectedUnitIds", "validation.required");
        }
        v.throwIfInvalid();
    }

    private void apply(EntityManager em, InspectionEntity e, InspectionDraft d) {
        Scope scope = security.scope();
        Roster.requireUnit(em, scope, d.unitId(), "unitId");
        for (int i = 0; i < d.inspectedUnitIds().size(); i++) {
            Roster.requireUnit(em, scope, d.inspectedUnitIds().get(i), "inspectedUnitIds[" + i + "]");
        }
        e.setTitle(d.title().strip());
        e.setSource(d.source());
        e.setUnitId(d.unitId().toString());
        e.getInspectedUnitIds().clear();
        d.inspectedUnitIds().stream().map(UUID::toString).distinct().forEach(e.getInspectedUnitIds()::add);
        e.setStartDate(d.startDate());
        e.setEndDate(d.endDate());
        e.setTeam(d.team() == null ? null : d.team().strip());
    }

    private InspectionEntity visibleInspection(EntityManager em, UUID id) {
        InspectionEntity e = Records.find(em, InspectionEntity.class, id);
        if (!visible(e, security.scope())) {
            throw new NotFoundException("rectificationInspection", id);
        }
        return e;
    }

    /** An inspection is seen by its inspecting unit and by the units it inspected. */
    private static boolean visible(InspectionEntity e, Scope scope) {
        return e != null && (scope.includes(UUID.fromString(e.getUnitId()))
                || e.getInspectedUnitIds().stream().anyMatch(u -> scope.includes(UUID.fromString(u))));
    }

    /** An inspection the caller may change: its inspecting unit is in scope. */
    private InspectionEntity ownInspection(EntityManager em, UUID id) {
        InspectionEntity e = Records.find(em, InspectionEntity.class, id);
        if (e == null || !security.scope().includes(UUID.fromString(e.getUnitId()))) {
            throw new NotFoundException("rectificationInspection", id);
        }
        return e;
    }

    private List<InspectionDto> inspectionDtos(EntityManager em, List<InspectionEntity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<String> unitIds = new HashSet<>();
        list.forEach(i -> {
            unitIds.add(i.getUnitId());
            unitIds.addAll(i.getInspectedUnitIds());
        });
        Map<String, String> names = Roster.units(em, unitIds);
        Map<Long, long[]> counts = new HashMap<>();
        List<Long> ids = list.stream().map(InspectionEntity::getId).collect(Collectors.toList());
        new ListQuery<>(ProblemEntity.class, "p", "").inScope("p.unitId", security.scope())
                .where("p.inspection.id in :ids", "ids", ids).parameter("closed", ProblemStatus.CLOSED)
                .aggregate(em, "p.inspection.id, count(p), sum(case when p.status = :closed then 1 else 0 end)",
                        "group by p.inspection.id", Object[].class)
                .forEach(r -> counts.put((Long) r[0],
                        new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
        List<InspectionDto> dtos = new ArrayList<>();
        for (InspectionEntity i : list) {
            long[] c = counts.getOrDefault(i.getId(), new long[2]);
            dtos.add(new InspectionDto(i.getPublicId(), i.getTitle(), i.getSource(), UUID.fromString(i.getUnitId()),
                    names.get(i.getUnitId()),
                    i.getInspectedUnitIds().stream().map(UUID::fromString).collect(Collectors.toList()),
                    i.getInspectedUnitIds().stream().map(names::get).collect(Collectors.toList()), i.getStartDate(),
                    i.getEndDate(), i.getTeam(), c[0], c[1], i.getVersion(), i.getCreatedAt()));
        }
        return dtos;
    }

    // ---------------------------------------------------------------- problems

    @Override
    public Page<ProblemDto> problems(ProblemQuery query, PageRequest page, Locale locale) {
        ProblemQuery q = query == null ? ProblemQuery.all() : query;
        return Transactions.inTransaction(jpa, em -> {
            ListQuery<ProblemEntity> list = filtered(em, q);
            Page<ProblemEntity> entities = list.page(em, page.renamed(SORT_PROPERTIES), e -> e);
            return new Page<>(problemDtos(em, entities.getItems(), locale), entities.getTotal(), entities.getPage(),
                    entities.getSize());
        });
    }

    /** The problems a query selects within the caller's scope. */
    ListQuery<ProblemEntity> filtered(EntityManager em, ProblemQuery q) {
        Scope scope = security.scope();
        ListQuery<ProblemEntity> list = new ListQuery<>(ProblemEntity.class, "p", "left join fetch p.inspection")
                .inScope("p.unitId", scope);
        if (q.unitId() != null) {
            if (q.subordinates()) {
                List<String> closure;
                try {
                    closure = ids(units.supervisedClosure(q.unitId(), clock.today()));
                } catch (NotFoundException outOfScope) {
                    closure = List.of();
                }
                list.where("p.unitId in :unitIds", "unitIds", closure.isEmpty() ? List.of("-") : closure);
            } else {
                list.where("p.unitId = :unitId", "unitId", q.unitId().toString());
            }
        }
        if (q.inspectionId() != null) {
            list.where("p.inspection.publicId = :inspectionId", "inspectionId", q.inspectionId().toString());
        }
        if (q.status() != null) {
            list.where("p.status = :status", "status", q.status());
        }
        if (q.category() != null && !q.category().isBlank()) {
            list.where("p.category = :category", "category", q.category());
        }
        if (q.overdue() != null) {
            list.parameter("running", RUNNING).parameter("today", clock.today());
            list.where(q.overdue() ? "(p.status in :running and p.openDeadline < :today)"
                    : "(p.status not in :running or p.openDeadline is null or p.openDeadline >= :today)", null, null);
        }
        if (q.text() != null && !q.text().isBlank()) {
            list.contains("text", q.text(), "description");
        }
        return list;
    }

    @Override
    public ProblemDetailDto problem(UUID id, Locale locale) {
        return Transactions.inTransaction(jpa, em -> detail(em, visibleProblem(em, id), locale));
    }

    @Override
    public ProblemDto createProblem(ProblemDraft draft, Locale locale) {
        validate(draft, true);
        return Transactions.inTransaction(jpa, em -> {
            ProblemEntity p = register(em, draft, null, null);
            return problemDtos(em, List.of(p), locale).get(0);
        });
    }

    /** Registers a problem with its measures: validated, in scope, audited, timeline and event written. */
    ProblemEntity register(EntityManager em, ProblemDraft draft, String sourceModule, String sourceKey) {
        Scope scope = security.scope();
        ProblemEntity p = new ProblemEntity();
        applyProblem(em, scope, p, draft);
        p.setStatus(ProblemStatus.REGISTERED);
        p.setSourceModule(sourceModule);
        p.setSourceKey(sourceKey);
        Instant now = clock.now();
        p.created(now);
        em.persist(p);
        List<MeasureDraft> measures = draft.measures() == null ? List.of() : draft.measures();
        for (int i = 0; i < measures.size(); i++) {
            MeasureEntity m = new MeasureEntity();
            m.setProblem(p);
            m.setPosition(i);
            applyMeasure(em, m, measures.get(i), "measures[" + i + "].");
            m.created(now);
            em.persist(m);
            p.getMeasures().add(m);
        }
        p.deadlinesChanged();
        em.persist(new TimelineEntity(p, now, actor(), "REGISTER", null, ProblemStatus.REGISTERED, null));
        em.flush();
        audit.record(em, AuditEvent.of("rectification.problem.create", PROBLEM, p.getPublicId())
                .detail(sourceModule == null ? null : "from " + sourceModule + ":" + sourceKey));
        outbox.publish(em, Topics.RECTIFICATION_PROBLEM_REGISTERED, payload(p));
        return p;
    }

    @Override
    public ProblemDto updateProblem(UUID id, long expectedVersion, ProblemDraft draft, Locale locale) {
        validate(draft, false);
        return Transactions.inTransaction(jpa, em -> {
            ProblemEntity p = visibleProblem(em, id);
            Records.checkVersion(p, expectedVersion);
            if (p.getStatus() == ProblemStatus.CLOSED) {
                throw new ConflictException("problem.rectification.closedProblem");
            }
            applyProblem(em, security.scope(), p, draft);
            p.touched(clock.now());
            em.persist(new TimelineEntity(p, clock.now(), actor(), "EDIT", null, null, null));
            em.flush();
            audit.record(em, AuditEvent.of("rectification.problem.update", PROBLEM, p.getPublicId()));
            return problemDtos(em, List.of(p), locale).get(0);
        });
    }

    void validate(ProblemDraft d, boolean withMeasures) {
        Validator v = new Validator();
        if (d == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("description", d.description()).text("description", d.description(), 2000)
                .required("category", d.category()).required("severity", d.severity()).required("unitId", d.unitId());
        if (d.category() != null && !dictionaries.isActiveCode(CATEGORY_DICTIONARY, d.category())) {
            v.reject("category", "validation.rectification.category", d.category());
        }
        if (withMeasures && d.measures() != null) {
            for (int i = 0; i < d.measures().size(); i++) {
                validate(v, d.measures().get(i), "measures[" + i + "].");
            }
        }
        v.throwIfInvalid();
    }

    private static void validate(Validator v, MeasureDraft m, String prefix) {
        if (m == null) {
            v.reject(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "validation.required");
            return;
        }
        v.required(prefix + "content", m.content()).text(prefix + "content", m.content(), 2000)
                .maxLength(prefix + "ownerName", m.ownerName(), 100);
        if (!m.longTerm() && m.deadline() == null) {
            v.reject(prefix + "deadline", "validation.rectification.deadlineRequired");
        }
        if (m.milestones() != null) {
            for (int i = 0; i < m.milestones().size(); i++) {
                Milestone ms = m.milestones().get(i);
                v.required(prefix + "milestones[" + i + "].title", ms == null ? null : ms.title());
                if (ms != null) {
                    v.maxLength(prefix + "milestones[" + i + "].title", ms.title(), 200);
                }
            }
        }
    }

    private void applyProblem(EntityManager em, Scope scope, ProblemEntity p, ProblemDraft d) {
        Roster.requireUnit(em, scope, d.unitId(), "unitId");
        if (d.inspectionId() != null) {
            InspectionEntity inspection = Records.find(em, InspectionEntity.class, d.inspectionId());
            if (!visible(inspection, scope)) {
                throw new org.qinglian.platform.api.ValidationException("inspectionId", "validation.unknownReference",
                        String.valueOf(d.inspectionId()));
            }
            p.setInspection(inspection);
        } else {
            p.setInspection(null);
        }
        if (d.leaderId() != null) {
            Roster.requirePerson(em, d.leaderId(), "leaderId");
        }
        p.setDescription(d.description().strip());
        p.setCategory(d.category());
        p.setSeverity(d.severity());
        p.setUnitId(d.unitId().toString());
        p.setLeaderId(d.leaderId() == null ? null : d.leaderId().toString());
    }

    private void applyMeasure(EntityManager em, MeasureEntity m, MeasureDraft d, String prefix) {
        String ownerName = d.ownerName() == null ? null : d.ownerName().strip();
        if (d.ownerId() != null) {
            Roster.requirePerson(em, d.ownerId(), prefix + "ownerId");
            ownerName = Roster.people(em, List.of(d.ownerId().toString())).get(d.ownerId().toString());
        }
        m.setContent(d.content().strip());
        m.setOwnerId(d.ownerId() == null ? null : d.ownerId().toString());
        m.setOwnerName(ownerName);
        m.setDeadline(d.deadline());
        m.setLongTerm(d.longTerm());
        m.getMilestones().clear();
        if (d.milestones() != null) {
            d.milestones().forEach(ms -> m.getMilestones().add(new MilestoneEmbeddable(ms.title().strip(),
                    ms.dueDate(), ms.done())));
        }
    }

    /** A live problem in the caller's scope; 404 otherwise (its existence is not disclosed). */
    ProblemEntity visibleProblem(EntityManager em, UUID id) {
        ProblemEntity p = Records.find(em, ProblemEntity.class, id);
        if (p == null || !security.scope().includes(UUID.fromString(p.getUnitId()))) {
            throw new NotFoundException("rectificationProblem", id);
        }
        return p;
    }

    // ---------------------------------------------------------------- measures and progress

    @Override
    public MeasureDto addMeasure(UUID problemId, MeasureDraft draft) {
        Validator v = new Validator();
        validate(v, draft, "");
        v.throwIfInvalid();
        return Transactions.inTransaction(jpa, em -> {
            ProblemEntity p = visibleProblem(em, problemId);
            if (p.getStatus() == ProblemStatus.CLOSED) {
                throw new ConflictException("problem.rectification.closedProblem");
            }
            MeasureEntity m = new MeasureEntity();
            m.setProblem(p);
            m.setPosition(p.getMeasures().size());
            applyMeasure(em, m, draft, "");
            m.created(clock.now());
            em.persist(m);
            p.getMeasures().add(m);
            p.deadlinesChanged();
            p.touched(clock.now());
            em.persist(new TimelineEntity(p, clock.now(), actor(), "MEASURE", null, null, shorten(m.getContent())));
            em.flush();
            audit.record(em, AuditEvent.of("rectification.measure.create", MEASURE, m.getPublicId()));
            return measureDto(m, clock.today());
        });
    }

    @Override
    public MeasureDto updateMeasure(UUID measureId, long expectedVersion, MeasureDraft draft) {
        Validator v = new Validator();
        validate(v, draft, "");
        v.throwIfInvalid();
        return Transactions.inTransaction(jpa, em -> {
            MeasureEntity m = Records.find(em, MeasureEntity.class, measureId);
            if (m == null || !security.scope().includes(UUID.fromString(m.getProblem().getUnitId()))) {
                throw new NotFoundException("rectificationMeasure", measureId);
            }
            Records.checkVersion(m, expectedVersion);
            if (m.getProblem().getStatus() == ProblemStatus.CLOSED) {
                throw new ConflictException("problem.rectification.closedProblem");
            }
            applyMeasure(em, m, draft, "");
            m.touched(clock.now());
            m.getProblem().deadlinesChanged();
            m.getProblem().touched(clock.now());
            em.persist(new TimelineEntity(m.getProblem(), clock.now(), actor(), "MEASURE", null, null,
                    shorten(m.getContent())));
            em.flush();
            audit.record(em, AuditEvent.of("rectification.measure.update", MEASURE, m.getPublicId()));
            return measureDto(m, clock.today());
        });
    }

    @Override
    public ProgressDto report(UUID problemId, ProgressDraft draft) {
        Validator v = new Validator();
        if (draft == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("text", draft.text()).text("text", draft.text(), 2000).throwIfInvalid();
        if (draft.completesMeasure() && draft.measureId() == null) {
            v.reject("measureId", "validation.required").throwIfInvalid();
        }
        return Transactions.inTransaction(jpa, em -> {
            ProblemEntity p = visibleProblem(em, problemId);
            if (p.getStatus() == ProblemStatus.CLOSED) {
                throw new ConflictException("problem.rectification.closedProblem");
            }
            MeasureEntity measure = null;
            if (draft.measureId() != null) {
                measure = p.getMeasures().stream().filter(m -> !m.isDeleted()
                        && m.getPublicId().equals(draft.measureId())).findFirst()
                        .orElseThrow(() -> new org.qinglian.platform.api.ValidationException("measureId",
                                "validation.unknownReference", String.valueOf(draft.measureId())));
            }
            Instant now = clock.now();
            ProgressEntity r = new ProgressEntity();
            r.setProblem(p);
            r.setMeasure(measure);
            r.setText(draft.text().strip());
            r.setCompletesMeasure(draft.completesMeasure());
            r.setReportedBy(actor());
            r.created(now);
            em.persist(r);
            if (measure != null && draft.completesMeasure() && !measure.isDone()) {
                measure.setDone(true);
                measure.setCompletedAt(now);
                measure.touched(now);
                todos.resolve(MODULE, "measure:" + measure.getPublicId());
            }
            p.deadlinesChanged();
            p.touched(now);
            em.persist(new TimelineEntity(p, now, actor(), "PROGRESS", null, null, shorten(r.getText())));
            em.flush();
            audit.record(em, AuditEvent.of("rectification.progress.create", PROGRESS, r.getPublicId()));
            return progressDto(em, r);
        });
    }

    @Override
    public AttachmentDto attach(UUID progressId, String filename, byte[] content) {
        return Transactions.inTransaction(jpa, em -> {
            ProgressEntity r = Records.find(em, ProgressEntity.class, progressId);
            if (r == null || !security.scope().includes(UUID.fromString(r.getProblem().getUnitId()))) {
                throw new NotFoundException("rectificationProgress", progressId);
            }
            if (r.getProblem().getStatus() == ProblemStatus.CLOSED) {
                throw new ConflictException("problem.rectification.closedProblem");
            }
            return attachments.store(em, new AttachmentUpload(MODULE, "progress", r.getPublicId(),
                    UUID.fromString(r.getProblem().getUnitId()), filename, content == null ? new byte[0] : content));
        });
    }

    /** Whether the caller may read a progress report (and so its attachments). */
    boolean mayReadProgress(UUID progressId) {
        if (!policy.permits("rectification:read")) {
            return false;
        }
        return Transactions.inTransaction(jpa, em -> {
            ProgressEntity r = Records.find(em, ProgressEntity.class, progressId);
            return r != null && !r.getProblem().isDeleted()
                    && security.scope().includes(UUID.fromString(r.getProblem().getUnitId()));
        });
    }

    // ---------------------------------------------------------------- transitions

    @Override
    public ProblemDetailDto transition(UUID problemId, long expectedVersion, TransitionRequest request, Locale locale) {
        Validator v = new Validator();
        if (request == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("action", request.action()).maxLength("note", request.note(), 1000).throwIfInvalid();
        Action action = request.action();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (Workflow.NOTE_REQUIRED.contains(action) && note == null) {
            v.reject("note", "validation.rectification.noteRequired").throwIfInvalid();
        }
        return Transactions.inTransaction(jpa, em -> {
            ProblemEntity p = visibleProblem(em, problemId);
            Records.checkVersion(p, expectedVersion);
            ProblemStatus from = p.getStatus();
            ProblemStatus to = Workflow.next(from, action);
            if (!mayAct(p, action)) {
                throw new ProblemException(403, "forbidden", Workflow.SUPERVISING.contains(action)
                        ? "problem.rectification.supervisingUnitOnly" : "problem.forbidden");
            }
            checkConditions(em, p, action);
            Instant now = clock.now();
            p.setStatus(to);
            if (action == Action.CLOSE) {
                p.setClosedAt(now);
                p.setVerificationNote(note);
                p.getMeasures().forEach(m -> todos.resolve(MODULE, "measure:" + m.getPublicId()));
            } else if (action == Action.REOPEN) {
                p.setClosedAt(null);
            } else if (action == Action.LONG_TERM) {
                p.getMeasures().forEach(m -> todos.resolve(MODULE, "measure:" + m.getPublicId()));
            }
            p.touched(now);
            em.persist(new TimelineEntity(p, now, actor(), action.name(), from, to, note));
            em.flush();
            audit.record(em, AuditEvent.of("rectification.problem." + action.name().toLowerCase(Locale.ROOT), PROBLEM,
                    p.getPublicId()).detail(from + "->" + to + (note == null ? "" : ": " + shorten(note))));
            Map<String, String> payload = payload(p);
            payload.put(EventKeys.FROM, from.name());
            payload.put(EventKeys.TO, to.name());
            outbox.publish(em, Topics.RECTIFICATION_PROBLEM_TRANSITION, payload);
            if (action == Action.CLOSE) {
                outbox.publish(em, Topics.RECTIFICATION_PROBLEM_CLOSED, payload(p));
            } else if (action == Action.REOPEN) {
                outbox.publish(em, Topics.RECTIFICATION_PROBLEM_REOPENED, payload(p));
            }
            return detail(em, p, locale);
        });
    }

    /** Whether the caller holds the action's permission and, for the supervising unit's actions, supervises. */
    boolean mayAct(ProblemEntity p, Action action) {
        if (Workflow.SUPERVISING.contains(action)) {
            return policy.permits("rectification:close") && supervises(p);
        }
        return policy.permits("rectification:report") || policy.permits("rectification:write");
    }

    /** The caller's unit is not the responsible unit and has it in scope (it supervises it). */
    private boolean supervises(ProblemEntity p) {
        UUID unit = UUID.fromString(p.getUnitId());
        Caller caller = security.caller().orElse(null);
        return security.scope().includes(unit) && (caller == null || !unit.equals(caller.getUnitId()));
    }

    private void checkConditions(EntityManager em, ProblemEntity p, Action action) {
        if (action == Action.REQUEST_CLOSURE) {
            List<MeasureEntity> live = p.getMeasures().stream().filter(m -> !m.isDeleted()).collect(Collectors.toList());
            if (live.isEmpty() || live.stream().anyMatch(m -> !m.isDone() && !m.isLongTerm())) {
                throw new ConflictException("problem.rectification.measuresOpen");
            }
        }
        if (Workflow.EVIDENCE_REQUIRED.contains(action) && evidence(em, p) == 0) {
            throw new ConflictException("problem.rectification.evidenceRequired");
        }
    }

    /** How many attachments the problem's progress reports carry. */
    private long evidence(EntityManager em, ProblemEntity p) {
        List<ProgressEntity> reports = em.createQuery("select r from ProgressEntity r where r.problem = :p"
                + " and r.deletedAt is null", ProgressEntity.class).setParameter("p", p).getResultList();
        long count = 0;
        for (ProgressEntity r : reports) {
            count += attachments.count(em, MODULE, "progress", r.getPublicId());
        }
        return count;
    }

    // ---------------------------------------------------------------- statistics, export, import

    @Override
    public StatisticsDto statistics(ProblemQuery query, Locale locale) {
        ProblemQuery q = query == null ? ProblemQuery.all() : query;
        return Transactions.inTransaction(jpa, em -> Statistics.compute(em, filtered(em, q), clock, categoryLabels(locale),
                this::unitNames));
    }

    private Map<String, String> unitNames(EntityManager em, Collection<String> ids) {
        return Roster.units(em, ids);
    }

    @Override
    public void exportLedger(ProblemQuery query, Locale locale, OutputStream out) {
        ProblemQuery q = query == null ? ProblemQuery.all() : query;
        Transactions.inTransaction(jpa, em -> {
            LedgerExport.write(em, this, q, locale, out);
            audit.record(em, AuditEvent.of("rectification.ledger.export", PROBLEM, null)
                    .detail("unit=" + q.unitId() + " inspection=" + q.inspectionId()));
            return null;
        });
    }

    @Override
    public ImportResult importLedger(UUID inspectionId, InputStream xlsx, Locale locale) {
        return Transactions.inTransaction(jpa, em -> {
            InspectionEntity inspection = ownInspection(em, inspectionId);
            List<ProblemDraft> drafts = LedgerImport.read(em, this, inspection, xlsx, locale);
            List<UUID> ids = new ArrayList<>();
            int measures = 0;
            for (ProblemDraft d : drafts) {
                ids.add(register(em, d, null, null).getPublicId());
                measures += d.measures().size();
                if (ids.size() % IMPORT_BATCH == 0) {
                    // keep the persistence context small: each flush checks every entity it holds
                    em.flush();
                    em.clear();
                }
            }
            audit.record(em, AuditEvent.of("rectification.ledger.import", INSPECTION, inspection.getPublicId())
                    .detail(ids.size() + " problems, " + measures + " measures"));
            return new ImportResult(ids.size(), measures, ids);
        });
    }

    // ---------------------------------------------------------------- mapping

    ProblemDetailDto detail(EntityManager em, ProblemEntity p, Locale locale) {
        LocalDate today = clock.today();
        List<MeasureDto> measures = p.getMeasures().stream().filter(m -> !m.isDeleted())
                .map(m -> measureDto(m, today)).collect(Collectors.toList());
        List<ProgressDto> progress = new ArrayList<>();
        em.createQuery("select r from ProgressEntity r left join fetch r.measure where r.problem = :p"
                + " and r.deletedAt is null order by r.createdAt, r.id", ProgressEntity.class).setParameter("p", p)
                .getResultList().forEach(r -> progress.add(progressDto(em, r)));
        List<TimelineEntryDto> timeline = new ArrayList<>();
        em.createQuery("select t from TimelineEntity t where t.problem = :p order by t.at, t.id", TimelineEntity.class)
                .setParameter("p", p).getResultList().forEach(t -> timeline.add(new TimelineEntryDto(t.getAt(),
                        t.getActor(), t.getAction(), t.getFrom(), t.getTo(), t.getNote())));
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action a : Workflow.actions(p.getStatus())) {
            if (mayAct(p, a)) {
                allowed.add(a);
            }
        }
        return new ProblemDetailDto(problemDtos(em, List.of(p), locale).get(0), measures, progress, timeline, allowed);
    }

    List<ProblemDto> problemDtos(EntityManager em, List<ProblemEntity> list, Locale locale) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<String, String> unitNames = Roster.units(em, list.stream().map(ProblemEntity::getUnitId)
                .collect(Collectors.toSet()));
        Map<String, String> leaders = Roster.people(em, list.stream().map(ProblemEntity::getLeaderId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<String, String> labels = categoryLabels(locale);
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery("select m.problem.id, count(m), sum(case when m.done = true then 1 else 0 end)"
                + " from MeasureEntity m where m.problem.id in :ids and m.deletedAt is null group by m.problem.id",
                Object[].class).setParameter("ids", list.stream().map(ProblemEntity::getId).collect(Collectors.toList()))
                .getResultList().forEach(r -> counts.put((Long) r[0],
                        new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
        LocalDate today = clock.today();
        List<ProblemDto> dtos = new ArrayList<>();
        for (ProblemEntity p : list) {
            long[] c = counts.getOrDefault(p.getId(), new long[2]);
            InspectionEntity i = p.getInspection();
            dtos.add(new ProblemDto(p.getPublicId(), p.getId(), i == null ? null : i.getPublicId(),
                    i == null ? null : i.getTitle(), p.getDescription(), p.getCategory(),
                    labels.getOrDefault(p.getCategory(), p.getCategory()), p.getSeverity(),
                    UUID.fromString(p.getUnitId()), unitNames.get(p.getUnitId()),
                    p.getLeaderId() == null ? null : UUID.fromString(p.getLeaderId()), leaders.get(p.getLeaderId()),
                    p.getStatus(), p.getDeadline(), overdue(p, today), (int) c[0], (int) c[1], p.getSourceModule(),
                    p.getClosedAt(), p.getVersion(), p.getCreatedAt(), p.getUpdatedAt()));
        }
        return dtos;
    }

    static boolean overdue(ProblemEntity p, LocalDate today) {
        return RUNNING.contains(p.getStatus()) && p.getOpenDeadline() != null && p.getOpenDeadline().isBefore(today);
    }

    static MeasureDto measureDto(MeasureEntity m, LocalDate today) {
        return new MeasureDto(m.getPublicId(), m.getProblem().getPublicId(), m.getContent(),
                m.getOwnerId() == null ? null : UUID.fromString(m.getOwnerId()), m.getOwnerName(), m.getDeadline(),
                m.isLongTerm(), m.getMilestones().stream().map(ms -> new Milestone(ms.getTitle(), ms.getDueDate(),
                        ms.isDone())).collect(Collectors.toList()), m.isDone(), m.getCompletedAt(),
                measureOverdue(m, today), m.getVersion());
    }

    static boolean measureOverdue(MeasureEntity m, LocalDate today) {
        return !m.isDone() && !m.isLongTerm() && m.getDeadline() != null && m.getDeadline().isBefore(today)
                && RUNNING.contains(m.getProblem().getStatus());
    }

    private ProgressDto progressDto(EntityManager em, ProgressEntity r) {
        return new ProgressDto(r.getPublicId(), r.getProblem().getPublicId(),
                r.getMeasure() == null ? null : r.getMeasure().getPublicId(), r.getText(), r.isCompletesMeasure(),
                r.getCreatedAt(), r.getReportedBy(), attachments.list(em, MODULE, "progress", r.getPublicId()));
    }

    /** Category codes to labels in the language; the dictionary is read again after {@link #LABELS_TTL_NANOS}. */
    Map<String, String> categoryLabels(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        Labels known = labels;
        if (known == null || System.nanoTime() - known.at() > LABELS_TTL_NANOS) {
            Map<String, String> zh = new LinkedHashMap<>();
            Map<String, String> en = new LinkedHashMap<>();
            for (DictionaryItemDto item : dictionaries.items(CATEGORY_DICTIONARY)) {
                zh.put(item.getCode(), item.getLabelZh());
                en.put(item.getCode(), item.getLabelEn());
            }
            known = new Labels(zh, en, System.nanoTime());
            labels = known;
        }
        return english ? known.en() : known.zh();
    }

    /** How long category labels serve before the dictionary is read again: ten seconds. */
    static final long LABELS_TTL_NANOS = 10_000_000_000L;

    /** The category labels as last read. */
    private record Labels(Map<String, String> zh, Map<String, String> en, long at) {
    }

    private volatile Labels labels;

    Map<String, String> payload(ProblemEntity p) {
        Map<String, String> payload = new TreeMap<>();
        payload.put(EventKeys.MODULE, MODULE);
        payload.put(EventKeys.PROBLEM_ID, p.getPublicId().toString());
        payload.put(EventKeys.UNIT_ID, p.getUnitId());
        if (p.getLeaderId() != null) {
            payload.put(EventKeys.LEADER_ID, p.getLeaderId());
        }
        payload.put(EventKeys.ACTOR, actor() == null ? "system" : actor());
        return payload;
    }

    String actor() {
        return security.caller().map(Caller::getUsername).orElse(null);
    }

    static String shorten(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    static List<String> ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.toList());
    }

    /** Months as yyyy-MM between two dates, for charts. */
    static List<String> months(YearMonth from, YearMonth to) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}
