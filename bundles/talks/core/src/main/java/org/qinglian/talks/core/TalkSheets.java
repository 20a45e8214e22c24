package org.qinglian.talks.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.sheet.RegisterSheet;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.Style;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.api.sheet.XlsxWriter;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoveragePersonDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.core.entity.TalkEntity;

/**
 * The talks' spreadsheets, in the register layout offices keep: the talk register (谈话台账: one
 * row per talk, without what was said) and the coverage of political talks (全覆盖: every leader
 * with whether and when, and the figures by unit).
 */
final class TalkSheets {

    static final List<String> REGISTER = List.of("number", "kind", "subjects", "role", "subjectUnit", "reason", "date",
            "place", "conductors", "recorder", "status", "followUp", "followUpDeadline", "sensitivity");
    static final double[] REGISTER_WIDTHS = {6, 12, 16, 12, 20, 12, 14, 14, 14, 10, 12, 30, 14, 8};
    static final List<String> COVERAGE = List.of("number", "unit", "name", "role", "covered", "date");
    static final double[] COVERAGE_WIDTHS = {6, 30, 12, 12, 10, 16};
    static final List<String> COVERAGE_UNITS = List.of("number", "unit", "total", "covered", "missing", "rate");
    static final double[] COVERAGE_UNIT_WIDTHS = {6, 30, 10, 10, 10, 10};

    private TalkSheets() {
    }

    static void register(EntityManager em, TalkServiceImpl service, TalkQuery query, List<TalkEntity> talks,
            Locale locale, OutputStream out) {
        Messages m = service.messages;
        Style border = RegisterSheet.BORDER;
        Style centered = RegisterSheet.CENTERED;
        Style date = RegisterSheet.dates(centered, locale);
        Style alert = centered.withFill(RegisterSheet.ALERT_FILL);
        Style alertDate = date.withFill(RegisterSheet.ALERT_FILL);
        Sheet sheet = RegisterSheet.start(m.get(locale, "talks.sheet.name"),
                m.get(locale, "talks.sheet.title", unitName(em, service, query.unitId())),
                m.get(locale, "talks.sheet.subtitle", query.year() == null ? m.get(locale, "talks.sheet.allYears")
                        : String.valueOf(query.year()), RegisterSheet.text(service.clock.today(), locale)),
                headers(m, locale, "talks.sheet.header.", REGISTER), REGISTER_WIDTHS);
        int row = RegisterSheet.FIRST_DATA_ROW;
        int number = 0;
        for (List<TalkEntity> chunk : chunks(talks)) {
            List<TalkDto> dtos = service.dtos(em, chunk);
            for (int i = 0; i < dtos.size(); i++) {
                TalkDto t = dtos.get(i);
                TalkEntity e = chunk.get(i);
                sheet.cell(row, 0, (long) ++number, centered);
                sheet.cell(row, 1, m.get(locale, "talks.kind." + t.kind()), centered);
                sheet.cell(row, 2, t.subjectNames(), centered);
                sheet.cell(row, 3, t.subjects().stream().map(s -> m.get(locale, "talks.role." + s.role()))
                        .distinct().collect(Collectors.joining("、")), centered);
                sheet.cell(row, 4, t.subjects().stream().map(s -> s.unitName()).distinct()
                        .collect(Collectors.joining("、")), border);
                sheet.cell(row, 5, m.get(locale, "talks.reason." + t.reason()), centered);
                sheet.cell(row, 6, t.heldOn() != null ? t.heldOn() : t.plannedOn(), date);
                sheet.cell(row, 7, t.place(), border);
                sheet.cell(row, 8, t.conductors().stream().map(c -> c.name()).collect(Collectors.joining("、")), centered);
                sheet.cell(row, 9, t.recorder() == null ? null : t.recorder().name(), centered);
                sheet.cell(row, 10, m.get(locale, "talks.status." + t.status()), centered);
                sheet.cell(row, 11, e.getFollowUp(), border);
                sheet.cell(row, 12, t.followUpDeadline(), t.followUpOverdue() ? alertDate : date);
                sheet.cell(row, 13, m.get(locale, "talks.sensitivity." + t.sensitivity()),
                        t.followUpOverdue() ? alert : centered);
                row++;
            }
        }
        write(new Workbook().add(sheet), out);
    }

