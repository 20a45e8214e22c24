package org.qinglian.talks.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.calendar.WorkingCalendar;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.EventOutbox;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.portal.NoticeDraft;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoDraft;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.core.entity.TalkEntity;
import org.qinglian.talks.core.entity.TalkPersonEmbeddable;
import org.qinglian.talks.core.entity.TimelineEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a rectification measure is escalated as long overdue (the ledger's event, whose topic is
 * the platform's, so this module needs nothing of the ledger's), proposes an admonishing talk
 * (约谈) with the responsible unit's top leader and the leader in charge, planned by the
 * supervising unit, and tells that unit. Once per measure and deadline, however often the event
 * comes; without the ledger the event never comes and nothing happens.
 */
@Component(service = EventHandler.class, configurationPid = EscalationProposals.PID,
        property = EventConstants.EVENT_TOPIC + "=" + Topics.RECTIFICATION_MEASURE_ESCALATED)
@Designate(ocd = TalksConfig.class)
public class EscalationProposals implements EventHandler {

    static final String PID = "org.qinglian.talks";
    static final String SOURCE = "rectification";
    private static final Logger LOG = LoggerFactory.getLogger(EscalationProposals.class);

    @Reference(target = "(osgi.unit.name=qinglian-talks)")
    JpaTemplate jpa;

    @Reference
    PlatformClock clock;

    @Reference
    WorkingCalendar calendar;

    @Reference
    UnitService units;

    @Reference
    NoticeService notices;

    @Reference
    AuditLog audit;

    @Reference
    EventOutbox outbox;

    @Reference
    Messages messages;

    private volatile boolean enabled = true;
    private volatile int leadDays = 5;

    @Activate
    @Modified
    void configure(TalksConfig config) {
        enabled = config.proposeAdmonishingTalks();
        leadDays = Math.max(0, config.proposalLeadWorkingDays());
    }

    @Override
    public void handleEvent(Event event) {
        if (!enabled) {
            return;
        }
        try {
            propose(event);
        } catch (RuntimeException e) {
            LOG.error("No admonishing talk could be proposed for the escalation of measure {}",
                    event.getProperty(EventKeys.MEASURE_ID), e);
        }
    }

    /** Proposes the talk; answers its id, or null when it had been proposed before or nobody can be named. */
    UUID propose(Event event) {
        String measure = text(event, EventKeys.MEASURE_ID);
        String problem = text(event, EventKeys.PROBLEM_ID);
        String unit = text(event, EventKeys.UNIT_ID);
        if (measure == null || unit == null) {
            return null;
        }
        String key = "measure:" + measure + ":" + text(event, EventKeys.DEADLINE);
        String owner = owner(unit, text(event, EventKeys.SUPERVISING_UNIT_ID));
        String days = text(event, EventKeys.DAYS_OVERDUE);
        LocalDate plannedOn = calendar.plusWorkingDays(clock.today(), leadDays);
        return Transactions.inTransaction(jpa, em -> {
            boolean known = !em.createQuery("select t.id from TalkEntity t where t.sourceModule = :m and t.sourceKey = :k",
                    Long.class).setParameter("m", SOURCE).setParameter("k", key).getResultList().isEmpty();
            if (known) {
                return null;
            }
            Set<String> people = new LinkedHashSet<>(Roster.topLeaders(em, unit));
            String leader = text(event, EventKeys.LEADER_ID);
            if (leader != null) {
                people.add(leader);
            }
            Map<String, Roster.Person> found = Roster.persons(em, people);
            List<TalkPersonEmbeddable> subjects = new ArrayList<>();
            for (String id : people) {
                Roster.Person p = found.get(id);
                if (p != null) {
                    subjects.add(new TalkPersonEmbeddable(TalkPersonEmbeddable.Part.SUBJECT, p.id(), p.name(),
                            p.unitId(), TalkServiceImpl.roleOf(p)));
                }
            }
            if (subjects.isEmpty()) {
                LOG.info("The unit {} has no top leader in the roster: no admonishing talk proposed", unit);
                return null;
            }
            Instant now = clock.now();
            TalkEntity t = new TalkEntity();
            t.setKind(TalkKind.ADMONISHING);
            t.setReason(TalkReason.OVERDUE_RECTIFICATION);
            t.setSensitivity(Sensitivity.INTERNAL);
            t.setStatus(TalkStatus.PLANNED);
            t.setUnitId(owner);
            t.setPlannedOn(plannedOn);
            t.setYear(plannedOn.getYear());
            t.setProposed(true);
            t.setSourceModule(SOURCE);
            t.setSourceKey(key);
            t.setSourceRoute(problem == null ? null : "rectification/problems/" + problem);
            t.getPeople().addAll(subjects);
            t.created(now);
            em.persist(t);
            em.persist(new TimelineEntity(t, now, null, "PROPOSE", null, TalkStatus.PLANNED,
                    messages.get(Messages.ZH_CN, "talks.notice.proposed.note", days == null ? "?" : days)));
            em.flush();
            audit.record(em, AuditEvent.of("talks.talk.propose", TalkServiceImpl.TALK, t.getPublicId())
                    .detail("rectification measure " + measure));
            Map<String, String> payload = new java.util.LinkedHashMap<>();
            payload.put(EventKeys.MODULE, TalkService.MODULE);
            payload.put(EventKeys.TALK_ID, t.getPublicId().toString());
            payload.put(EventKeys.KIND, t.getKind().name());
            payload.put(EventKeys.UNIT_ID, owner);
            payload.put(EventKeys.ACTOR, "system");
            outbox.publish(em, Topics.TALKS_TALK_PLANNED, payload);
            String names = subjects.stream().map(TalkPersonEmbeddable::getName).collect(java.util.stream.Collectors
                    .joining("、"));
            String unitName = Roster.units(em, List.of(unit)).getOrDefault(unit, "");
            notices.post(new NoticeDraft(TalkService.MODULE, UUID.fromString(owner), null,
                    text("talks.notice.proposed", unitName, names), text("talks.notice.proposed.body", unitName, names),
                    "talks/talks/" + t.getPublicId(), TodoDraft.Level.WARNING));
            return t.getPublicId();
        });
    }

    /** The unit that is to conduct the talk: the supervising unit named, else the responsible unit's parent. */
    private String owner(String unit, String supervising) {
        if (supervising != null) {
            return supervising;
        }
        try {
            UnitDto u = units.get(UUID.fromString(unit));
            return u.getParentId() != null ? u.getParentId().toString() : unit;
        } catch (NotFoundException e) {
            return unit;
        }
    }

    private LocalizedText text(String key, Object... args) {
        return new LocalizedText(messages.get(Messages.ZH_CN, key, args), messages.get(java.util.Locale.ENGLISH, key, args));
    }

    private static String text(Event event, String key) {
        Object value = event.getProperty(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }
}
