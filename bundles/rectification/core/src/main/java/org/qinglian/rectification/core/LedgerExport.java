package org.qinglian.rectification.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.sheet.RegisterSheet;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.Style;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.api.sheet.XlsxWriter;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.core.entity.InspectionEntity;
import org.qinglian.rectification.core.entity.MeasureEntity;
import org.qinglian.rectification.core.entity.ProblemEntity;
import org.qinglian.rectification.core.entity.ProgressEntity;

/**
 * Writes the ledger in the layout offices keep: a merged title row, the inspection and export
 * date, the header 序号 … 备注, one row per measure with the problem's cells merged down over its
 * measures, Chinese dates, overdue rows highlighted.
 */
final class LedgerExport {

    private LedgerExport() {
    }

    static void write(EntityManager em, RectificationServiceImpl service, ProblemQuery query, Locale locale,
            OutputStream out) {
        Messages m = service.messages;
        List<ProblemEntity> problems = service.filtered(em, query).all(em, "p.id");
        List<MeasureEntity> allMeasures = new ArrayList<>();
        for (List<ProblemEntity> chunk : chunks(problems)) {
            allMeasures.addAll(em.createQuery("select m from MeasureEntity m where m.problem in :problems"
                    + " and m.deletedAt is null order by m.problem.id, m.position, m.id", MeasureEntity.class)
                    .setParameter("problems", chunk).getResultList());
        }
        Map<Long, List<MeasureEntity>> measures = allMeasures.stream()
                .collect(Collectors.groupingBy(x -> x.getProblem().getId()));
        Map<Long, String> latestProgress = new HashMap<>();
        for (List<MeasureEntity> chunk : chunks(allMeasures)) {
            em.createQuery("select r from ProgressEntity r where r.measure in :measures and r.deletedAt is null"
                    + " order by r.createdAt, r.id", ProgressEntity.class).setParameter("measures", chunk)
                    .getResultList().forEach(r -> latestProgress.put(r.getMeasure().getId(), r.getText()));
        }
        Map<String, String> units = Roster.units(em, problems.stream().map(ProblemEntity::getUnitId)
                .collect(Collectors.toSet()));
        Map<String, String> leaders = Roster.people(em, problems.stream().map(ProblemEntity::getLeaderId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, String> categories = service.categoryLabels(locale);
        Style border = RegisterSheet.BORDER;
        Style centered = RegisterSheet.CENTERED;
        Style date = RegisterSheet.dates(centered, locale);
        Style overdue = border.withFill(LedgerLayout.OVERDUE_FILL);
        Style overdueCentered = centered.withFill(LedgerLayout.OVERDUE_FILL);
        Style overdueDate = date.withFill(LedgerLayout.OVERDUE_FILL);

        InspectionEntity inspection = query.inspectionId() == null ? null
                : org.qinglian.platform.api.persistence.Records.find(em, InspectionEntity.class, query.inspectionId());
        List<String> headers = LedgerLayout.COLUMNS.stream().map(c -> m.get(locale, "rectification.sheet.header." + c))
                .collect(Collectors.toList());
        Sheet sheet = RegisterSheet.start(m.get(locale, "rectification.sheet.name"),
                m.get(locale, "rectification.sheet.title", title(em, service, query)),
                m.get(locale, "rectification.sheet.subtitle", inspection == null
                        ? m.get(locale, "rectification.sheet.allInspections") : inspection.getTitle(),
                        RegisterSheet.text(service.clock.today(), locale)), headers, LedgerLayout.WIDTHS);

        java.time.LocalDate now = service.clock.today();
        int row = LedgerLayout.FIRST_DATA_ROW;
        int number = 0;
        for (ProblemEntity p : problems) {
            number++;
            List<MeasureEntity> ms = measures.getOrDefault(p.getId(), List.of());
            int first = row;
            boolean problemOverdue = RectificationServiceImpl.overdue(p, now);
            Style ps = problemOverdue ? overdue : border;
            Style pc = problemOverdue ? overdueCentered : centered;
            sheet.cell(row, LedgerLayout.NUMBER, (long) number, pc);
            sheet.cell(row, LedgerLayout.CATEGORY, categories.getOrDefault(p.getCategory(), p.getCategory()), pc);
            sheet.cell(row, LedgerLayout.DESCRIPTION, p.getDescription(), ps);
            sheet.cell(row, LedgerLayout.UNIT, units.get(p.getUnitId()), pc);
            sheet.cell(row, LedgerLayout.LEADER, leaders.get(p.getLeaderId()), pc);
            sheet.cell(row, LedgerLayout.STATUS, m.get(locale, "rectification.status." + p.getStatus()), pc);
            if (ms.isEmpty()) {
                for (int c : List.of(LedgerLayout.MEASURE, LedgerLayout.OWNER, LedgerLayout.DEADLINE,
                        LedgerLayout.PROGRESS, LedgerLayout.REMARK)) {
                    sheet.cell(row, c, null, ps);
                }
                row++;
                continue;
            }
            for (MeasureEntity measure : ms) {
                boolean late = RectificationServiceImpl.measureOverdue(measure, now);
                Style s = late ? overdue : border;
                Style sc = late ? overdueCentered : centered;
                sheet.cell(row, LedgerLayout.MEASURE, measure.getContent(), s);
                sheet.cell(row, LedgerLayout.OWNER, measure.getOwnerName(), sc);
                if (measure.isLongTerm() && measure.getDeadline() == null) {
                    sheet.cell(row, LedgerLayout.DEADLINE, m.get(locale, "rectification.sheet.longTerm"), sc);
                } else {
                    sheet.cell(row, LedgerLayout.DEADLINE, measure.getDeadline(), late ? overdueDate : date);
                }
                String progress = latestProgress.get(measure.getId());
                sheet.cell(row, LedgerLayout.PROGRESS, progress != null ? progress
                        : measure.isDone() ? m.get(locale, "rectification.sheet.done") : null, s);
                sheet.cell(row, LedgerLayout.REMARK, late ? m.get(locale, "rectification.sheet.overdue")
                        : measure.isLongTerm() ? m.get(locale, "rectification.sheet.longTerm") : null, sc);
                if (row > first) {
                    for (int c : LedgerLayout.PROBLEM_COLUMNS) {
                        sheet.cell(row, c, null, c == LedgerLayout.DESCRIPTION ? ps : pc);
                    }
                }
                row++;
            }
            if (row - 1 > first) {
                for (int c : LedgerLayout.PROBLEM_COLUMNS) {
                    sheet.merge(first, c, row - 1, c);
                }
            }
        }
        try {
            XlsxWriter.write(new Workbook().add(sheet), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A long list in slices a database takes as an IN list. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1000) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
        }
        return chunks;
    }

    /** The unit the ledger is of: the query's unit, else the inspection's, else the caller's. */
    private static String title(EntityManager em, RectificationServiceImpl service, ProblemQuery query) {
        UUID unit = query.unitId();
        if (unit == null && query.inspectionId() != null) {
            InspectionEntity i = org.qinglian.platform.api.persistence.Records.find(em, InspectionEntity.class,
                    query.inspectionId());
            unit = i == null ? null : UUID.fromString(i.getUnitId());
        }
        if (unit == null) {
            unit = service.security.caller().map(c -> c.getUnitId()).orElse(null);
        }
        return unit == null ? "" : Roster.units(em, List.of(unit.toString())).getOrDefault(unit.toString(), "");
    }
}
