package org.qinglian.rectification.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Test;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.sheet.XlsxReader;
import org.qinglian.platform.api.spi.FindingSink;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.rectification.api.Action;
import org.qinglian.rectification.api.InspectionDraft;
import org.qinglian.rectification.api.InspectionDto;
import org.qinglian.rectification.api.InspectionSource;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDetailDto;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.ProgressDraft;
import org.qinglian.rectification.api.ProgressDto;
import org.qinglian.rectification.api.Severity;
import org.qinglian.rectification.api.StatisticsDto;
import org.qinglian.rectification.api.TransitionRequest;

/** The ledger's service on PostgreSQL: scope, the workflow with its conditions, evidence, events. */
public class LedgerServiceTest extends LedgerTestCase {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    @Test
    public void aSiblingUnitCannotSeeCountOrExportAnotherUnitsProblems() throws Exception {
        as("east-officer", east);
        ProblemDto mine = problem(east, "东城区问题", DUE);
        as("west-officer", west);
        problem(west, "西城区问题", DUE);

        assertEquals(List.of("西城区问题"), items(ledger.problems(ProblemQuery.all(), page(), ZH)).stream()
                .map(ProblemDto::description).collect(Collectors.toList()));
        assertThrows(NotFoundException.class, () -> ledger.problem(mine.id(), ZH));
        assertThrows(NotFoundException.class, () -> ledger.transition(mine.id(), mine.version(),
                new TransitionRequest(Action.START, null), ZH));
        assertThrows(NotFoundException.class, () -> ledger.report(mine.id(), new ProgressDraft("x", null, false)));
        assertEquals(0, ledger.problems(new ProblemQuery(east.getId(), true, null, null, null, null, null), page(), ZH)
                .getTotal());
        StatisticsDto figures = ledger.statistics(ProblemQuery.all(), ZH);
        assertEquals(1, figures.total());
        assertEquals(List.of(west.getId()), figures.byUnit().stream().map(StatisticsDto.UnitFigures::unitId)
                .collect(Collectors.toList()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.exportLedger(new ProblemQuery(east.getId(), false, null, null, null, null, null), ZH, out);
        String cells = XlsxReader.read(new java.io.ByteArrayInputStream(out.toByteArray())).sheets().get(0).text();
        assertFalse(cells, cells.contains("东城区问题"));

        as("city-officer", city);
        assertEquals(2, ledger.problems(ProblemQuery.all(), page(), ZH).getTotal());
        assertEquals(1, ledger.problems(new ProblemQuery(east.getId(), true, null, null, null, null, null), page(), ZH)
                .getTotal());
        ByteArrayOutputStream supervised = new ByteArrayOutputStream();
        ledger.exportLedger(new ProblemQuery(east.getId(), false, null, null, null, null, null), ZH, supervised);
        assertTrue("the same export shows it to the supervising unit", XlsxReader.read(
                new java.io.ByteArrayInputStream(supervised.toByteArray())).sheets().get(0).text().contains("东城区问题"));
    }

    @Test
    public void aProblemGoesFromRegisteredToClosedWithEvidenceAndTheSupervisingUnitsNote() {
        as("east-officer", east);
        ProblemDto p = problem(east, "“第一议题”制度落实不到位", DUE);
        assertEquals(ProblemStatus.REGISTERED, p.status());
        ProblemDetailDto d = ledger.problem(p.id(), ZH);
        assertEquals(EnumSet.of(Action.START), d.allowedActions());

        d = ledger.transition(p.id(), p.version(), new TransitionRequest(Action.START, null), ZH);
        assertEquals(ProblemStatus.IN_PROGRESS, d.problem().status());
        long version = d.problem().version();
        ConflictException open = assertThrows(ConflictException.class, () -> ledger.transition(p.id(), version,
                new TransitionRequest(Action.REQUEST_CLOSURE, null), ZH));
        assertEquals("problem.rectification.measuresOpen", open.getMessageKey());

        ProgressDto report = ledger.report(p.id(), new ProgressDraft("整改方案已印发", d.measures().get(0).id(), true));
        ProblemDetailDto done = ledger.problem(p.id(), ZH);
        assertTrue(done.measures().get(0).done());
        ConflictException noEvidence = assertThrows(ConflictException.class, () -> ledger.transition(p.id(),
                done.problem().version(), new TransitionRequest(Action.REQUEST_CLOSURE, null), ZH));
        assertEquals("problem.rectification.evidenceRequired", noEvidence.getMessageKey());

        AttachmentDto evidence = ledger.attach(report.id(), "整改方案.pdf", PDF);
        assertEquals("application/pdf", evidence.contentType());
        assertEquals(64, evidence.sha256().length());
        d = ledger.transition(p.id(), done.problem().version(), new TransitionRequest(Action.REQUEST_CLOSURE, null), ZH);
        assertEquals(ProblemStatus.CLOSURE_REQUESTED, d.problem().status());
        assertFalse("the responsible unit cannot close its own problem", d.allowedActions().contains(Action.CLOSE));
        long requested = d.problem().version();
        ProblemException notSupervising = assertThrows(ProblemException.class, () -> ledger.transition(p.id(),
                requested, new TransitionRequest(Action.CLOSE, "自己销号"), ZH));
        assertEquals(403, notSupervising.getStatus());
        assertEquals("problem.rectification.supervisingUnitOnly", notSupervising.getMessageKey());

        as("city-officer", city);
        d = ledger.problem(p.id(), ZH);
        assertEquals(EnumSet.of(Action.CLOSE, Action.REJECT, Action.LONG_TERM), d.allowedActions());
        ValidationException noNote = assertThrows(ValidationException.class, () -> ledger.transition(p.id(), requested,
                new TransitionRequest(Action.CLOSE, " "), ZH));
        assertEquals("note", noNote.getViolations().get(0).getField());
        d = ledger.transition(p.id(), requested, new TransitionRequest(Action.CLOSE, "经核查整改到位，同意销号"), ZH);
        assertEquals(ProblemStatus.CLOSED, d.problem().status());
        assertNotNull(d.problem().closedAt());
        assertEquals(List.of("REGISTER", "START", "PROGRESS", "REQUEST_CLOSURE", "CLOSE"), d.timeline().stream()
                .map(t -> t.action()).collect(Collectors.toList()));
        assertEquals("city-officer", d.timeline().get(4).actor());
        assertEquals("经核查整改到位，同意销号", d.timeline().get(4).note());
        assertTrue(audit.inTransaction.stream().anyMatch(e -> e.getAction().equals("rectification.problem.close")
                && e.getRecordId().equals(p.id().toString()) && e.getDetail().contains("CLOSURE_REQUESTED->CLOSED")));

        // 回头看: the problem came back
        long closed = d.problem().version();
        assertThrows(ProblemException.class, () -> ledger.report(p.id(), new ProgressDraft("x", null, false)));
        d = ledger.transition(p.id(), closed, new TransitionRequest(Action.REOPEN, "回头看发现问题反弹"), ZH);
        assertEquals(ProblemStatus.IN_PROGRESS, d.problem().status());

        outbox.dispatch();
        List<String> topics = events.stream().map(e -> e.getTopic()).collect(Collectors.toList());
        assertTrue(topics.toString(), topics.containsAll(List.of(Topics.RECTIFICATION_PROBLEM_REGISTERED,
                Topics.RECTIFICATION_PROBLEM_TRANSITION, Topics.RECTIFICATION_PROBLEM_CLOSED,
                Topics.RECTIFICATION_PROBLEM_REOPENED)));
        assertEquals(p.id().toString(), events.get(events.size() - 1).getProperty(EventKeys.PROBLEM_ID));
        assertEquals(0, outbox.dispatch());
    }

    @Test
    public void staleVersionsAndIllegalMovesLeaveTheProblemAsItWas() {
        as("east-officer", east);
        ProblemDto p = problem(east, "问题", DUE);
        assertThrows(ProblemException.class, () -> ledger.transition(p.id(), p.version() + 1,
                new TransitionRequest(Action.START, null), ZH));
        ConflictException illegal = assertThrows(ConflictException.class, () -> ledger.transition(p.id(), p.version(),
                new TransitionRequest(Action.REOPEN, "理由"), ZH));
        assertEquals("problem.rectification.illegalTransition", illegal.getMessageKey());
        ProblemDetailDto d = ledger.problem(p.id(), ZH);
        assertEquals(ProblemStatus.REGISTERED, d.problem().status());
        assertEquals(p.version(), d.problem().version());
        assertEquals(1, d.timeline().size());
    }

    @Test
    public void badInputNamesTheFieldAndWritesNothing() {
        as("east-officer", east);
        ValidationException e = assertThrows(ValidationException.class, () -> ledger.createProblem(new ProblemDraft(null,
                " ", "no-such-area", null, west.getId(), null, List.of(new MeasureDraft("措施", null, null, null, false,
                        List.of()))), ZH));
        assertEquals(Set.of("description", "category", "severity", "measures[0].deadline"), e.getViolations().stream()
                .map(FieldViolation::getField).collect(Collectors.toSet()));
        ValidationException outOfScope = assertThrows(ValidationException.class, () -> ledger.createProblem(
                new ProblemDraft(null, "问题", "team", Severity.LOW, west.getId(), null, List.of()), ZH));
        assertEquals("unitId", outOfScope.getViolations().get(0).getField());
        assertEquals(0L, (long) TestDatabase.value(Long.class, "select count(*) from rc_problem"));
        assertEquals(0L, (long) TestDatabase.value(Long.class, "select count(*) from rc_measure"));
    }

    @Test
    public void overdueIsDerivedFromTheOpenMeasuresDeadlines() {
        as("east-officer", east);
        ProblemDto late = problem(east, "已逾期", LocalDate.of(2026, 3, 1));
        problem(east, "未到期", LocalDate.of(2026, 3, 3));
        assertEquals(List.of(late.id()), items(ledger.problems(new ProblemQuery(null, false, null, null, true, null,
                null), page(), ZH)).stream().map(ProblemDto::id).collect(Collectors.toList()));
        assertTrue(ledger.problem(late.id(), ZH).measures().get(0).overdue());
        assertEquals(1, ledger.statistics(ProblemQuery.all(), ZH).overdue());
        ProblemDetailDto d = ledger.problem(late.id(), ZH);
        ledger.report(late.id(), new ProgressDraft("完成", d.measures().get(0).id(), true));
        assertEquals(0, ledger.problems(new ProblemQuery(null, false, null, null, true, null, null), page(), ZH)
                .getTotal());
    }

    @Test
    public void anAttachmentIsStreamedOnlyToWhoMayReadItsProblem() {
        attachments.bindAccess(new RectificationAttachmentAccess(ledger));
        as("east-officer", east);
        ProblemDto p = problem(east, "问题", DUE);
        ProgressDto report = ledger.report(p.id(), new ProgressDraft("进展", null, false));
        AttachmentDto file = ledger.attach(report.id(), "证明.pdf", PDF);
        assertArrayEquals(PDF, attachments.open(file.id()).content());
        as("city-leader", city);
        assertArrayEquals(PDF, attachments.open(file.id()).content());
        as("west-officer", west);
        assertThrows(NotFoundException.class, () -> attachments.open(file.id()));
        ValidationException refused = assertThrows(ValidationException.class, () -> {
            as("east-officer", east);
            ledger.attach(report.id(), "script.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("file", refused.getViolations().get(0).getField());
        assertEquals(1L, (long) TestDatabase.value(Long.class, "select count(*) from pf_attachment"));
    }

    @Test
    public void aFindingOfAnotherModuleIsRegisteredOnce() {
        RectificationFindingSink sink = new RectificationFindingSink(ledger);
        security.system();
        FindingSink.Finding finding = new FindingSink.Finding("talks", "talk-42", east.getId(), "谈话中发现的问题",
                null, "HIGH", eastLeader.getId(), LocalDate.of(2026, 6, 30));
        FindingSink.Receipt first = sink.raise(finding);
        FindingSink.Receipt again = sink.raise(finding);
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.recordId(), again.recordId());
        as("east-officer", east);
        ProblemDetailDto d = ledger.problem(first.recordId(), ZH);
        assertEquals("talks", d.problem().sourceModule());
        assertEquals(CategoryDictionary.DEFAULT_CATEGORY, d.problem().category());
        assertEquals(LocalDate.of(2026, 6, 30), d.measures().get(0).deadline());
        ValidationException bad = assertThrows(ValidationException.class, () -> sink.raise(new FindingSink.Finding(
                "talks", "talk-43", east.getId(), "问题", null, "SEVERE", null, null)));
        assertEquals("severity", bad.getViolations().get(0).getField());
    }

    @Test
    public void inspectionsAreSeenByTheInspectingAndTheInspectedUnits() {
        as("city-officer", city);
        InspectionDto i = ledger.createInspection(new InspectionDraft("2026年第一轮巡察", InspectionSource.CITY_INSPECTION,
                city.getId(), List.of(east.getId()), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 5), "第一巡察组"));
        as("east-officer", east);
        assertEquals(List.of(i.id()), items(ledger.inspections(null, page())).stream().map(InspectionDto::id)
                .collect(Collectors.toList()));
        as("west-officer", west);
        assertEquals(0, ledger.inspections(null, page()).getTotal());
        assertThrows(NotFoundException.class, () -> ledger.inspection(i.id()));
        as("city-officer", city);
        ValidationException dates = assertThrows(ValidationException.class, () -> ledger.createInspection(
                new InspectionDraft("x", InspectionSource.AUDIT, city.getId(), List.of(), LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 1, 1), null)));
        assertEquals(Set.of("endDate", "inspectedUnitIds"), dates.getViolations().stream().map(FieldViolation::getField)
                .collect(Collectors.toSet()));
        UUID unused = UUID.randomUUID();
        assertNotNull(unused);
    }
}
