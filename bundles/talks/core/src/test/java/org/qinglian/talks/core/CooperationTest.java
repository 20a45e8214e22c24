package org.qinglian.talks.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.job.JobStatusDto;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.core.job.JobServiceImpl;
import org.qinglian.platform.core.service.TodoServiceImpl;
import org.qinglian.platform.testing.PeopleUsers;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.rectification.api.InspectionDraft;
import org.qinglian.rectification.api.InspectionDto;
import org.qinglian.rectification.api.InspectionSource;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDetailDto;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.Severity;
import org.qinglian.rectification.core.LedgerForTalks;
import org.qinglian.talks.api.FindingRequest;
import org.qinglian.talks.api.FindingResult;
import org.qinglian.talks.api.SubjectDto;
import org.qinglian.talks.api.SubjectRole;
import org.qinglian.talks.api.TalkDetailDto;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkStatus;

/**
 * Talks and the rectification ledger, which cooperate only through the platform: a talk's
 * follow-up raised as a ledger problem through the finding sink (and refused while the ledger is
 * missing), and an admonishing talk (约谈) proposed when the ledger escalates a long overdue
 * measure, from the event alone and end to end from the ledger's real escalation job.
 */
public class CooperationTest extends TalksTestCase {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 30);
    private static final String FOLLOW_UP = "针对班子成员落实“一岗双责”不到位问题，一个月内制定整改方案";

    private PersonDto townTop;
    private TodoServiceImpl todos;
    private PeopleUsers users;
    private LedgerForTalks ledger;
    private EscalationProposals proposals;

    @Override
    protected TestDatabase.Schema[] schemas() {
        return new TestDatabase.Schema[] {TestDatabase.PLATFORM, TALKS, RECTIFICATION};
    }

    @Before
    public void theLedgerAndTheProposals() {
        townTop = person("赵街道书记", eastTown, p -> p.setTopLeader(true));
        todos = new TodoServiceImpl(platformJpa, clock, security);
        users = new PeopleUsers();
        ledger = new LedgerForTalks(clock, security, audit, attachments, outbox, dictionaries, units, todos, notices,
                users, calendar);
        proposals = new EscalationProposals();
        proposals.jpa = talksJpa;
        proposals.clock = clock;
        proposals.calendar = calendar;
        proposals.units = units;
        proposals.notices = notices;
        proposals.audit = audit;
        proposals.outbox = outbox;
        proposals.messages = messages;
        proposals.configure(config(true, 5));
    }

    @After
    public void closeTheLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    /** The talks' configuration as the configuration admin would hand it over. */
    private static TalksConfig config(boolean propose, int leadDays) {
        return new TalksConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TalksConfig.class;
            }

            @Override
            public boolean proposeAdmonishingTalks() {
                return propose;
            }

            @Override
            public int proposalLeadWorkingDays() {
                return leadDays;
            }
        };
    }

    /** A held talk with the township's top leader, owned by east, with a follow-up required. */
    private TalkDto talkWithFollowUp() {
        as("east-officer", east, eastOfficer);
        TalkDto t = create(draft(TalkKind.REMINDER, east, townTop).reason(TalkReason.FINDING).held(TODAY)
                .conductors(eastOfficer));
        return move(t, requiring(FOLLOW_UP, DEADLINE)).talk();
    }

    // ---------------------------------------------------------------- follow-ups into the ledger

    @Test
    public void withoutTheLedgerAFollowUpCannotBeRaised() {
        TalkDto t = talkWithFollowUp();
        assertFalse(talks.talk(t.id(), ZH).canRaiseFinding());
        ConflictException missing = assertThrows(ConflictException.class, () -> talks.raiseFinding(t.id(),
                new FindingRequest(null)));
        assertEquals(409, missing.getStatus());
        assertEquals("problem.talks.ledgerMissing", missing.getMessageKey());
        assertNull(talks.talk(t.id(), ZH).talk().findingRoute());
        assertEquals(0, count("rc_problem"));
    }

    @Test
    public void withTheLedgerAFollowUpBecomesOneProblemOfTheSubjectsUnit() {
        talks.sinks.add(ledger.sink());
        TalkDto t = talkWithFollowUp();
        assertTrue(talks.talk(t.id(), ZH).canRaiseFinding());

        FindingResult raised = talks.raiseFinding(t.id(), new FindingRequest("HIGH"));
        assertTrue(raised.created());
        assertEquals("rectification/problems/" + raised.recordId(), raised.route());
        ProblemDetailDto problem = ledger.service().problem(raised.recordId(), ZH);
        assertEquals(FOLLOW_UP, problem.problem().description());
        assertEquals("the subject's unit rectifies", eastTown.getId(), problem.problem().unitId());
        assertEquals(townTop.getId(), problem.problem().leaderId());
        assertEquals(Severity.HIGH, problem.problem().severity());
        assertEquals("talks", problem.problem().sourceModule());
        assertEquals(List.of(DEADLINE), problem.measures().stream().map(m -> m.deadline()).collect(Collectors.toList()));

        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals(raised.route(), d.talk().findingRoute());
        assertFalse("raised already", d.canRaiseFinding());
        assertEquals("FINDING", d.timeline().get(d.timeline().size() - 1).action());
        assertTrue(audit.actions().contains("talks.talk.finding"));

        FindingResult again = talks.raiseFinding(t.id(), new FindingRequest("HIGH"));
        assertFalse(again.created());
        assertEquals(raised.recordId(), again.recordId());
        assertEquals(1, count("rc_problem"));
        assertEquals(1, talks.talk(t.id(), ZH).timeline().stream().filter(e -> e.action().equals("FINDING")).count());
    }

    @Test
    public void aTalkWithoutFollowUpOrWithABadSeverityRaisesNothing() {
        talks.sinks.add(ledger.sink());
        as("east-officer", east, eastOfficer);
        TalkDto plain = create(draft(TalkKind.REMINDER, east, townTop).held(TODAY));
        assertFalse(talks.talk(plain.id(), ZH).canRaiseFinding());
        assertEquals("problem.talks.noFollowUp", assertThrows(ConflictException.class, () -> talks.raiseFinding(
                plain.id(), null)).getMessageKey());
        TalkDto t = talkWithFollowUp();
        assertEquals("severity", assertThrows(ValidationException.class, () -> talks.raiseFinding(t.id(),
                new FindingRequest("SEVERE"))).getViolations().get(0).getField());
        assertEquals(0, count("rc_problem"));
        assertNull(talks.talk(t.id(), ZH).talk().findingRoute());
    }

    // ---------------------------------------------------------------- admonishing talks on escalation

    /** The ledger's escalation event, with the payload its EscalationJob sends. */
    private static Event escalated(UUID unit, UUID supervising, UUID leader, String measure) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventKeys.MODULE, "rectification");
        p.put(EventKeys.PROBLEM_ID, UUID.nameUUIDFromBytes(measure.getBytes()).toString());
        p.put(EventKeys.MEASURE_ID, measure);
        p.put(EventKeys.UNIT_ID, unit.toString());
        p.put(EventKeys.DEADLINE, "2026-02-13");
        p.put(EventKeys.DAYS_OVERDUE, "11");
        p.put(EventKeys.ACTOR, "system");
        p.put(EventKeys.EVENT_ID, "7");
        if (leader != null) {
            p.put(EventKeys.LEADER_ID, leader.toString());
        }
        if (supervising != null) {
            p.put(EventKeys.SUPERVISING_UNIT_ID, supervising.toString());
        }
        return new Event(Topics.RECTIFICATION_MEASURE_ESCALATED, p);
    }

    private List<TalkDto> proposed() {
        as("city-officer", city);
        List<TalkDto> list = items(talks.talks(new TalkQuery(null, null, null, null, null, false, null, null, null,
                null, true), page(), ZH));
        security.system();
        return list;
    }

    private static long notices(UUID unit, String module) {
        return TestDatabase.value(Long.class, "select count(*) from pf_notice n join pf_unit u on u.id = n.unit_id"
                + " where u.public_id = ? and n.module_id = ?", unit.toString(), module);
    }

    @Test
    public void anEscalatedMeasureProposesOneAdmonishingTalkWithTheUnitsLeaders() {
        security.system();
        Event event = escalated(east.getId(), city.getId(), eastMember.getId(), UUID.randomUUID().toString());
        proposals.handleEvent(event);

        List<TalkDto> proposed = proposed();
        assertEquals(1, proposed.size());
        TalkDto t = proposed.get(0);
        assertEquals(TalkKind.ADMONISHING, t.kind());
        assertEquals(TalkReason.OVERDUE_RECTIFICATION, t.reason());
        assertEquals(TalkStatus.PLANNED, t.status());
        assertTrue(t.proposed());
        assertEquals("the supervising unit conducts it", city.getId(), t.unitId());
        assertEquals(List.of(new SubjectDto(eastTop.getId(), "张书记", east.getId(), "东城区纪委监委", SubjectRole.TOP_LEADER),
                new SubjectDto(eastMember.getId(), "王副书记", east.getId(), "东城区纪委监委", SubjectRole.LEADERSHIP_MEMBER)),
                t.subjects());
        assertEquals("five working days on", LocalDate.of(2026, 3, 9), t.plannedOn());
        assertEquals(Sensitivity.INTERNAL, t.sensitivity());
        assertEquals("rectification", t.sourceModule());
        assertEquals("rectification/problems/" + event.getProperty(EventKeys.PROBLEM_ID), t.sourceRoute());
        as("city-officer", city);
        TalkDetailDto d = talks.talk(t.id(), ZH);
        assertEquals("PROPOSE", d.timeline().get(0).action());
        assertEquals("整改措施逾期 11 个工作日，建议约谈", d.timeline().get(0).note());
        assertEquals(1, notices(city.getId(), "talks"));
        String title = TestDatabase.value(String.class, "select title_zh from pf_notice where module_id = 'talks'");
        assertTrue(title, title.contains("东城区纪委监委") && title.contains("张书记"));
        assertTrue(audit.actions().contains("talks.talk.propose"));
        assertEquals(List.of(Topics.TALKS_TALK_PLANNED), dispatched());
        assertEquals("system", events.get(0).getProperty(EventKeys.ACTOR));

        security.system();
        proposals.handleEvent(event);
        assertEquals("the same escalation proposes nothing more", 1, proposed().size());
        assertEquals(1, notices(city.getId(), "talks"));

        as("city-officer", city);
        TalkDto held = move(t, holding(TODAY, "约谈，要求压实整改责任")).talk();
        assertFalse("held, no longer a proposal", held.proposed());
    }

    @Test
    public void withoutASupervisingUnitTheParentConductsItAndWithoutLeadersNothingIsProposed() {
        security.system();
        proposals.handleEvent(escalated(eastTown.getId(), null, null, "m-town"));
        List<TalkDto> proposed = proposed();
        assertEquals(1, proposed.size());
        assertEquals(east.getId(), proposed.get(0).unitId());
        assertEquals(List.of(townTop.getId()), proposed.get(0).subjects().stream().map(SubjectDto::personId)
                .collect(Collectors.toList()));
        assertEquals(1, notices(east.getId(), "talks"));

        proposals.handleEvent(escalated(west.getId(), city.getId(), null, "m-west"));
        assertEquals("west has no top leader in the roster", 1, proposed().size());
        assertEquals(0, notices(city.getId(), "talks"));
        assertEquals(1, count("tk_talk"));
    }

    @Test
    public void switchedOffNothingIsProposed() {
        security.system();
        proposals.configure(config(false, 5));
        proposals.handleEvent(escalated(east.getId(), city.getId(), eastMember.getId(), "m-1"));
        assertEquals(0, count("tk_talk"));
        assertEquals(0, notices(city.getId(), "talks"));

        proposals.configure(config(true, 0));
        proposals.handleEvent(escalated(east.getId(), city.getId(), eastMember.getId(), "m-1"));
        assertEquals(List.of(TODAY), proposed().stream().map(TalkDto::plannedOn).collect(Collectors.toList()));
    }

    @Test
    public void theLedgersRealEscalationProposesTheTalkOnce() {
        users.link(eastOfficer.getId());
        JobServiceImpl jobs = new JobServiceImpl(platformJpa, TestDatabase.dataSource(), clock);
        jobs.bindJob(ledger.job());
        as("city-officer", city);
        InspectionDto inspection = ledger.service().createInspection(new InspectionDraft("2026年第一轮巡察",
                InspectionSource.CITY_INSPECTION, city.getId(), List.of(east.getId()), LocalDate.of(2026, 1, 5), null,
                null));
        ProblemDto problem = ledger.service().createProblem(new ProblemDraft(inspection.id(), "民主生活会整改不到位",
                "team", Severity.MEDIUM, east.getId(), eastMember.getId(), List.of(new MeasureDraft(
                        "召开专题民主生活会", eastOfficer.getId(), null, LocalDate.of(2026, 3, 6), false, List.of()))), ZH);
        security.system();

        today(LocalDate.of(2026, 3, 23));
        JobStatusDto status = jobs.runNow(LedgerForTalks.ESCALATION_JOB);
        assertEquals(status.lastMessage(), "SUCCESS", status.lastOutcome());
        outbox.dispatch();
        List<Event> escalations = events.stream().filter(e -> e.getTopic().equals(Topics.RECTIFICATION_MEASURE_ESCALATED))
                .collect(Collectors.toList());
        assertEquals(1, escalations.size());
        escalations.forEach(proposals::handleEvent);

        List<TalkDto> proposed = proposed();
        assertEquals(1, proposed.size());
        TalkDto t = proposed.get(0);
        assertEquals(TalkKind.ADMONISHING, t.kind());
        assertEquals("the inspecting unit conducts it", city.getId(), t.unitId());
        assertEquals(List.of(eastTop.getId(), eastMember.getId()), t.subjects().stream().map(SubjectDto::personId)
                .collect(Collectors.toList()));
        assertEquals("rectification/problems/" + problem.id(), t.sourceRoute());
        assertEquals(1, notices(city.getId(), "talks"));

        jobs.runNow(LedgerForTalks.ESCALATION_JOB);
        outbox.dispatch();
        events.stream().filter(e -> e.getTopic().equals(Topics.RECTIFICATION_MEASURE_ESCALATED))
                .forEach(proposals::handleEvent);
        assertEquals("escalated once, proposed once", 1, events.stream()
                .filter(e -> e.getTopic().equals(Topics.RECTIFICATION_MEASURE_ESCALATED)).count());
        assertEquals(1, proposed().size());
    }
}
