package org.qinglian.talks.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.demo.DemoData;
import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.spi.DemoDataContributor;
import org.qinglian.talks.api.Assessment;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.core.entity.TalkEntity;
import org.qinglian.talks.core.entity.TalkPersonEmbeddable;
import org.qinglian.talks.core.entity.TalkPersonEmbeddable.Part;

/**
 * The demo city's talks, in the proportions of a year's work reports: every commission's
 * political talks with the top leaders and leadership members of the units under it (about
 * three in four held by now, the rest planned), and per scale step 300 further talks — reminders
 * on early signs (谈话提醒), admonishing talks, heart-to-heart, integrity and pre-appointment
 * talks, letters of inquiry — one in ten sensitive, some with follow-ups, a few overdue. Written
 * in batches, deterministic per seed.
 */
@Component(service = DemoDataContributor.class, property = DemoDataContributor.NAME + "=" + TalkService.MODULE)
public class TalksDemoData implements DemoDataContributor {

    static final int OTHER_TALKS_PER_FACTOR = 300;
    private static final int BATCH = 500;
    private static final TalkKind[] OTHER_KINDS = {TalkKind.REMINDER, TalkKind.REMINDER, TalkKind.ADMONISHING,
        TalkKind.HEART_TO_HEART, TalkKind.HEART_TO_HEART, TalkKind.INTEGRITY, TalkKind.PRE_APPOINTMENT, TalkKind.INQUIRY};
    private static final List<String> SUMMARIES = List.of(
            "传达学习党中央关于全面从严治党的部署要求，听取履行管党治党政治责任情况汇报，指出存在的不足并提出工作要求。",
            "针对群众反映的苗头性、倾向性问题进行提醒，要求对照检查、立行立改。",
            "就巡察反馈问题整改进度滞后进行约谈，要求压实整改责任，按期完成整改任务。",
            "了解思想、工作和生活情况，鼓励其担当作为，同时提醒严守纪律规矩。",
            "宣讲廉洁从政有关规定，通报典型案例，开展警示教育。",
            "任前廉政谈话，提出廉洁自律、秉公用权的具体要求。");
    private static final List<String> FOLLOW_UPS = List.of("对照谈话指出的问题制定整改措施，一个月内书面报告整改情况",
            "召开专题民主生活会，深入查摆问题并抓好整改", "建立问题清单，逐项整改销号");
    private static final List<String> PLACES = List.of("委机关第一会议室", "谈话室", "被谈话人所在单位会议室");

