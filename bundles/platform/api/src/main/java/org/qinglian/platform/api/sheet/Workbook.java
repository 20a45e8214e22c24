package org.qinglian.platform.api.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** An ordered list of worksheets, written to or read from one .xlsx file. Not thread-safe. */
public final class Workbook {

    private final List<Sheet> sheets = new ArrayList<>();

    /**
     * Appends a sheet.
     *
     * @return this workbook
     * @throws IllegalArgumentException if a sheet of the same name, ignoring case, is already in
     *         the workbook (Excel does not allow two)
     */
    public Workbook add(Sheet sheet) {
        Objects.requireNonNull(sheet, "sheet");
        for (Sheet s : sheets) {
            if (key(s.name()).equals(key(sheet.name()))) {
                throw new IllegalArgumentException("the workbook already has a sheet named " + s.name());
            }
        }
        sheets.add(sheet);
        return this;
    }

    /** The sheets, in order. */
    public List<Sheet> sheets() {
        return Collections.unmodifiableList(sheets);
    }

    /** The sheet of a name (an exact match first, else ignoring case), or null if there is none. */
    public Sheet sheet(String name) {
        for (Sheet s : sheets) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        for (Sheet s : sheets) {
            if (name != null && key(s.name()).equals(key(name))) {
                return s;
            }
        }
        return null;
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
