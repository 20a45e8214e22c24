package org.qinglian.platform.api.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named worksheet: cells addressed by 0-based row and column, each with a value and a
 * {@link Style}, plus merged ranges, column widths, row heights and frozen header rows.
 * Not thread-safe.
 *
 * <p>A value is a {@link String}, a {@link Number}, a {@link LocalDate}, a {@link Boolean} or
 * null. Text is limited to Excel's 32,767 characters; numbers must be finite. Whole numbers
 * beyond 15 digits lose precision in Excel, so identifiers such as ID card numbers belong in
 * text.
 */
public final class Sheet {

    /** The longest text Excel keeps in one cell. */
    public static final int MAX_TEXT_LENGTH = 32_767;
    /** The longest sheet name Excel allows. */
    public static final int MAX_NAME_LENGTH = 31;

    private final String name;
    private final TreeMap<Integer, TreeMap<Integer, Cell>> rows = new TreeMap<>();
    private final List<Range> merges = new ArrayList<>();
    private final TreeMap<Integer, Double> columnWidths = new TreeMap<>();
    private final TreeMap<Integer, Double> rowHeights = new TreeMap<>();
    private int frozenRows;
    private int cellCount;

    /**
     * A new, empty sheet. The name is made acceptable to Excel: characters it forbids
     * ({@code [ ] : * ? / \}) become {@code _}, as does a leading or trailing apostrophe, and it is
     * cut to {@value #MAX_NAME_LENGTH} characters; a blank name becomes {@code Sheet1}.
     */
    public Sheet(String name) {
        this.name = safeName(name);
    }

    /**
     * Sets a cell, replacing what it held. A null value with the default style clears the cell; a
     * null value with another style keeps an empty, styled cell (a bordered blank, say).
     *
     * @param row the 0-based row
     * @param col the 0-based column
     * @param value a String, Number, LocalDate, Boolean or null
     * @param style the cell's style; null for {@link Style#DEFAULT}
     * @return this sheet
     * @throws IllegalArgumentException for a cell outside the sheet, a value of another type, a
     *         number that is not finite or text longer than {@value #MAX_TEXT_LENGTH} characters
     */
    public Sheet cell(int row, int col, Object value, Style style) {
        Range.checkCell(row, col);
        checkValue(value);
        Style s = style == null ? Style.DEFAULT : style;
        if (value == null && s.equals(Style.DEFAULT)) {
            TreeMap<Integer, Cell> cells = rows.get(row);
            if (cells != null && cells.remove(col) != null) {
                cellCount--;
                if (cells.isEmpty()) {
                    rows.remove(row);
                }
            }
            return this;
        }
        if (rows.computeIfAbsent(row, r -> new TreeMap<>()).put(col, new Cell(value, s)) == null) {
            cellCount++;
        }
        return this;
    }

    /**
     * Sets a cell to a value in the default style.
     *
     * @see #cell(int, int, Object, Style)
     */
    public Sheet cell(int row, int col, Object value) {
        return cell(row, col, value, Style.DEFAULT);
    }

    /**
     * Merges a rectangle of cells into one; the top-left cell's value and style show. Merging a
     * single cell does nothing.
     *
     * @return this sheet
     * @throws IllegalArgumentException if the corners are out of order or the range overlaps one
     *         already merged (Excel would call the file damaged)
     */
    public Sheet merge(int firstRow, int firstCol, int lastRow, int lastCol) {
        return merge(new Range(firstRow, firstCol, lastRow, lastCol));
    }

    /**
     * Merges a range of cells.
     *
     * @see #merge(int, int, int, int)
     */
    public Sheet merge(Range range) {
        Objects.requireNonNull(range, "range");
        if (range.isSingleCell()) {
            return this;
        }
        for (Range m : merges) {
            if (m.overlaps(range)) {
                throw new IllegalArgumentException("merged range " + range.ref() + " overlaps " + m.ref());
            }
        }
        merges.add(range);
        return this;
    }

    /**
     * Sets a column's width, in characters of the default font as Excel stores it (0 to 255).
     *
     * @return this sheet
     */
    public Sheet columnWidth(int col, double widthInCharacters) {
        Range.checkCell(0, col);
        if (!(widthInCharacters >= 0 && widthInCharacters <= 255)) {
            throw new IllegalArgumentException("column width must be between 0 and 255: " + widthInCharacters);
        }
        columnWidths.put(col, widthInCharacters);
        return this;
    }

    /**
     * Sets a row's height in points (0 to 409).
     *
     * @return this sheet
     */
    public Sheet rowHeight(int row, double points) {
        Range.checkCell(row, 0);
        if (!(points >= 0 && points <= 409)) {
            throw new IllegalArgumentException("row height must be between 0 and 409 points: " + points);
        }
        rowHeights.put(row, points);
        return this;
    }