    @Reference(target = "(osgi.unit.name=qinglian-talks)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    @Override
    public String name() {
        return TalkService.MODULE;
    }

    @Override
    public Map<String, Long> contribute(DemoData data) {
        Random random = data.random("talks");
        Map<UUID, List<UnitDto>> children = new LinkedHashMap<>();
        for (UnitDto u : data.units()) {
            if (u.getParentId() != null) {
                children.computeIfAbsent(u.getParentId(), k -> new ArrayList<>()).add(u);
            }
        }
        List<UnitDto> commissions = data.units().stream()
                .filter(u -> u.getKind() == UnitKind.COMMISSION && children.containsKey(u.getId())).toList();
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<TalkEntity> talks = new ArrayList<>();
        long political = 0;
        for (UnitDto commission : commissions) {
            List<String> under = children.get(commission.getId()).stream().map(u -> u.getId().toString()).toList();
            List<Roster.Person> leaders = Transactions.inTransaction(jpa, em -> Roster.leadership(em, under));
            List<UUID> staff = data.people(commission.getId());
            for (Roster.Person p : leaders) {
                boolean held = random.nextInt(4) != 0;
                TalkEntity t = talk(TalkKind.POLITICAL, TalkReason.ANNUAL_PLAN, commission, now);
                t.getPeople().add(new TalkPersonEmbeddable(Part.SUBJECT, p.id(), p.name(), p.unitId(),
                        TalkServiceImpl.roleOf(p)));
                conductors(t, staff, random);
                t.setPlannedOn(LocalDate.of(today.getYear(), 1 + random.nextInt(today.getMonthValue()), 15));
                if (held && !t.getPlannedOn().isAfter(today)) {
                    t.setStatus(TalkStatus.CLOSED);
                    LocalDate heldOn = t.getPlannedOn().plusDays(random.nextInt(10));
                    t.setHeldOn(heldOn.isAfter(today) ? today : heldOn);
                    t.setPlace(PLACES.get(random.nextInt(PLACES.size())));
                    t.setSummary(SUMMARIES.get(0));
                }
                t.setYear(TalkServiceImpl.year(t));
                talks.add(t);
                political++;
            }
        }
        long others = (long) OTHER_TALKS_PER_FACTOR * data.scale().factor();
        for (long n = 0; n < others && !commissions.isEmpty(); n++) {
            UnitDto commission = commissions.get(random.nextInt(commissions.size()));
            List<UnitDto> under = children.get(commission.getId());
            UnitDto unit = under.get(random.nextInt(under.size()));
            List<UUID> people = data.people(unit.getId());
            if (people.isEmpty()) {
                continue;
            }
            TalkKind kind = OTHER_KINDS[random.nextInt(OTHER_KINDS.length)];
            TalkReason reason = kind == TalkKind.PRE_APPOINTMENT ? TalkReason.APPOINTMENT
                    : kind == TalkKind.ADMONISHING ? TalkReason.FINDING
                    : kind == TalkKind.INQUIRY || kind == TalkKind.REMINDER ? TalkReason.PROBLEM_CLUE : TalkReason.ROUTINE;
            TalkEntity t = talk(kind, reason, commission, now);
            t.setSensitivity(reason == TalkReason.PROBLEM_CLUE && random.nextInt(3) == 0 ? Sensitivity.SENSITIVE
                    : random.nextInt(3) == 0 ? Sensitivity.INTERNAL : Sensitivity.ORDINARY);
            UUID person = people.get(random.nextInt(people.size()));
            t.getPeople().add(new TalkPersonEmbeddable(Part.SUBJECT, person.toString(), "", unit.getId().toString(), null));
            conductors(t, data.people(commission.getId()), random);
            LocalDate date = today.minusDays(random.nextInt(300));
            t.setPlannedOn(date);
            int roll = random.nextInt(10);
            if (kind == TalkKind.INQUIRY) {
                if (roll > 1) {
                    t.setStatus(TalkStatus.SENT);
                    t.setSentOn(date);
                    t.setReplyDeadline(date.plusDays(15));
                }
                if (roll > 3) {
                    t.setStatus(TalkStatus.ASSESSED);
                    t.setReply("本人对函询反映的问题作出如实说明，并提供相关佐证材料。");
                    t.setRepliedOn(date.plusDays(10));
                    t.setAssessment(roll > 8 ? Assessment.NEEDS_VERIFICATION : Assessment.NOT_CREDIBLE);
                }
                if (roll > 5) {
                    t.setStatus(TalkStatus.CLOSED);
                }
            } else if (roll > 1) {
                t.setStatus(TalkStatus.HELD);
                t.setHeldOn(date);
                t.setPlace(PLACES.get(random.nextInt(PLACES.size())));
                t.setSummary(SUMMARIES.get(1 + random.nextInt(SUMMARIES.size() - 1)));
                if (roll > 6) {
                    t.setStatus(TalkStatus.FOLLOW_UP_PENDING);
                    t.setFollowUp(FOLLOW_UPS.get(random.nextInt(FOLLOW_UPS.size())));
                    t.setFollowUpDeadline(date.plusDays(30 + random.nextInt(60)));
                } else if (roll > 3) {
                    t.setStatus(TalkStatus.CLOSED);
                }
            }
            t.setYear(TalkServiceImpl.year(t));
            talks.add(t);
        }
        write(talks, data);
        return Map.of("political talks", political, "other talks", (long) talks.size() - political);
    }

    private static TalkEntity talk(TalkKind kind, TalkReason reason, UnitDto owner, Instant now) {
        TalkEntity t = new TalkEntity();
        t.setKind(kind);
        t.setReason(reason);
        t.setSensitivity(Sensitivity.ORDINARY);
        t.setStatus(TalkStatus.PLANNED);
        t.setUnitId(owner.getId().toString());
        t.created(now);
        return t;
    }

    private static void conductors(TalkEntity t, List<UUID> staff, Random random) {
        if (!staff.isEmpty()) {
            UUID who = staff.get(random.nextInt(staff.size()));
            t.getPeople().add(new TalkPersonEmbeddable(Part.CONDUCTOR, who.toString(), "", null, null));
        }
    }

    /** Writes the talks in batches, taking people's names and roles from the roster. */
    private void write(List<TalkEntity> talks, DemoData data) {
        for (int from = 0; from < talks.size(); from += BATCH) {
            List<TalkEntity> batch = talks.subList(from, Math.min(talks.size(), from + BATCH));
            Transactions.inTransaction(jpa, em -> {
                List<String> ids = new ArrayList<>();
                batch.forEach(t -> t.getPeople().forEach(p -> ids.add(p.getPersonId())));
                Map<String, Roster.Person> people = Roster.persons(em, ids);
                for (TalkEntity t : batch) {
                    List<TalkPersonEmbeddable> named = new ArrayList<>();
                    for (TalkPersonEmbeddable p : t.getPeople()) {
                        Roster.Person r = people.get(p.getPersonId());
                        if (r != null) {
                            named.add(new TalkPersonEmbeddable(p.getPart(), r.id(), r.name(),
                                    p.getPart() == Part.SUBJECT ? r.unitId() : null,
                                    p.getPart() == Part.SUBJECT ? p.getRole() != null ? p.getRole()
                                            : TalkServiceImpl.roleOf(r) : null));
                        }
                    }
                    t.getPeople().clear();
                    t.getPeople().addAll(named);
                    em.persist(t);
                }
                return null;
            });
            data.progress("talks", Math.min(talks.size(), from + BATCH), talks.size());
        }
    }
}
