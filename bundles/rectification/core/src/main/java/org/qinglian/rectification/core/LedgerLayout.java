package org.qinglian.rectification.core;

import java.util.List;

import org.qinglian.platform.api.sheet.RegisterSheet;

/** The ledger spreadsheet's layout (整改台账), shared by its export and its import. */
final class LedgerLayout {

    /** Columns, in order; their header texts are the messages {@code rectification.ledger.header.<name>}. */
    static final List<String> COLUMNS = List.of("number", "category", "description", "measure", "unit", "leader",
            "owner", "deadline", "progress", "status", "remark");
    static final int NUMBER = 0;
    static final int CATEGORY = 1;
    static final int DESCRIPTION = 2;
    static final int MEASURE = 3;
    static final int UNIT = 4;
    static final int LEADER = 5;
    static final int OWNER = 6;
    static final int DEADLINE = 7;
    static final int PROGRESS = 8;
    static final int STATUS = 9;
    static final int REMARK = 10;
    /** Columns that belong to the problem and are merged down over its measures. */
    static final List<Integer> PROBLEM_COLUMNS = List.of(NUMBER, CATEGORY, DESCRIPTION, UNIT, LEADER, STATUS);
    static final int HEADER_ROW = RegisterSheet.HEADER_ROW;
    static final int FIRST_DATA_ROW = RegisterSheet.FIRST_DATA_ROW;
    /** The fill of overdue rows (Excel's light red). */
    static final String OVERDUE_FILL = RegisterSheet.ALERT_FILL;
    static final double[] WIDTHS = {6, 12, 40, 40, 18, 10, 10, 16, 30, 10, 12};
    /** The most problems an import takes at once. */
    static final int MAX_IMPORT_ROWS = 20_000;

    private LedgerLayout() {
    }
}
