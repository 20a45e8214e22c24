package org.qinglian.rectification.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.sheet.Range;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.api.sheet.XlsxReader;
import org.qinglian.platform.api.sheet.XlsxWriter;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.rectification.api.ImportResult;
import org.qinglian.rectification.api.InspectionDraft;
import org.qinglian.rectification.api.InspectionDto;
import org.qinglian.rectification.api.InspectionSource;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.MeasureDto;
import org.qinglian.rectification.api.ProblemDetailDto;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.api.Severity;

/** The ledger spreadsheet: its layout (a golden rendering), export then import, and refused files. */
public class LedgerSheetTest extends LedgerTestCase {

    private InspectionDto inspection;
    private InspectionDto second;

    @Before
    public void ledgerOfTwoProblems() {
        as("city-officer", city);
        inspection = ledger.createInspection(new InspectionDraft("2026年市委第一轮巡察", InspectionSource.CITY_INSPECTION,
                city.getId(), List.of(east.getId(), eastTown.getId()), LocalDate.of(2026, 1, 5), null, "第一巡察组"));
        second = ledger.createInspection(new InspectionDraft("2026年作风督查", InspectionSource.WORK_STYLE, city.getId(),
                List.of(east.getId()), LocalDate.of(2026, 2, 1), null, null));
        ledger.createProblem(new ProblemDraft(inspection.id(), "“第一议题”制度落实不到位，学习研讨流于形式", "political",
                Severity.HIGH, east.getId(), eastLeader.getId(), List.of(
                        new MeasureDraft("制定专项整改方案", eastOfficer.getId(), null, LocalDate.of(2026, 2, 27), false,
                                List.of()),
                        new MeasureDraft("建立长效机制，定期开展“回头看”", null, "王主任", null, true, List.of()))), ZH);
        ledger.createProblem(new ProblemDraft(inspection.id(), "公务接待清单填写不完整", "organ", Severity.LOW,
                eastTown.getId(), null, List.of(new MeasureDraft("规范公务接待审批", null, "赵科长",
                        LocalDate.of(2026, 3, 31), false, List.of()))), ZH);
    }

    private byte[] export(ProblemQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.exportLedger(query, ZH, out);
        return out.toByteArray();
    }

    private static Sheet read(byte[] xlsx) throws IOException {
        return XlsxReader.read(new ByteArrayInputStream(xlsx)).sheets().get(0);
    }

    /** Every cell with its value, fill and merge, row by row, as text for the golden comparison. */
    static String render(Sheet sheet) {
        StringBuilder b = new StringBuilder("merges " + sheet.merges().stream().map(Range::ref)
                .collect(Collectors.joining(" ")) + "\n");
        for (int r = 0; r <= sheet.lastRow(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c <= sheet.lastColumn(); c++) {
                Object v = sheet.value(r, c);
                String fill = sheet.style(r, c) == null ? null : sheet.style(r, c).fill();
                cells.add((v == null ? "" : v.getClass().getSimpleName() + ":" + v) + (fill == null ? "" : "#" + fill));
            }
            b.append(r + 1).append(" | ").append(String.join(" | ", cells)).append('\n');
        }
        return b.toString();
    }

    @Test
    public void theExportHasTheLayoutOfficesKeep() throws IOException {
        byte[] xlsx = export(new ProblemQuery(null, false, inspection.id(), null, null, null, null));
        String actual = render(read(xlsx)).replace(clock.today().toString(), "TODAY")
                .replace("2026年3月2日", "TODAY");
        Path golden = Path.of("src/test/resources/ledger-golden.txt");
        Files.writeString(Path.of("target/ledger-actual.txt"), actual, StandardCharsets.UTF_8);
        assertEquals("the layout differs from " + golden + " (see target/ledger-actual.txt)",
                Files.readString(golden, StandardCharsets.UTF_8), actual);
        assertTrue("the same ledger gives the same file", java.util.Arrays.equals(xlsx, export(
                new ProblemQuery(null, false, inspection.id(), null, null, null, null))));
    }

    @Test
    public void anExportedLedgerImportsAsTheSameProblems() {
        byte[] xlsx = export(new ProblemQuery(null, false, inspection.id(), null, null, null, null));
        ImportResult result = ledger.importLedger(second.id(), new ByteArrayInputStream(xlsx), ZH);
        assertEquals(2, result.problems());
        assertEquals(3, result.measures());
        assertEquals(comparable(inspection), comparable(second));
    }

    /** What the ledger file carries of an inspection's problems. */
    private List<String> comparable(InspectionDto of) {
        List<String> lines = new ArrayList<>();
        for (ProblemDto p : ledger.problems(new ProblemQuery(null, false, of.id(), null, null, null, null), page(), ZH)
                .getItems()) {
            ProblemDetailDto d = ledger.problem(p.id(), ZH);
            lines.add(p.description() + "|" + p.category() + "|" + p.unitId() + "|" + p.leaderId());
            for (MeasureDto m : d.measures()) {
                lines.add("  " + m.content() + "|" + m.ownerId() + "|" + m.ownerName() + "|" + m.deadline() + "|"
                        + m.longTerm());
            }
        }
        return lines;
    }

    @Test
    public void badRowsAreNamedAndNothingIsWritten() throws IOException {
        Sheet sheet = read(export(new ProblemQuery(null, false, inspection.id(), null, null, null, null)));
        Sheet edited = new Sheet("整改台账");
        for (int r = 0; r <= sheet.lastRow(); r++) {
            for (int c = 0; c <= sheet.lastColumn(); c++) {
                edited.cell(r, c, sheet.value(r, c));
            }
        }
        edited.cell(3, LedgerLayout.CATEGORY, "组织建设");
        edited.cell(4, LedgerLayout.DEADLINE, "明年");
        edited.cell(5, LedgerLayout.UNIT, "南城区纪委监委");
        edited.cell(6, LedgerLayout.NUMBER, 3L).cell(6, LedgerLayout.MEASURE, "无问题描述的措施");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.write(new Workbook().add(edited), out);
        long before = (Long) TestDatabase.value("select count(*) from rc_problem");
        ValidationException e = assertThrows(ValidationException.class, () -> ledger.importLedger(second.id(),
                new ByteArrayInputStream(out.toByteArray()), ZH));
        assertEquals(Set.of("rows[4].category", "rows[5].deadline", "rows[6].unit", "rows[7].description",
                "rows[7].category", "rows[7].unit", "rows[7].deadline"), e.getViolations().stream().map(FieldViolation::getField)
                .collect(Collectors.toSet()));
        assertEquals(before, (long) (Long) TestDatabase.value("select count(*) from rc_problem"));
        ValidationException notXlsx = assertThrows(ValidationException.class, () -> ledger.importLedger(second.id(),
                new ByteArrayInputStream("序号,问题".getBytes(StandardCharsets.UTF_8)), ZH));
        assertEquals("file", notXlsx.getViolations().get(0).getField());
    }
}
