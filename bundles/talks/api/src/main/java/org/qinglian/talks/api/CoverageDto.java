package org.qinglian.talks.api;

import java.util.List;
import java.util.UUID;

/**
 * The annual coverage of political talks (全覆盖): of the top leaders and leadership members of the
 * units in question, who had a political talk held in the year. Counts include sensitive talks.
 *
 * @param rate covered / total, 0 when there is nobody to cover
 */
public record CoverageDto(int year, long total, long covered, long missing, double rate, List<UnitCoverage> byUnit) {

    public record UnitCoverage(UUID unitId, String unitName, long total, long covered, long missing, double rate) {
    }
}
