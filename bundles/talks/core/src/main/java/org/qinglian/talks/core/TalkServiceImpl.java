package org.qinglian.talks.core;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.ValidationException;
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
import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.NeedToKnow;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.spi.FindingSink;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoveragePersonDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.FindingRequest;
import org.qinglian.talks.api.FindingResult;
import org.qinglian.talks.api.PersonRef;
import org.qinglian.talks.api.PlanDto;
import org.qinglian.talks.api.PlanRequest;
import org.qinglian.talks.api.PlanResult;
import org.qinglian.talks.api.SubjectDraft;
import org.qinglian.talks.api.SubjectDto;
import org.qinglian.talks.api.SubjectRole;
import org.qinglian.talks.api.TalkAction;
import org.qinglian.talks.api.TalkDetailDto;
import org.qinglian.talks.api.TalkDraft;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.api.TimelineEntryDto;
import org.qinglian.talks.api.TransitionRequest;
import org.qinglian.talks.core.entity.TalkEntity;
import org.qinglian.talks.core.entity.TalkPersonEmbeddable;
import org.qinglian.talks.core.entity.TalkPersonEmbeddable.Part;
import org.qinglian.talks.core.entity.TimelineEntity;

/**
 * Talk records. A talk is owned by the unit that conducts it: what is outside the caller's scope
 * is answered as missing, and a sensitive talk is readable only with need-to-know (its handlers,
 * the leaders of the owning unit or of a unit supervising it), every such read on the audit trail.
 * Every change is audited in the same transaction and on the talk's own timeline; events leave
 * through the platform's outbox after commit.
 */
@Component(service = TalkService.class)
public class TalkServiceImpl implements TalkService {

    static final String TALK = "talks.talk";
    /** API sort fields that are named otherwise in the entity. */
    static final Map<String, String> SORT_PROPERTIES = Map.of("number", "id");
    /** The most people one talk names in one part. */
    static final int MAX_PEOPLE = 50;
    /** Talks planning writes before it empties the persistence context. */
    static final int BATCH = 100;
    /** The condition of the list's need-to-know: the bound person is a handler of the talk. */
    static final String HANDLER = "exists (select 1 from TalkEntity h join h.people hp where h = t"
            + " and hp.personId = :ntkPerson and hp.part <> :subjectPart)";

    @Reference(target = "(osgi.unit.name=qinglian-talks)")
    JpaTemplate jpa;

    @Reference
    PlatformClock clock;

    @Reference
    SecurityContext security;

    @Reference
    AccessPolicy policy;

    @Reference
    NeedToKnow needToKnow;

    @Reference
    AuditLog audit;

    @Reference
    AttachmentService attachments;

    @Reference
    EventOutbox outbox;

    @Reference
    UnitService units;

    @Reference
    Messages messages;

    /** The rectification ledger's sink, when that module is installed. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    final List<FindingSink> sinks = new CopyOnWriteArrayList<>();

    // ---------------------------------------------------------------- register

    @Override
    public Page<TalkDto> talks(TalkQuery query, PageRequest page, Locale locale) {
        TalkQuery q = query == null ? TalkQuery.all() : query;
        return Transactions.inTransaction(jpa, em -> {
            Page<TalkEntity> entities = filtered(q).page(em, page.renamed(SORT_PROPERTIES), e -> e);
            return new Page<>(dtos(em, entities.getItems()), entities.getTotal(), entities.getPage(), entities.getSize());
        });
    }

    /** The talks a query selects that the caller may read: in scope, and sensitive ones only with need-to-know. */
    ListQuery<TalkEntity> filtered(TalkQuery q) {
        Scope scope = security.scope();
        ListQuery<TalkEntity> list = new ListQuery<>(TalkEntity.class, "t", "").inScope("t.unitId", scope)
                .needToKnow("t.sensitivity", "t.unitId", HANDLER, security.sensitiveReach())
                .parameter("subjectPart", Part.SUBJECT);
        if (q.unitId() != null) {
            list.where("t.unitId in :unitIds", "unitIds", unitIds(q.unitId(), q.subordinates()));
        }
        if (q.kind() != null) {
            list.where("t.kind = :kind", "kind", q.kind());
        }
        if (q.status() != null) {
            list.where("t.status = :status", "status", q.status());
        }
        if (q.reason() != null) {
            list.where("t.reason = :reason", "reason", q.reason());
        }
        if (q.sensitivity() != null) {
            list.where("t.sensitivity = :sensitivity", "sensitivity", q.sensitivity());
        }
        if (q.year() != null) {
            list.where("t.year = :year", "year", q.year());
        }
        if (q.proposed() != null) {
            list.where("t.proposed = :proposed", "proposed", q.proposed());
        }
        if (q.personId() != null) {
            list.where("exists (select 1 from TalkEntity s join s.people sp where s = t and sp.personId = :person"
                    + " and sp.part = :subjectPart)", "person", q.personId().toString());
        }
        if (q.followUpOverdue() != null) {
            list.parameter("pending", TalkStatus.FOLLOW_UP_PENDING).parameter("today", clock.today());
            list.where(q.followUpOverdue() ? "(t.status = :pending and t.followUpDeadline < :today)"
                    : "(t.status <> :pending or t.followUpDeadline is null or t.followUpDeadline >= :today)", null, null);
        }
        if (q.text() != null && !q.text().isBlank()) {
            list.where("(lower(t.place) like :text escape '\\' or exists (select 1 from TalkEntity n join n.people np"
                    + " where n = t and np.part = :subjectPart and lower(np.name) like :text escape '\\'))", "text",
                    ListQuery.likePattern(q.text()));
        }
        return list;
    }

