package org.qinglian.rectification.api;

import java.util.List;
import java.util.UUID;

/**
 * Figures of the ledger in the caller's scope (counts include every problem in scope).
 *
 * @param total problems
 * @param closed closed problems (对账销号)
 * @param longTerm long-term problems
 * @param overdue overdue problems
 * @param completionRate (closed + long-term) / total, 0 when there are none
 */
public record StatisticsDto(long total, long closed, long longTerm, long overdue, double completionRate,
        List<UnitFigures> byUnit, List<CategoryFigures> byCategory, List<MonthFigures> byMonth) {

    /** Per responsible unit. */
    public record UnitFigures(UUID unitId, String unitName, long total, long closed, long overdue,
            double completionRate) {
    }

    /** Per category. */
    public record CategoryFigures(String category, String label, long total, long overdue) {
    }

    /**
     * Per month (yyyy-MM, business zone).
     *
     * @param registered problems registered that month
     * @param closed problems closed that month
     */
    public record MonthFigures(String month, long registered, long closed) {
    }
}
