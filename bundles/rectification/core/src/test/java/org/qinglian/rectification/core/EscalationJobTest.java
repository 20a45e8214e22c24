package org.qinglian.rectification.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.calendar.CalendarDayDto;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.job.JobStatusDto;
import org.qinglian.platform.core.job.JobServiceImpl;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.rectification.api.InspectionDraft;
import org.qinglian.rectification.api.InspectionDto;
import org.qinglian.rectification.api.InspectionSource;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.Severity;

/**
 * The escalation job under the platform's real job service, with a controlled clock and the
 * working-day calendar: yellow before the deadline, red at it, the supervising unit told after the
 * limit; each posted once however often the job runs.
 */
public class EscalationJobTest extends LedgerTestCase {

    /** Friday 2026-03-06. */
    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 6);

    private JobServiceImpl jobs;
    private UUID ownerUser;
    private UUID leaderUser;
    private ProblemDto problem;

    @Before
    public void jobAndProblem() {
        EscalationJob job = new EscalationJob();
        job.jpa = ledgerJpa;
        job.clock = clock;
        job.calendar = calendar;
        job.todos = todos;
        job.notices = notices;
        job.users = users;
        job.outbox = outbox;
        job.messages = messages;
        jobs = new JobServiceImpl(platformJpa, TestDatabase.dataSource(), clock);
        jobs.bindJob(job);
        ownerUser = users.link(eastOfficer.getId());
        leaderUser = users.link(eastLeader.getId());

        as("city-officer", city);
        InspectionDto inspection = ledger.createInspection(new InspectionDraft("2026年第一轮巡察",
                InspectionSource.CITY_INSPECTION, city.getId(), List.of(east.getId()), LocalDate.of(2026, 1, 5), null,
                null));
        problem = ledger.createProblem(new ProblemDraft(inspection.id(), "谈心谈话开展不经常", "team", Severity.MEDIUM,
                east.getId(), eastLeader.getId(), List.of(new MeasureDraft("每季度开展一次谈心谈话", eastOfficer.getId(),
                        null, DEADLINE, false, List.of()))), ZH);
        security.system();
        outbox.dispatch();
        events.clear();
    }

    private JobStatusDto run() {
        JobStatusDto status = jobs.runNow(EscalationJob.NAME);
        assertEquals(status.lastMessage(), "SUCCESS", status.lastOutcome());
        outbox.dispatch();
        return status;
    }

    private static List<String> todos(UUID assignee) {
        return TestDatabase.column("select level from pf_todo where assignee = ? and done_at is null",
                assignee.toString()).stream().map(String::valueOf).collect(Collectors.toList());
    }

    private static long notices(UUID unit) {
        return (Long) TestDatabase.value("select count(*) from pf_notice n join pf_unit u on u.id = n.unit_id"
                + " where u.public_id = ?", unit.toString());
    }

    private List<String> topics() {
        return events.stream().map(e -> e.getTopic()).collect(Collectors.toList());
    }

    @Test
    public void theOwnerIsRemindedBeforeTheDeadlineOnceHoweverOftenTheJobRuns() {
        run();
        run();
        assertEquals(List.of("WARNING"), todos(ownerUser));
        assertEquals(List.of(), todos(leaderUser));
        assertEquals(List.of(Topics.RECTIFICATION_MEASURE_DUE_SOON), topics());
        assertEquals(problem.id().toString(), events.get(0).getProperty(EventKeys.PROBLEM_ID));
        assertEquals(DEADLINE.toString(), events.get(0).getProperty(EventKeys.DEADLINE));
    }

    @Test
    public void atTheDeadlineTheOwnerTheLeaderInChargeAndTheUnitAreToldInRed() {
        run();
        clock.set(DEADLINE.atTime(10, 0).atZone(clock.businessZone()).toInstant());
        run();
        run();
        assertEquals("the reminder became red", List.of("DANGER"), todos(ownerUser));
        assertEquals(List.of("DANGER"), todos(leaderUser));
        assertEquals(1, notices(east.getId()));
        assertEquals(0, notices(city.getId()));
        assertEquals(List.of(Topics.RECTIFICATION_MEASURE_DUE_SOON, Topics.RECTIFICATION_MEASURE_OVERDUE), topics());
        String title = (String) TestDatabase.value("select title_zh from pf_todo where assignee = ?", ownerUser.toString());
        assertTrue(title, title.contains("已逾期") && title.contains("2026-03-06"));
    }

    @Test
    public void theSupervisingUnitIsToldTenWorkingDaysLateCountedByTheCalendar() {
        calendar.set(new CalendarDayDto(LocalDate.of(2026, 3, 12), false, "调休"));
        // 2026-03-20 is nine working days after the deadline once the 12th is a holiday
        clock.set(LocalDate.of(2026, 3, 20).atTime(9, 0).atZone(clock.businessZone()).toInstant());
        run();
        assertEquals(0, notices(city.getId()));
        clock.advance(Duration.ofDays(3));
        run();
        run();
        assertEquals(1, notices(city.getId()));
        assertEquals(List.of(Topics.RECTIFICATION_MEASURE_OVERDUE, Topics.RECTIFICATION_MEASURE_ESCALATED), topics());
        assertEquals("10", events.get(1).getProperty(EventKeys.DAYS_OVERDUE));
        assertEquals("overdue and escalated, each once", 2L, (long) TestDatabase.value(Long.class, "select count(*) from pf_job_key"));
    }

    @Test
    public void aMeasureDoneInTimeClosesItsToDosAndIsNotEscalated() {
        run();
        as("east-officer", east);
        ledger.report(problem.id(), new org.qinglian.rectification.api.ProgressDraft("已开展",
                ledger.problem(problem.id(), ZH).measures().get(0).id(), true));
        security.system();
        assertEquals(List.of(), todos(ownerUser));
        clock.set(DEADLINE.plusDays(30).atStartOfDay(clock.businessZone()).toInstant());
        run();
        assertEquals(List.of(), todos(ownerUser));
        assertEquals(0, notices(city.getId()) + notices(east.getId()));
    }
}