    /**
     * Freezes the top rows, such as a title and a header, so they stay in view when scrolling;
     * 0 unfreezes.
     *
     * @return this sheet
     */
    public Sheet freezeRows(int rows) {
        if (rows < 0 || rows >= Range.MAX_ROWS) {
            throw new IllegalArgumentException("frozen rows out of range: " + rows);
        }
        this.frozenRows = rows;
        return this;
    }

    /** The sheet's name, as it is written to the file. */
    public String name() {
        return name;
    }

    /** A cell's value, or null when the cell is empty or unset. */
    public Object value(int row, int col) {
        Cell c = get(row, col);
        return c == null ? null : c.value;
    }

    /** A cell's style; {@link Style#DEFAULT} when the cell is unset. */
    public Style style(int row, int col) {
        Cell c = get(row, col);
        return c == null ? Style.DEFAULT : c.style;
    }

    /** The merged ranges, in the order they were added. */
    public List<Range> merges() {
        return Collections.unmodifiableList(merges);
    }

    /** The last row holding a cell, or -1 when the sheet has none. */
    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    /** The last column holding a cell in any row, or -1 when the sheet has none. */
    public int lastColumn() {
        int last = -1;
        for (TreeMap<Integer, Cell> cells : rows.values()) {
            last = Math.max(last, cells.lastKey());
        }
        return last;
    }

    /** The number of cells set, styled blanks included. */
    public int cellCount() {
        return cellCount;
    }

    /** The column widths set, by 0-based column; columns not in the map have Excel's default width. */
    public Map<Integer, Double> columnWidths() {
        return Collections.unmodifiableMap(columnWidths);
    }

    /** The row heights set in points, by 0-based row; rows not in the map have the default height. */
    public Map<Integer, Double> rowHeights() {
        return Collections.unmodifiableMap(rowHeights);
    }

    /** The number of frozen top rows, 0 when none. */
    public int frozenRows() {
        return frozenRows;
    }

    /** The cells of each row that has any, in order; for the writer. */
    NavigableMap<Integer, TreeMap<Integer, Cell>> rows() {
        return Collections.unmodifiableNavigableMap(rows);
    }

    /** Drops the widths of columns beyond the last one holding a cell; for the reader. */
    void trimColumnWidths() {
        columnWidths.tailMap(lastColumn(), false).clear();
    }

    /**
     * The values of the cells that hold one, row by row: cells separated by tabs, rows by line
     * breaks; what a reader of the sheet sees, for tests and checks.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (TreeMap<Integer, Cell> cells : rows.values()) {
            StringBuilder line = new StringBuilder();
            for (Cell c : cells.values()) {
                if (c.value != null) {
                    line.append(line.length() == 0 ? "" : "\t").append(c.value);
                }
            }
            if (line.length() > 0) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The sheet's name and number of cells, for logs. */
    @Override
    public String toString() {
        return "Sheet[" + name + ", " + cellCount + " cells]";
    }

    private Cell get(int row, int col) {
        TreeMap<Integer, Cell> cells = rows.get(row);
        return cells == null ? null : cells.get(col);
    }

    private static void checkValue(Object value) {
        if (value == null || value instanceof Boolean || value instanceof LocalDate) {
            return;
        }
        if (value instanceof String text) {
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("text longer than " + MAX_TEXT_LENGTH + " characters");
            }
            return;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a cell's number must be finite: " + n);
            }
            return;
        }
        throw new IllegalArgumentException("a cell holds a String, Number, LocalDate or Boolean, not "
                + value.getClass().getName());
    }

    static String safeName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "Sheet1";
        }
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            boolean forbidden = "[]:*?/\\".indexOf(ch) >= 0 || ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF
                    || Character.isSurrogate(ch) && !paired(n, i);
            b.append(forbidden ? '_' : ch);
        }
        if (b.length() > MAX_NAME_LENGTH) {
            int cut = Character.isHighSurrogate(b.charAt(MAX_NAME_LENGTH - 1)) ? MAX_NAME_LENGTH - 1 : MAX_NAME_LENGTH;
            b.setLength(cut);
        }
        if (b.charAt(0) == '\'') {
            b.setCharAt(0, '_');
        }
        if (b.charAt(b.length() - 1) == '\'') {
            b.setCharAt(b.length() - 1, '_');
        }
        return b.toString();
    }

    private static boolean paired(String s, int i) {
        char ch = s.charAt(i);
        return Character.isHighSurrogate(ch) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** One cell: its value and style. */
    record Cell(Object value, Style style) {
    }
}
