package org.qinglian.platform.api.sheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The layout offices keep their registers in (台账): a merged title row, a line under it (what
 * the register covers and the export date), a bold filled header row, frozen above the data,
 * then bordered data rows. Modules' exports start their sheets here, so every register of the
 * portal opens alike in Excel.
 */
public final class RegisterSheet {

    public static final int TITLE_ROW = 0;
    public static final int SUBTITLE_ROW = 1;
    public static final int HEADER_ROW = 2;
    public static final int FIRST_DATA_ROW = 3;
    /** The Chinese date format of cells: 2026年3月31日. */
    public static final String CHINESE_DATE = "yyyy\"年\"m\"月\"d\"日\"";
    public static final String ISO_DATE = "yyyy-mm-dd";
    /** The fill of rows that need attention, overdue ones (Excel's light red). */
    public static final String ALERT_FILL = "FFC7CE";

    /** A data cell: bordered, wrapped, vertically centred. */
    public static final Style BORDER = Style.DEFAULT.withBorder(true).withWrap(true).withVertical(Style.Vertical.CENTER);
    /** A data cell centred both ways. */
    public static final Style CENTERED = BORDER.withHorizontal(Style.Horizontal.CENTER);
    public static final Style HEADER = CENTERED.withBold(true).withFill("D9E1F2");

    private RegisterSheet() {
    }

    /**
     * A sheet with the title, the line under it and the header row, its columns as wide as given.
     *
     * @param widths column widths in characters, one per header
     */
    public static Sheet start(String name, String title, String subtitle, List<String> headers, double[] widths) {
        Sheet sheet = new Sheet(name);
        int last = headers.size() - 1;
        sheet.cell(TITLE_ROW, 0, title, Style.DEFAULT.withBold(true).withFontSize(16).centered());
        sheet.merge(TITLE_ROW, 0, TITLE_ROW, last).rowHeight(TITLE_ROW, 30);
        sheet.cell(SUBTITLE_ROW, 0, subtitle, Style.DEFAULT.withHorizontal(Style.Horizontal.LEFT));
        sheet.merge(SUBTITLE_ROW, 0, SUBTITLE_ROW, last);
        for (int c = 0; c <= last; c++) {
            sheet.cell(HEADER_ROW, c, headers.get(c), HEADER);
            sheet.columnWidth(c, widths[c]);
        }
        return sheet.freezeRows(FIRST_DATA_ROW);
    }

    /** Whether dates are written the Chinese way (2026年3月31日) in this language. */
    public static boolean chinese(Locale locale) {
        return locale == null || !"en".equals(locale.getLanguage());
    }

    /** The style of date cells in the language, from a base style. */
    public static Style dates(Style base, Locale locale) {
        return base.withDateFormat(chinese(locale) ? CHINESE_DATE : ISO_DATE);
    }

    /** A date as text in the language: 2026年3月31日 or 2026-03-31. */
    public static String text(LocalDate date, Locale locale) {
        return date == null ? "" : chinese(locale) ? DateTimeFormatter.ofPattern("yyyy年M月d日").format(date)
                : date.toString();
    }
}