    static void coverage(EntityManager em, TalkServiceImpl service, CoverageQuery query, Coverage coverage,
            Locale locale, OutputStream out) {
        Messages m = service.messages;
        Style centered = RegisterSheet.CENTERED;
        Style date = RegisterSheet.dates(centered, locale);
        Style missing = centered.withFill(RegisterSheet.ALERT_FILL);
        String unit = unitName(em, service, query.unitId());
        String subtitle = m.get(locale, "talks.sheet.coverage.subtitle", unit,
                RegisterSheet.text(service.clock.today(), locale));
        CoverageDto figures = coverage.figures();
        Sheet people = RegisterSheet.start(m.get(locale, "talks.sheet.coverage.name"),
                m.get(locale, "talks.sheet.coverage.title", String.valueOf(query.year())), subtitle,
                headers(m, locale, "talks.sheet.coverage.header.", COVERAGE), COVERAGE_WIDTHS);
        int row = RegisterSheet.FIRST_DATA_ROW;
        for (CoveragePersonDto p : coverage.people(null)) {
            Style s = p.covered() ? centered : missing;
            people.cell(row, 0, (long) (row - RegisterSheet.FIRST_DATA_ROW + 1), s);
            people.cell(row, 1, p.unitName(), s);
            people.cell(row, 2, p.name(), s);
            people.cell(row, 3, m.get(locale, "talks.role." + p.role()), s);
            people.cell(row, 4, m.get(locale, p.covered() ? "talks.sheet.yes" : "talks.sheet.no"), s);
            people.cell(row, 5, p.talkDate(), p.covered() ? date : missing);
            row++;
        }
        Sheet units = RegisterSheet.start(m.get(locale, "talks.sheet.coverage.units"),
                m.get(locale, "talks.sheet.coverage.title", String.valueOf(query.year())), subtitle,
                headers(m, locale, "talks.sheet.coverage.unitHeader.", COVERAGE_UNITS), COVERAGE_UNIT_WIDTHS);
        row = RegisterSheet.FIRST_DATA_ROW;
        for (CoverageDto.UnitCoverage u : figures.byUnit()) {
            Style s = u.missing() > 0 ? missing : centered;
            units.cell(row, 0, (long) (row - RegisterSheet.FIRST_DATA_ROW + 1), s);
            units.cell(row, 1, u.unitName(), s);
            units.cell(row, 2, u.total(), s);
            units.cell(row, 3, u.covered(), s);
            units.cell(row, 4, u.missing(), s);
            units.cell(row, 5, percent(u.rate()), s);
            row++;
        }
        units.cell(row, 1, m.get(locale, "talks.sheet.coverage.total"), RegisterSheet.HEADER);
        units.cell(row, 2, figures.total(), RegisterSheet.HEADER);
        units.cell(row, 3, figures.covered(), RegisterSheet.HEADER);
        units.cell(row, 4, figures.missing(), RegisterSheet.HEADER);
        units.cell(row, 5, percent(figures.rate()), RegisterSheet.HEADER);
        write(new Workbook().add(people).add(units), out);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static List<String> headers(Messages m, Locale locale, String prefix, List<String> columns) {
        return columns.stream().map(c -> m.get(locale, prefix + c)).collect(Collectors.toList());
    }

    /** The unit a sheet is of: the query's, else the caller's. */
    private static String unitName(EntityManager em, TalkServiceImpl service, UUID unit) {
        UUID u = unit != null ? unit : service.security.caller().map(c -> c.getUnitId()).orElse(null);
        return u == null ? "" : Roster.units(em, List.of(u.toString())).getOrDefault(u.toString(), "");
    }

    private static void write(Workbook workbook, OutputStream out) {
        try {
            XlsxWriter.write(workbook, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return chunks;
    }
}
