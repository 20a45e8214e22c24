package org.qinglian.rectification.core;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.qinglian.platform.api.persistence.Roster;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.persistence.ListQuery;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.StatisticsDto;
import org.qinglian.rectification.core.entity.ProblemEntity;

/** The ledger's figures, counted by the database over the problems a query selects. */
final class Statistics {

    /** Months of the trend chart, the current one included. */
    static final int MONTHS = 12;

    private Statistics() {
    }

    static StatisticsDto compute(EntityManager em, ListQuery<ProblemEntity> problems, PlatformClock clock,
            Map<String, String> categoryLabels, BiFunction<EntityManager, Collection<String>, Map<String, String>> unitNames) {
        problems.parameter("closedStatus", ProblemStatus.CLOSED).parameter("longTermStatus", ProblemStatus.LONG_TERM)
                .parameter("running", RectificationServiceImpl.RUNNING).parameter("today", clock.today());
        String figures = "count(p), sum(case when p.status = :closedStatus then 1 else 0 end),"
                + " sum(case when p.status = :longTermStatus then 1 else 0 end),"
                + " sum(case when p.status in :running and p.openDeadline < :today then 1 else 0 end)";
        Object[] totals = problems.aggregate(em, figures, "", Object[].class).get(0);
        long total = n(totals[0]);
        long closed = n(totals[1]);
        long longTerm = n(totals[2]);

        List<StatisticsDto.UnitFigures> byUnit = new ArrayList<>();
        List<Object[]> unitRows = problems.aggregate(em, "p.unitId, " + figures, "group by p.unitId", Object[].class);
        Map<String, String> names = unitNames.apply(em, unitRows.stream().map(r -> (String) r[0])
                .collect(Collectors.toList()));
        for (Object[] r : unitRows) {
            byUnit.add(new StatisticsDto.UnitFigures(java.util.UUID.fromString((String) r[0]), names.get(r[0]), n(r[1]),
                    n(r[2]), n(r[4]), rate(n(r[2]) + n(r[3]), n(r[1]))));
        }
        byUnit.sort(Comparator.comparingLong(StatisticsDto.UnitFigures::total).reversed()
                .thenComparing(u -> u.unitName() == null ? "" : u.unitName()));

        List<StatisticsDto.CategoryFigures> byCategory = new ArrayList<>();
        Map<String, Object[]> categoryRows = new LinkedHashMap<>();
        problems.aggregate(em, "p.category, " + figures, "group by p.category", Object[].class)
                .forEach(r -> categoryRows.put((String) r[0], r));
        categoryLabels.forEach((code, label) -> {
            Object[] r = categoryRows.remove(code);
            byCategory.add(new StatisticsDto.CategoryFigures(code, label, r == null ? 0 : n(r[1]), r == null ? 0 : n(r[4])));
        });
        categoryRows.forEach((code, r) -> byCategory.add(new StatisticsDto.CategoryFigures(code, code, n(r[1]), n(r[4]))));

        ZoneId zone = clock.businessZone();
        YearMonth last = YearMonth.from(clock.today());
        YearMonth first = last.minusMonths(MONTHS - 1L);
        Instant since = first.atDay(1).atStartOfDay(zone).toInstant();
        problems.parameter("since", since);
        Map<String, long[]> months = new LinkedHashMap<>();
        RectificationServiceImpl.months(first, last).forEach(m -> months.put(m, new long[2]));
        for (Object[] r : problems.aggregate(em, "p.createdAt, p.closedAt",
                "and (p.createdAt >= :since or p.closedAt >= :since)", Object[].class)) {
            count(months, (Instant) r[0], zone, 0);
            count(months, (Instant) r[1], zone, 1);
        }
        List<StatisticsDto.MonthFigures> byMonth = new ArrayList<>();
        months.forEach((m, c) -> byMonth.add(new StatisticsDto.MonthFigures(m, c[0], c[1])));
        return new StatisticsDto(total, closed, longTerm, n(totals[3]), rate(closed + longTerm, total), byUnit,
                byCategory, byMonth);
    }

    private static void count(Map<String, long[]> months, Instant at, ZoneId zone, int column) {
        if (at != null) {
            long[] c = months.get(YearMonth.from(at.atZone(zone)).toString());
            if (c != null) {
                c[column]++;
            }
        }
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double rate(long done, long total) {
        return total == 0 ? 0 : Math.round(done * 1000.0 / total) / 1000.0;
    }
}
