package org.qinglian.platform.api.sheet;

/**
 * A rectangle of cells, such as a merged title row. Rows and columns are 0-based and both
 * corners are included.
 *
 * @param firstRow the top row
 * @param firstCol the left column
 * @param lastRow the bottom row, not above {@code firstRow}
 * @param lastCol the right column, not left of {@code firstCol}
 */
public record Range(int firstRow, int firstCol, int lastRow, int lastCol) {

    /** The number of rows a worksheet can have (1,048,576). */
    public static final int MAX_ROWS = 1 << 20;
    /** The number of columns a worksheet can have (16,384, up to column XFD). */
    public static final int MAX_COLUMNS = 1 << 14;

    /**
     * A range of cells.
     *
     * @throws IllegalArgumentException if a corner lies outside a worksheet or the corners are out of order
     */
    public Range {
        checkCell(firstRow, firstCol);
        checkCell(lastRow, lastCol);
        if (lastRow < firstRow || lastCol < firstCol) {
            throw new IllegalArgumentException("range corners out of order: " + firstRow + "," + firstCol + " to "
                    + lastRow + "," + lastCol);
        }
    }

    /**
     * The range an A1-style reference names, such as {@code A1:K1}, or {@code B3} for one cell.
     *
     * @throws IllegalArgumentException if the text is not such a reference
     */
    public static Range of(String ref) {
        if (ref == null) {
            throw new IllegalArgumentException("no cell reference");
        }
        int colon = ref.indexOf(':');
        if (colon < 0) {
            long cell = parseCell(ref);
            return new Range(row(cell), col(cell), row(cell), col(cell));
        }
        long first = parseCell(ref.substring(0, colon));
        long last = parseCell(ref.substring(colon + 1));
        return new Range(row(first), col(first), row(last), col(last));
    }

    /** The A1-style reference of one cell, such as {@code AA10} for row 9, column 26. */
    public static String cellRef(int row, int col) {
        checkCell(row, col);
        return columnName(col) + (row + 1);
    }

    /** The letters of a column: {@code A} for 0, {@code Z} for 25, {@code AA} for 26. */
    public static String columnName(int col) {
        if (col < 0 || col >= MAX_COLUMNS) {
            throw new IllegalArgumentException("column out of range: " + col);
        }
        StringBuilder name = new StringBuilder(3);
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            name.append((char) ('A' + (c - 1) % 26));
        }
        return name.reverse().toString();
    }

    /** The A1-style reference of the range, such as {@code A1:K1}; just {@code A1} for a single cell. */
    public String ref() {
        String first = cellRef(firstRow, firstCol);
        return isSingleCell() ? first : first + ":" + cellRef(lastRow, lastCol);
    }

    /** Whether the range is one cell. */
    public boolean isSingleCell() {
        return firstRow == lastRow && firstCol == lastCol;
    }

    /** Whether the cell lies in the range. */
    public boolean contains(int row, int col) {
        return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
    }

    /** Whether the two ranges share at least one cell. */
    public boolean overlaps(Range other) {
        return firstRow <= other.lastRow && other.firstRow <= lastRow
                && firstCol <= other.lastCol && other.firstCol <= lastCol;
    }

    static void checkCell(int row, int col) {
        if (row < 0 || row >= MAX_ROWS) {
            throw new IllegalArgumentException("row out of range: " + row);
        }
        if (col < 0 || col >= MAX_COLUMNS) {
            throw new IllegalArgumentException("column out of range: " + col);
        }
    }

    /**
     * Parses a cell reference such as {@code AA10} (a {@code $} is allowed) into {@code row << 32 | col}.
     */
    static long parseCell(String ref) {
        int i = 0;
        int n = ref.length();
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        long col = 0;
        int letters = 0;
        while (i < n) {
            char ch = ref.charAt(i);
            if (ch >= 'a' && ch <= 'z') {
                ch = (char) (ch - 'a' + 'A');
            }
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            col = col * 26 + (ch - 'A' + 1);
            letters++;
            i++;
        }
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        long row = 0;
        int digits = 0;
        while (i < n && ref.charAt(i) >= '0' && ref.charAt(i) <= '9' && digits < 8) {
            row = row * 10 + (ref.charAt(i) - '0');
            digits++;
            i++;
        }
        if (letters == 0 || letters > 3 || digits == 0 || i != n || row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) {
            throw new IllegalArgumentException("not a cell reference: " + ref);
        }
        return (row - 1) << 32 | (col - 1);
    }

    static int row(long cell) {
        return (int) (cell >>> 32);
    }

    static int col(long cell) {
        return (int) cell;
    }
}
