package org.qinglian.rectification.core;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.calendar.WorkingCalendar;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.EventOutbox;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.job.JobContext;
import org.qinglian.platform.api.job.Schedule;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.portal.NoticeDraft;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoDraft;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.api.security.UserService;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.api.spi.ScheduledJob;
import org.qinglian.rectification.api.RectificationService;
import org.qinglian.rectification.core.entity.MeasureEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily escalation of measures' deadlines (working days, by the platform calendar): a
 * reminder to the owner before the deadline (yellow), to-dos for the owner, the leader in charge
 * and the unit's top leader at the deadline (red), and a notice to the supervising unit when it is
 * long past. Each step is posted once per measure and deadline (the job's idempotency keys), and
 * each publishes its event after commit.
 */
@Component(service = ScheduledJob.class, configurationPid = EscalationJob.PID)
@Designate(ocd = RectificationConfig.class)
public class EscalationJob implements ScheduledJob {

    static final String PID = "org.qinglian.rectification";
    static final String NAME = "rectification.escalation";
    private static final Logger LOG = LoggerFactory.getLogger(EscalationJob.class);

    @Reference(target = "(osgi.unit.name=qinglian-rectification)")
    JpaTemplate jpa;

    @Reference
    PlatformClock clock;

    @Reference
    WorkingCalendar calendar;

    @Reference
    TodoService todos;

    @Reference
    NoticeService notices;

    @Reference
    UserService users;

    @Reference
    EventOutbox outbox;

    @Reference
    Messages messages;

    private volatile Schedule schedule = Schedule.dailyAt(LocalTime.of(2, 0));
    private volatile int dueSoonDays = 5;
    private volatile int escalateAfterDays = 10;
    private volatile TodoDraft.Level dueSoonLevel = TodoDraft.Level.WARNING;
    private volatile TodoDraft.Level overdueLevel = TodoDraft.Level.DANGER;

    @Activate
    @Modified
    void configure(RectificationConfig config) {
        try {
            schedule = Schedule.dailyAt(LocalTime.parse(config.escalationTime().trim()));
        } catch (DateTimeParseException e) {
            LOG.warn("escalationTime '{}' is not HH:mm; the job runs at 02:00", config.escalationTime());
            schedule = Schedule.dailyAt(LocalTime.of(2, 0));
        }
        dueSoonDays = Math.max(0, config.dueSoonWorkingDays());
        escalateAfterDays = Math.max(0, config.escalateAfterWorkingDays());
        dueSoonLevel = level(config.dueSoonLevel(), TodoDraft.Level.WARNING);
        overdueLevel = level(config.overdueLevel(), TodoDraft.Level.DANGER);
    }

    private static TodoDraft.Level level(String value, TodoDraft.Level fallback) {
        try {
            return TodoDraft.Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("'{}' is not a level (info, warning, danger); {} is used", value, fallback);
            return fallback;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String module() {
        return RectificationService.MODULE;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    /** A measure that may need a step: its ids and what the step needs to know. */
    record Due(UUID measure, UUID problem, String content, LocalDate deadline, String ownerId, String leaderId,
            String unitId, String supervisingUnitId) {
    }

    @Override
    public void run(JobContext context) {
        LocalDate today = clock.today();
        LocalDate horizon = calendar.plusWorkingDays(today, dueSoonDays);
        List<Due> due = Transactions.inTransaction(jpa, em -> {
            List<Due> list = new ArrayList<>();
            em.createQuery("select m from MeasureEntity m join fetch m.problem p left join fetch p.inspection"
                    + " where m.deletedAt is null and p.deletedAt is null and m.done = false and m.longTerm = false"
                    + " and m.deadline is not null and m.deadline <= :horizon and p.status in :running"
                    + " order by m.deadline, m.id", MeasureEntity.class).setParameter("horizon", horizon)
                    .setParameter("running", RectificationServiceImpl.RUNNING).getResultList()
                    .forEach(m -> list.add(new Due(m.getPublicId(), m.getProblem().getPublicId(), m.getContent(),
                            m.getDeadline(), m.getOwnerId(), m.getProblem().getLeaderId(), m.getProblem().getUnitId(),
                            m.getProblem().getInspection() == null ? null : m.getProblem().getInspection().getUnitId())));
            return list;
        });
        int done = 0;
        for (Due d : due) {
            step(context, d, today);
            context.progress(++done, due.size());
        }
        LOG.info("Escalation looked at {} measures due by {}", due.size(), horizon);
    }

    private void step(JobContext context, Due d, LocalDate today) {
        String key = d.measure() + ":" + d.deadline();
        if (d.deadline().isAfter(today)) {
            if (context.once("due-soon:" + key)) {
                List<UUID> owners = usersOf(List.of(d.ownerId()));
                todo(owners, d, "rectification.todo.dueSoon", dueSoonLevel);
                if (owners.isEmpty()) {
                    notice(d.unitId(), d, "rectification.todo.dueSoon", dueSoonLevel);
                }
                event(Topics.RECTIFICATION_MEASURE_DUE_SOON, d, 0);
            }
            return;
        }
        int late = calendar.workingDaysBetween(d.deadline(), today);
        if (context.once("overdue:" + key)) {
            Set<String> people = new LinkedHashSet<>();
            people.add(d.ownerId());
            people.add(d.leaderId());
            people.addAll(Transactions.inTransaction(jpa, em -> Roster.topLeaders(em, d.unitId())));
            List<UUID> recipients = usersOf(people);
            todo(recipients, d, "rectification.todo.overdue", overdueLevel);
            notice(d.unitId(), d, "rectification.todo.overdue", overdueLevel);
            event(Topics.RECTIFICATION_MEASURE_OVERDUE, d, late);
        }
        if (late >= escalateAfterDays && context.once("escalated:" + key)) {
            if (d.supervisingUnitId() != null) {
                notice(d.supervisingUnitId(), d, "rectification.notice.escalated", TodoDraft.Level.DANGER);
            }
            event(Topics.RECTIFICATION_MEASURE_ESCALATED, d, late);
        }
    }

    private List<UUID> usersOf(java.util.Collection<String> people) {
        List<UUID> ids = new ArrayList<>();
        for (String person : people) {
            if (person != null) {
                users.byPerson(UUID.fromString(person)).stream().map(UserDto::getId).filter(u -> !ids.contains(u))
                        .forEach(ids::add);
            }
        }
        return ids;
    }

    private void todo(List<UUID> assignees, Due d, String key, TodoDraft.Level level) {
        for (UUID assignee : assignees) {
            todos.raise(new TodoDraft(RectificationService.MODULE, "measure:" + d.measure(), assignee,
                    UUID.fromString(d.unitId()), text(key, d), route(d), level,
                    d.deadline().atTime(23, 59).atZone(clock.businessZone()).toInstant()));
        }
    }

    private void notice(String unit, Due d, String key, TodoDraft.Level level) {
        notices.post(new NoticeDraft(RectificationService.MODULE, UUID.fromString(unit), null, text(key, d),
                text(key + ".body", d), route(d), level));
    }

    private LocalizedText text(String key, Due d) {
        String content = RectificationServiceImpl.shorten(d.content());
        return new LocalizedText(messages.get(Messages.ZH_CN, key, content, d.deadline().toString()),
                messages.get(Locale.ENGLISH, key, content, d.deadline().toString()));
    }

    private static String route(Due d) {
        return "rectification/problems/" + d.problem();
    }

    private void event(String topic, Due d, int late) {
        Transactions.inTransaction(jpa, em -> {
            Map<String, String> payload = new java.util.TreeMap<>();
            payload.put(EventKeys.MODULE, RectificationService.MODULE);
            payload.put(EventKeys.PROBLEM_ID, d.problem().toString());
            payload.put(EventKeys.MEASURE_ID, d.measure().toString());
            payload.put(EventKeys.UNIT_ID, d.unitId());
            payload.put(EventKeys.DEADLINE, d.deadline().toString());
            payload.put(EventKeys.DAYS_OVERDUE, String.valueOf(late));
            payload.put(EventKeys.ACTOR, "system");
            if (d.ownerId() != null) {
                payload.put(EventKeys.PERSON_ID, d.ownerId());
            }
            if (d.leaderId() != null) {
                payload.put(EventKeys.LEADER_ID, d.leaderId());
            }
            if (d.supervisingUnitId() != null) {
                payload.put(EventKeys.SUPERVISING_UNIT_ID, d.supervisingUnitId());
            }
            outbox.publish(em, topic, payload);
            return null;
        });
    }
}