    /** A unit (in scope, else none) and, with subordinates, the units it supervises. */
    List<String> unitIds(UUID unit, boolean subordinates) {
        List<String> ids;
        if (subordinates) {
            try {
                ids = ids(units.supervisedClosure(unit, clock.today()));
            } catch (NotFoundException outOfScope) {
                ids = List.of();
            }
        } else {
            ids = List.of(unit.toString());
        }
        return ids.isEmpty() ? List.of("-") : ids;
    }

    @Override
    public TalkDetailDto talk(UUID id, Locale locale) {
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = readable(em, id);
            if (t.getSensitivity() != Sensitivity.SENSITIVE) {
                // a sensitive talk's read was recorded by need-to-know already
                audit.record(em, AuditEvent.of("talks.talk.read", TALK, t.getPublicId()));
            }
            return detail(em, t);
        });
    }

    /**
     * A live talk the caller may read: in scope, and for a sensitive talk with need-to-know (that
     * read, or its refusal, is audited); 404 otherwise.
     */
    TalkEntity readable(EntityManager em, UUID id) {
        TalkEntity t = Records.find(em, TalkEntity.class, id);
        if (t == null || !security.scope().includes(UUID.fromString(t.getUnitId()))) {
            throw new NotFoundException(TALK, id);
        }
        if (t.getSensitivity() == Sensitivity.SENSITIVE) {
            needToKnow.read(em, TALK, t.getPublicId(), UUID.fromString(t.getUnitId()), handlers(t));
        }
        return t;
    }

    /** Whether the caller may read the talk, without recording a read (attachments ask it before streaming). */
    boolean mayRead(UUID id) {
        if (!policy.permits("talks:read")) {
            return false;
        }
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = Records.find(em, TalkEntity.class, id);
            if (t == null || !security.scope().includes(UUID.fromString(t.getUnitId()))) {
                return false;
            }
            return t.getSensitivity() != Sensitivity.SENSITIVE
                    || security.mayReadSensitive(UUID.fromString(t.getUnitId()), handlers(t));
        });
    }

    static List<UUID> handlers(TalkEntity t) {
        return t.handlerIds().stream().map(UUID::fromString).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- create, update

    @Override
    public TalkDto create(TalkDraft draft, Locale locale) {
        validate(draft, null);
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = new TalkEntity();
            apply(em, t, draft);
            boolean held = draft.heldOn() != null;
            t.setStatus(held ? TalkStatus.HELD : TalkStatus.PLANNED);
            t.setYear(year(t));
            Instant now = clock.now();
            t.created(now);
            em.persist(t);
            em.persist(new TimelineEntity(t, now, actor(), "CREATE", null, t.getStatus(), null));
            em.flush();
            audit.record(em, AuditEvent.of("talks.talk.create", TALK, t.getPublicId())
                    .detail(t.getKind() + " " + t.getStatus()));
            outbox.publish(em, held ? Topics.TALKS_TALK_HELD : Topics.TALKS_TALK_PLANNED, payload(t));
            return dtos(em, List.of(t)).get(0);
        });
    }

    @Override
    public TalkDto update(UUID id, long expectedVersion, TalkDraft draft, Locale locale) {
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = readable(em, id);
            Records.checkVersion(t, expectedVersion);
            if (Workflow.FINAL.contains(t.getStatus())) {
                throw new ConflictException("problem.talks.finished", "talks.status." + t.getStatus());
            }
            validate(draft, t);
            apply(em, t, draft);
            t.setYear(year(t));
            t.touched(clock.now());
            em.persist(new TimelineEntity(t, clock.now(), actor(), "EDIT", null, null, null));
            em.flush();
            audit.record(em, AuditEvent.of("talks.talk.update", TALK, t.getPublicId()));
            return dtos(em, List.of(t)).get(0);
        });
    }

    /** Checks a draft; {@code existing} is the talk it changes, or null for a new one. */
    void validate(TalkDraft d, TalkEntity existing) {
        Validator v = new Validator();
        if (d == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("kind", d.kind()).required("reason", d.reason()).required("unitId", d.unitId())
                .maxLength("place", d.place(), 200).maxLength("summary", d.summary(), 4000)
                .maxLength("statement", d.statement(), 4000).maxLength("followUp", d.followUp(), 2000);
        TalkStatus status = existing == null ? null : existing.getStatus();
        boolean planned = existing == null ? d.heldOn() == null : status == TalkStatus.PLANNED;
        if (existing != null && d.kind() != null && d.kind() != existing.getKind() && status != TalkStatus.PLANNED) {
            v.reject("kind", "validation.talks.kindFixed");
        }
        if (d.kind() == TalkKind.INQUIRY && d.heldOn() != null) {
            v.reject("heldOn", "validation.talks.inquiryNotHeld");
        } else if (existing != null && status == TalkStatus.PLANNED && d.heldOn() != null) {
            v.reject("heldOn", "validation.talks.holdByTransition");
        }
        if (planned && d.plannedOn() == null && d.heldOn() == null) {
            v.reject("plannedOn", "validation.required");
        }
        if (d.heldOn() != null && d.heldOn().isAfter(clock.today())) {
            v.reject("heldOn", "validation.talks.inFuture");
        }
        boolean held = existing == null ? d.heldOn() != null
                : Workflow.TOOK_PLACE.contains(status) && existing.getKind() != TalkKind.INQUIRY;
        if (held) {
            v.required("summary", d.summary());
            if (existing != null) {
                v.required("heldOn", d.heldOn());
            }
        }
        if (d.followUpDeadline() != null && blank(d.followUp())) {
            v.reject("followUp", "validation.talks.followUpWithDeadline");
        }
        if (d.replyDeadline() != null && d.kind() != TalkKind.INQUIRY) {
            v.reject("replyDeadline", "validation.talks.inquiryOnly");
        }
        // an edit keeps what the state stands on: an open follow-up its requirement, a sent letter its reply deadline
        if (status == TalkStatus.FOLLOW_UP_PENDING) {
            v.required("followUp", d.followUp()).required("followUpDeadline", d.followUpDeadline());
        }
        if (existing != null && existing.getSentOn() != null && d.kind() == TalkKind.INQUIRY) {
            v.required("replyDeadline", d.replyDeadline());
            if (d.replyDeadline() != null && d.replyDeadline().isBefore(existing.getSentOn())) {
                v.reject("replyDeadline", "validation.talks.deadlineBeforeSent");
            }
        }
        if (d.subjects() == null || d.subjects().isEmpty()) {
            v.reject("subjects", "validation.required");
        } else if (d.subjects().size() > MAX_PEOPLE) {
            v.reject("subjects", "validation.talks.tooMany", MAX_PEOPLE);
        } else {
            for (int i = 0; i < d.subjects().size(); i++) {
                SubjectDraft s = d.subjects().get(i);
                v.required("subjects[" + i + "].personId", s == null ? null : s.personId());
            }
        }
        for (String field : List.of("conductorIds", "handlerIds")) {
            List<UUID> ids = "conductorIds".equals(field) ? d.conductorIds() : d.handlerIds();
            if (ids != null && ids.size() > MAX_PEOPLE) {
                v.reject(field, "validation.talks.tooMany", MAX_PEOPLE);
            } else if (ids != null) {
                for (int i = 0; i < ids.size(); i++) {
                    v.required(field + "[" + i + "]", ids.get(i));
                }
            }
        }
        v.throwIfInvalid();
    }

    /** Copies a checked draft onto the talk: references must exist, units and subjects be in scope. */
    private void apply(EntityManager em, TalkEntity t, TalkDraft d) {
        Scope scope = security.scope();
        Roster.requireUnit(em, scope, d.unitId(), "unitId");
        List<String> named = new ArrayList<>();
        d.subjects().forEach(s -> named.add(s.personId().toString()));
        if (d.conductorIds() != null) {
            d.conductorIds().forEach(p -> named.add(p.toString()));
        }
        if (d.handlerIds() != null) {
            d.handlerIds().forEach(p -> named.add(p.toString()));
        }
        if (d.recorderId() != null) {
            named.add(d.recorderId().toString());
        }
        Map<String, Roster.Person> people = Roster.persons(em, named);
        List<TalkPersonEmbeddable> list = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < d.subjects().size(); i++) {
            SubjectDraft s = d.subjects().get(i);
            Roster.Person p = people.get(s.personId().toString());
            if (p == null || !scope.includes(UUID.fromString(p.unitId()))) {
                throw new ValidationException("subjects[" + i + "].personId", "validation.unknownReference",
                        String.valueOf(s.personId()));
            }
            if (seen.add(p.id())) {
                list.add(new TalkPersonEmbeddable(Part.SUBJECT, p.id(), p.name(), p.unitId(),
                        s.role() != null ? s.role() : roleOf(p)));
            }
        }
        addPeople(list, people, Part.CONDUCTOR, "conductorIds", d.conductorIds());
        if (d.recorderId() != null) {
            addPeople(list, people, Part.RECORDER, "recorderId", List.of(d.recorderId()));
        }
        addPeople(list, people, Part.HANDLER, "handlerIds", d.handlerIds());
        t.getPeople().clear();
        t.getPeople().addAll(list);
        t.setKind(d.kind());
        t.setReason(d.reason());
        t.setSensitivity(d.sensitivity() == null ? Sensitivity.ORDINARY : d.sensitivity());
        t.setUnitId(d.unitId().toString());
        t.setPlannedOn(d.plannedOn());
        if (t.getStatus() == null || t.getStatus() != TalkStatus.PLANNED) {
            t.setHeldOn(d.heldOn());
        }
        t.setPlace(strip(d.place()));
        t.setSummary(strip(d.summary()));
        t.setStatement(strip(d.statement()));
        t.setFollowUp(strip(d.followUp()));
        t.setFollowUpDeadline(d.followUpDeadline());
        t.setReplyDeadline(d.replyDeadline());
    }

    private static void addPeople(List<TalkPersonEmbeddable> list, Map<String, Roster.Person> people, Part part,
            String field, List<UUID> ids) {
        if (ids == null) {
            return;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Roster.Person p = people.get(ids.get(i).toString());
            if (p == null) {
                throw new ValidationException("recorderId".equals(field) ? field : field + "[" + i + "]",
                        "validation.unknownReference", String.valueOf(ids.get(i)));
            }
            if (seen.add(p.id())) {
                list.add(new TalkPersonEmbeddable(part, p.id(), p.name(), null, null));
            }
        }
    }

    /** A person's role by the roster's flags. */
    static SubjectRole roleOf(Roster.Person p) {
        if (p.topLeader()) {
            return SubjectRole.TOP_LEADER;
        }
        if (p.leadershipMember()) {
            return SubjectRole.LEADERSHIP_MEMBER;
        }
        if (p.inspectionCadre()) {
            return SubjectRole.INSPECTION_CADRE;
        }
        return p.youngCadre() ? SubjectRole.YOUNG_CADRE : SubjectRole.OTHER;
    }

    /** The year a talk counts for: of its date held (or sent), else of its planned date. */
    static int year(TalkEntity t) {
        LocalDate date = t.getHeldOn() != null ? t.getHeldOn() : t.getSentOn() != null ? t.getSentOn() : t.getPlannedOn();
        return date == null ? 0 : date.getYear();
    }

    // ---------------------------------------------------------------- transitions

    @Override
    public TalkDetailDto transition(UUID id, long expectedVersion, TransitionRequest r, Locale locale) {
        Validator v = new Validator();
        if (r == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("action", r.action()).maxLength("note", r.note(), 1000).throwIfInvalid();
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = readable(em, id);
            Records.checkVersion(t, expectedVersion);
            TalkStatus from = t.getStatus();
            TalkStatus to = Workflow.next(t.getKind(), from, r.action());
            apply(t, r);
            Instant now = clock.now();
            t.setStatus(to);
            t.setYear(year(t));
            if (to != TalkStatus.PLANNED) {
                t.setProposed(false);
            }
            t.touched(now);
            String note = strip(r.note());
            em.persist(new TimelineEntity(t, now, actor(), r.action().name(), from, to, shorten(note)));
            em.flush();
            audit.record(em, AuditEvent.of("talks.talk." + r.action().name().toLowerCase(Locale.ROOT), TALK,
                    t.getPublicId()).detail(from + "->" + to));
            Map<String, String> payload = payload(t);
            payload.put(EventKeys.FROM, from.name());
            payload.put(EventKeys.TO, to.name());
            // a talk happened when held, a letter of inquiry once its reply was assessed (Topics.TALKS_TALK_HELD)
            if (r.action() == TalkAction.HOLD || r.action() == TalkAction.ASSESS) {
                outbox.publish(em, Topics.TALKS_TALK_HELD, payload);
            } else if (r.action() == TalkAction.REQUIRE_FOLLOW_UP) {
                payload.put(EventKeys.DEADLINE, t.getFollowUpDeadline().toString());
                outbox.publish(em, Topics.TALKS_FOLLOW_UP_REQUIRED, payload);
            } else if (to == TalkStatus.CLOSED) {
                outbox.publish(em, Topics.TALKS_TALK_CLOSED, payload);
            }
            return detail(em, t);
        });
    }

    /** Checks what the action needs and copies it onto the talk; 400 naming each missing field. */
    private void apply(TalkEntity t, TransitionRequest r) {
        Validator v = new Validator();
        LocalDate today = clock.today();
        switch (r.action()) {
            case HOLD:
                v.required("heldOn", r.heldOn()).text("summary", r.summary(), 4000).maxLength("place", r.place(), 200)
                        .maxLength("statement", r.statement(), 4000);
                if (r.heldOn() != null && r.heldOn().isAfter(today)) {
                    v.reject("heldOn", "validation.talks.inFuture");
                }
                v.throwIfInvalid();
                t.setHeldOn(r.heldOn());
                t.setSummary(strip(r.summary()));
                if (!blank(r.place())) {
                    t.setPlace(strip(r.place()));
                }
                if (!blank(r.statement())) {
                    t.setStatement(strip(r.statement()));
                }
                break;
            case SEND:
                v.required("sentOn", r.sentOn()).required("replyDeadline", r.replyDeadline());
                if (r.sentOn() != null && r.sentOn().isAfter(today)) {
                    v.reject("sentOn", "validation.talks.inFuture");
                }
                if (r.sentOn() != null && r.replyDeadline() != null && r.replyDeadline().isBefore(r.sentOn())) {
                    v.reject("replyDeadline", "validation.talks.deadlineBeforeSent");
                }
                v.throwIfInvalid();
                t.setSentOn(r.sentOn());
                t.setReplyDeadline(r.replyDeadline());
                break;
            case RECORD_REPLY:
                v.text("reply", r.reply(), 4000);
                LocalDate replied = r.repliedOn() == null ? today : r.repliedOn();
                if (replied.isAfter(today) || t.getSentOn() != null && replied.isBefore(t.getSentOn())) {
                    v.reject("repliedOn", "validation.talks.repliedOn");
                }
                v.throwIfInvalid();
                t.setReply(strip(r.reply()));
                t.setRepliedOn(replied);
                break;
            case ASSESS:
                v.required("assessment", r.assessment()).throwIfInvalid();
                t.setAssessment(r.assessment());
                t.setAssessmentNote(strip(r.note()));
                break;
            case REQUIRE_FOLLOW_UP:
                v.text("followUp", r.followUp(), 2000).required("followUpDeadline", r.followUpDeadline());
                if (r.followUpDeadline() != null && r.followUpDeadline().isBefore(today)) {
                    v.reject("followUpDeadline", "validation.talks.deadlinePast");
                }
                v.throwIfInvalid();
                t.setFollowUp(strip(r.followUp()));
                t.setFollowUpDeadline(r.followUpDeadline());
                break;
            case COMPLETE_FOLLOW_UP:
                v.text("followUpResult", r.followUpResult(), 2000).throwIfInvalid();
                t.setFollowUpResult(strip(r.followUpResult()));
                t.setFollowUpDoneAt(clock.now());
                break;
            case CANCEL:
                v.text("note", r.note(), 1000).throwIfInvalid();
                break;
            default:
                break;
        }
    }

    // ---------------------------------------------------------------- attachments, findings

    @Override
    public AttachmentDto attach(UUID id, String filename, byte[] content) {
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = readable(em, id);
            if (t.getStatus() == TalkStatus.CANCELLED) {
                throw new ConflictException("problem.talks.finished", "talks.status." + t.getStatus());
            }
            AttachmentDto stored = attachments.store(em, new AttachmentUpload(MODULE, "talk", t.getPublicId(),
                    UUID.fromString(t.getUnitId()), filename, content == null ? new byte[0] : content));
            t.touched(clock.now());
            em.persist(new TimelineEntity(t, clock.now(), actor(), "ATTACH", null, null, shorten(stored.filename())));
            return stored;
        });
    }

    @Override
    public FindingResult raiseFinding(UUID id, FindingRequest request) {
        FindingSink sink = sink();
        FindingSink.Finding finding = Transactions.inTransaction(jpa, em -> {
            // a talk the caller may not read is missing, whether or not the ledger is there
            TalkEntity t = readable(em, id);
            if (sink == null) {
                throw new ConflictException("problem.talks.ledgerMissing");
            }
            if (blank(t.getFollowUp())) {
                throw new ConflictException("problem.talks.noFollowUp");
            }
            TalkPersonEmbeddable subject = t.people(Part.SUBJECT).get(0);
            return new FindingSink.Finding(MODULE, "talk:" + t.getPublicId(), UUID.fromString(subject.getUnitId()),
                    t.getFollowUp(), null, request == null ? null : request.severity(),
                    UUID.fromString(subject.getPersonId()), t.getFollowUpDeadline());
        });
        FindingSink.Receipt receipt = sink.raise(finding);
        // the ledger's own transaction has committed: the talk records where its finding went
        return Transactions.inTransaction(jpa, em -> {
            TalkEntity t = readable(em, id);
            if (t.getFindingId() == null) {
                t.setFindingId(receipt.recordId().toString());
                t.setFindingRoute(receipt.route());
                t.touched(clock.now());
                em.persist(new TimelineEntity(t, clock.now(), actor(), "FINDING", null, null, receipt.route()));
                audit.record(em, AuditEvent.of("talks.talk.finding", TALK, t.getPublicId())
                        .detail(sink.module() + ":" + receipt.recordId()));
            }
            return new FindingResult(receipt.recordId(), receipt.route(), receipt.created());
        });
    }

    /** The rectification ledger's finding sink, else any other, else null. */
    FindingSink sink() {
        FindingSink any = null;
        for (FindingSink s : sinks) {
            if ("rectification".equals(s.module())) {
                return s;
            }
            any = any == null ? s : any;
        }
        return any;
    }

    // ---------------------------------------------------------------- export, plans, coverage

    @Override
    public void exportRegister(TalkQuery query, Locale locale, OutputStream out) {
        TalkQuery q = query == null ? TalkQuery.all() : query;
        Transactions.inTransaction(jpa, em -> {
            List<TalkEntity> list = filtered(q).all(em, "t.id");
            TalkSheets.register(em, this, q, list, locale, out);
            audit.record(em, AuditEvent.of("talks.register.export", TALK, null)
                    .detail(list.size() + " talks, unit=" + q.unitId() + " year=" + q.year()));
            return null;
        });
    }

    @Override
    public PlanDto plan(int year, UUID unitId, boolean subordinates, Locale locale) {
        TalkQuery q = new TalkQuery(null, null, null, null, unitId, subordinates, year, null, null, null, null);
        return Transactions.inTransaction(jpa, em -> {
            List<TalkEntity> list = filtered(q).all(em, "t.plannedOn, t.heldOn, t.id");
            List<TalkDto> all = dtos(em, list);
            Map<String, List<TalkDto>> byMonth = new TreeMap<>();
            for (int m = 1; m <= 12; m++) {
                byMonth.put(String.format("%d-%02d", year, m), new ArrayList<>());
            }
            long planned = 0;
            long held = 0;
            long cancelled = 0;
            for (TalkDto t : all) {
                LocalDate date = t.plannedOn() != null ? t.plannedOn() : t.heldOn();
                String month = date == null || date.getYear() != year ? String.format("%d-01", year)
                        : String.format("%d-%02d", year, date.getMonthValue());
                byMonth.get(month).add(t);
                if (t.status() == TalkStatus.PLANNED) {
                    planned++;
                } else if (t.status() == TalkStatus.CANCELLED) {
                    cancelled++;
                } else {
                    held++;
                }
            }
            List<PlanDto.Month> months = new ArrayList<>();
            byMonth.forEach((month, talks) -> months.add(new PlanDto.Month(month,
                    talks.stream().filter(t -> t.status() == TalkStatus.PLANNED).count(),
                    talks.stream().filter(t -> Workflow.TOOK_PLACE.contains(t.status())).count(), talks)));
            return new PlanDto(year, months, planned, held, cancelled);
        });
    }

    @Override
    public PlanResult planPolitical(int year, PlanRequest request) {
        Validator v = new Validator();
        if (request == null) {
            v.required("body", null).throwIfInvalid();
        }
        v.required("unitId", request.unitId());
        if (year < 2000 || year > 2100) {
            v.reject("year", "validation.talks.year");
        }
        if (request.plannedOn() != null && request.plannedOn().getYear() != year) {
            v.reject("plannedOn", "validation.talks.plannedOutsideYear", year);
        }
        UUID owner = request.ownerUnitId() != null ? request.ownerUnitId()
                : security.caller().map(Caller::getUnitId).orElse(null);
        if (owner == null) {
            v.reject("ownerUnitId", "validation.required");
        }
        v.throwIfInvalid();
        LocalDate plannedOn = request.plannedOn() != null ? request.plannedOn() : LocalDate.of(year, 3, 31);
        return Transactions.inTransaction(jpa, em -> {
            Scope scope = security.scope();
            Roster.requireUnit(em, scope, owner, "ownerUnitId");
            Roster.requireUnit(em, scope, request.unitId(), "unitId");
            List<String> unitIds = unitIds(request.unitId(), Boolean.TRUE.equals(request.subordinates())).stream()
                    .filter(u -> scope.includes(parse(u))).collect(Collectors.toList());
            List<Roster.Person> leaders = Roster.leadership(em, unitIds);
            Set<String> reached = Coverage.politicalTalks(em, year, leaders, scope, false).keySet();
            int created = 0;
            Instant now = clock.now();
            for (Roster.Person p : leaders) {
                if (reached.contains(p.id())) {
                    continue;
                }
                TalkEntity t = new TalkEntity();
                t.setKind(TalkKind.POLITICAL);
                t.setReason(TalkReason.ANNUAL_PLAN);
                t.setSensitivity(Sensitivity.ORDINARY);
                t.setStatus(TalkStatus.PLANNED);
                t.setUnitId(owner.toString());
                t.setPlannedOn(plannedOn);
                t.setYear(year);
                t.getPeople().add(new TalkPersonEmbeddable(Part.SUBJECT, p.id(), p.name(), p.unitId(), roleOf(p)));
                t.created(now);
                em.persist(t);
                em.persist(new TimelineEntity(t, now, actor(), "CREATE", null, TalkStatus.PLANNED, null));
                if (++created % BATCH == 0) {
                    em.flush();
                    em.clear();
                }
            }
            em.flush();
            audit.record(em, AuditEvent.of("talks.plan.political", TALK, null)
                    .detail(year + ": " + created + " planned for unit " + request.unitId()));
            return new PlanResult(created, leaders.size() - created);
        });
    }

    @Override
    public CoverageDto coverage(CoverageQuery query) {
        return Transactions.inTransaction(jpa, em -> Coverage.of(em, this, query).figures());
    }

    @Override
    public Page<CoveragePersonDto> coveragePeople(CoverageQuery query, PageRequest page) {
        return Transactions.inTransaction(jpa, em -> {
            List<CoveragePersonDto> people = Coverage.of(em, this, query).people(query.missing());
            List<CoveragePersonDto> slice = people.subList(Math.min(people.size(), page.getOffset()),
                    Math.min(people.size(), page.getOffset() + page.getSize()));
            return new Page<>(new ArrayList<>(slice), people.size(), page.getPage(), page.getSize());
        });
    }

    @Override
    public void exportCoverage(CoverageQuery query, Locale locale, OutputStream out) {
        Transactions.inTransaction(jpa, em -> {
            Coverage coverage = Coverage.of(em, this, query);
            TalkSheets.coverage(em, this, query, coverage, locale, out);
            audit.record(em, AuditEvent.of("talks.coverage.export", TALK, null)
                    .detail(query.year() + " unit=" + query.unitId()));
            return null;
        });
    }

    // ---------------------------------------------------------------- mapping

    TalkDetailDto detail(EntityManager em, TalkEntity t) {
        List<TimelineEntryDto> timeline = new ArrayList<>();
        em.createQuery("select e from TimelineEntity e where e.talk = :t order by e.at, e.id", TimelineEntity.class)
                .setParameter("t", t).getResultList().forEach(e -> timeline.add(new TimelineEntryDto(e.getAt(),
                        e.getActor(), e.getAction(), e.getFrom(), e.getTo(), e.getNote())));
        Set<TalkAction> allowed = EnumSet.noneOf(TalkAction.class);
        if (policy.permits("talks:write")) {
            allowed.addAll(Workflow.actions(t.getKind(), t.getStatus()));
        }
        boolean canRaise = sink() != null && !blank(t.getFollowUp()) && t.getFindingId() == null
                && t.getStatus() != TalkStatus.CANCELLED && policy.permits("talks:write");
        return new TalkDetailDto(dtos(em, List.of(t)).get(0), t.getSummary(), t.getStatement(), t.getFollowUp(),
                t.getFollowUpResult(), t.getFollowUpDoneAt(), t.getSentOn(), t.getReply(), t.getRepliedOn(),
                t.getAssessment(), t.getAssessmentNote(), refs(t.people(Part.HANDLER)),
                attachments.list(em, MODULE, "talk", t.getPublicId()), timeline, allowed, canRaise);
    }

    List<TalkDto> dtos(EntityManager em, List<TalkEntity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<String> unitIds = new java.util.HashSet<>();
        list.forEach(t -> {
            unitIds.add(t.getUnitId());
            t.people(Part.SUBJECT).forEach(s -> unitIds.add(s.getUnitId()));
        });
        Map<String, String> names = Roster.units(em, unitIds);
        LocalDate today = clock.today();
        List<TalkDto> dtos = new ArrayList<>();
        for (TalkEntity t : list) {
            List<SubjectDto> subjects = t.people(Part.SUBJECT).stream().map(s -> new SubjectDto(parse(s.getPersonId()),
                    s.getName(), parse(s.getUnitId()), names.get(s.getUnitId()), s.getRole())).collect(Collectors.toList());
            List<PersonRef> recorder = refs(t.people(Part.RECORDER));
            dtos.add(new TalkDto(t.getPublicId(), t.getId(), t.getKind(), t.getReason(), t.getStatus(),
                    t.getSensitivity(), parse(t.getUnitId()), names.get(t.getUnitId()), t.getYear(), t.getPlannedOn(),
                    t.getHeldOn(), t.getPlace(), subjects,
                    subjects.stream().map(SubjectDto::name).collect(Collectors.joining("、")),
                    refs(t.people(Part.CONDUCTOR)), recorder.isEmpty() ? null : recorder.get(0),
                    t.getFollowUpDeadline(), followUpOverdue(t, today), t.getReplyDeadline(), replyOverdue(t, today),
                    t.isProposed(), t.getSourceModule(), t.getSourceRoute(), t.getFindingRoute(), t.getVersion(),
                    t.getCreatedAt(), t.getUpdatedAt()));
        }
        return dtos;
    }

    static boolean followUpOverdue(TalkEntity t, LocalDate today) {
        return t.getStatus() == TalkStatus.FOLLOW_UP_PENDING && t.getFollowUpDeadline() != null
                && t.getFollowUpDeadline().isBefore(today);
    }

    static boolean replyOverdue(TalkEntity t, LocalDate today) {
        return t.getStatus() == TalkStatus.SENT && t.getReplyDeadline() != null && t.getReplyDeadline().isBefore(today);
    }

    private static List<PersonRef> refs(List<TalkPersonEmbeddable> people) {
        return people.stream().map(p -> new PersonRef(parse(p.getPersonId()), p.getName())).collect(Collectors.toList());
    }

    Map<String, String> payload(TalkEntity t) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put(EventKeys.MODULE, MODULE);
        payload.put(EventKeys.TALK_ID, t.getPublicId().toString());
        payload.put(EventKeys.KIND, t.getKind().name());
        payload.put(EventKeys.UNIT_ID, t.getUnitId());
        payload.put(EventKeys.ACTOR, actor() == null ? "system" : actor());
        return payload;
    }

    String actor() {
        return security.caller().map(Caller::getUsername).orElse(null);
    }

    static UUID parse(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String strip(String text) {
        return blank(text) ? null : text.strip();
    }

    static String shorten(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    static List<String> ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.toList());
    }
}
