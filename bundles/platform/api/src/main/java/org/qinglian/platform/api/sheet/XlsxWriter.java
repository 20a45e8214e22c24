package org.qinglian.platform.api.sheet;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link Workbook} as an .xlsx file (Office Open XML SpreadsheetML) that Microsoft Excel,
 * WPS and LibreOffice open without complaint.
 *
 * <p>Text goes to the shared string table; characters XML 1.0 cannot hold (control characters
 * other than tab, line feed and carriage return) are dropped. Dates are written as serial numbers of
 * the 1900 date system with the style's date format ({@code yyyy-mm-dd} when it has none); a date
 * before 1900, which Excel cannot show, is written as ISO text. Fonts are Calibri, Excel's default;
 * the programs fall back to a Chinese font for Chinese text. The output is deterministic: the same
 * workbook always gives the same bytes.
 */
public final class XlsxWriter {

    /** The number format of dates whose style names none. */
    static final String DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LEAP_BUG_END = LocalDate.of(1900, 3, 1);
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CT_PREFIX = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    private final Workbook workbook;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final Map<Style, Integer> styles = new LinkedHashMap<>();
    private int stringUses;

    private XlsxWriter(Workbook workbook) {
        this.workbook = workbook;
        styles.put(Style.DEFAULT, 0);
    }

    /**
     * Writes a workbook to a stream as an .xlsx file. The stream is not closed.
     *
     * @throws IllegalArgumentException if the workbook has no sheet
     * @throws IOException if the stream fails
     */
    public static void write(Workbook wb, OutputStream out) throws IOException {
        Objects.requireNonNull(wb, "workbook");
        Objects.requireNonNull(out, "out");
        if (wb.sheets().isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        new XlsxWriter(wb).writeTo(out);
    }

    private void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        }, StandardCharsets.UTF_8);
        zip.setLevel(6);
        List<Sheet> sheets = workbook.sheets();
        part(zip, "[Content_Types].xml", this::contentTypes);
        part(zip, "_rels/.rels", this::packageRels);
        part(zip, "docProps/core.xml", this::coreProperties);
        part(zip, "docProps/app.xml", this::appProperties);
        part(zip, "xl/workbook.xml", this::workbookPart);
        part(zip, "xl/_rels/workbook.xml.rels", this::workbookRels);
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = sheets.get(i);
            boolean selected = i == 0;
            part(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", w -> worksheet(w, sheet, selected));
        }
        // The worksheets fill the string and style tables, so those are written last.
        part(zip, "xl/sharedStrings.xml", this::sharedStrings);
        part(zip, "xl/styles.xml", this::stylesPart);
        zip.close();
    }

    private interface PartBody {
        void write(Writer w) throws IOException;
    }

    private static void part(ZipOutputStream zip, String name, PartBody body) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        w.write(XML_DECLARATION);
        body.write(w);
        w.flush();
        zip.closeEntry();
    }

    private void contentTypes(Writer w) throws IOException {
        w.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        w.write("<Default Extension=\"rels\""
                + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
        w.write("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        override(w, "/xl/workbook.xml", CT_PREFIX + "sheet.main+xml");
        for (int i = 1; i <= workbook.sheets().size(); i++) {
            override(w, "/xl/worksheets/sheet" + i + ".xml", CT_PREFIX + "worksheet+xml");
        }
        override(w, "/xl/sharedStrings.xml", CT_PREFIX + "sharedStrings+xml");
        override(w, "/xl/styles.xml", CT_PREFIX + "styles+xml");
        override(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        override(w, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        w.write("</Types>");
    }

    private static void override(Writer w, String part, String type) throws IOException {
        w.write("<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>");
    }

    private void packageRels(Writer w) throws IOException {
        w.write("<Relationships xmlns=\"" + NS_PKG_REL + "\">");
        relationship(w, "rId1", NS_REL + "/officeDocument", "xl/workbook.xml");
        relationship(w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
        relationship(w, "rId3", NS_REL + "/extended-properties", "docProps/app.xml");
        w.write("</Relationships>");
    }

    private static void relationship(Writer w, String id, String type, String target) throws IOException {
        w.write("<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>");
    }

    private void coreProperties(Writer w) throws IOException {
        w.write("<cp:coreProperties"
                + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:creator>Qinglian</dc:creator></cp:coreProperties>");
    }

    private void appProperties(Writer w) throws IOException {
        w.write("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
                + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                + "<Application>Qinglian</Application></Properties>");
    }

    private void workbookPart(Writer w) throws IOException {
        w.write("<workbook xmlns=\"" + NS_MAIN + "\" xmlns:r=\"" + NS_REL + "\">");
        w.write("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        List<Sheet> sheets = workbook.sheets();
        for (int i = 1; i <= sheets.size(); i++) {
            w.write("<sheet name=\"");
            XmlText.attr(w, sheets.get(i - 1).name());
            w.write("\" sheetId=\"" + i + "\" r:id=\"rId" + i + "\"/>");
        }
        w.write("</sheets></workbook>");
    }

    private void workbookRels(Writer w) throws IOException {
        w.write("<Relationships xmlns=\"" + NS_PKG_REL + "\">");
        int n = workbook.sheets().size();
        for (int i = 1; i <= n; i++) {
            relationship(w, "rId" + i, NS_REL + "/worksheet", "worksheets/sheet" + i + ".xml");
        }
        relationship(w, "rId" + (n + 1), NS_REL + "/sharedStrings", "sharedStrings.xml");
        relationship(w, "rId" + (n + 2), NS_REL + "/styles", "styles.xml");
        w.write("</Relationships>");
    }

    private void worksheet(Writer w, Sheet sheet, boolean selected) throws IOException {
        w.write("<worksheet xmlns=\"" + NS_MAIN + "\" xmlns:r=\"" + NS_REL + "\">");
        w.write("<dimension ref=\"" + dimension(sheet) + "\"/>");
        w.write("<sheetViews><sheetView" + (selected ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\"");
        int frozen = sheet.frozenRows();
        if (frozen > 0) {
            String topLeft = Range.cellRef(frozen, 0);
            w.write("><pane ySplit=\"" + frozen + "\" topLeftCell=\"" + topLeft
                    + "\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                    + "<selection pane=\"bottomLeft\" activeCell=\"" + topLeft + "\" sqref=\"" + topLeft + "\"/>"
                    + "</sheetView></sheetViews>");
        } else {
            w.write("/></sheetViews>");
        }
        w.write("<sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!sheet.columnWidths().isEmpty()) {
            w.write("<cols>");
            for (Map.Entry<Integer, Double> e : sheet.columnWidths().entrySet()) {
                int c = e.getKey() + 1;
                w.write("<col min=\"" + c + "\" max=\"" + c + "\" width=\"" + decimal(e.getValue())
                        + "\" customWidth=\"1\"/>");
            }
            w.write("</cols>");
        }
        w.write("<sheetData>");
        TreeMap<Integer, Object> rowNumbers = new TreeMap<>(sheet.rows());
        for (Integer r : sheet.rowHeights().keySet()) {
            rowNumbers.putIfAbsent(r, Boolean.TRUE);
        }
        for (int r : rowNumbers.keySet()) {
            w.write("<row r=\"" + (r + 1) + "\"");
            Double height = sheet.rowHeights().get(r);
            if (height != null) {
                w.write(" ht=\"" + decimal(height) + "\" customHeight=\"1\"");
            }
            TreeMap<Integer, Sheet.Cell> cells = sheet.rows().get(r);
            if (cells == null) {
                w.write("/>");
                continue;
            }
            w.write(">");
            for (Map.Entry<Integer, Sheet.Cell> e : cells.entrySet()) {
                cell(w, r, e.getKey(), e.getValue());
            }
            w.write("</row>");
        }
        w.write("</sheetData>");
        if (!sheet.merges().isEmpty()) {
            w.write("<mergeCells count=\"" + sheet.merges().size() + "\">");
            for (Range m : sheet.merges()) {
                w.write("<mergeCell ref=\"" + m.ref() + "\"/>");
            }
            w.write("</mergeCells>");
        }
        w.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        w.write("</worksheet>");
    }

    private static String dimension(Sheet sheet) {
        if (sheet.lastRow() < 0) {
            return "A1";
        }
        int firstCol = Integer.MAX_VALUE;
        for (TreeMap<Integer, Sheet.Cell> cells : sheet.rows().values()) {
            firstCol = Math.min(firstCol, cells.firstKey());
        }
        return new Range(sheet.rows().firstKey(), firstCol, sheet.lastRow(), sheet.lastColumn()).ref();
    }

    private void cell(Writer w, int row, int col, Sheet.Cell cell) throws IOException {
        Object value = cell.value();
        String dateText = null;
        Style style = cell.style();
        if (value instanceof LocalDate date) {
            if (date.isBefore(FIRST_DAY)) {
                dateText = date.toString();
                style = style.withDateFormat(null);
            } else if (style.dateFormat() == null) {
                style = style.withDateFormat(DEFAULT_DATE_FORMAT);
            }
        } else if (style.dateFormat() != null) {
            style = style.withDateFormat(null);
        }
        int xf = styles.computeIfAbsent(style, s -> styles.size());
        w.write("<c r=\"" + Range.cellRef(row, col) + "\"");
        if (xf != 0) {
            w.write(" s=\"" + xf + "\"");
        }
        if (value == null) {
            w.write("/>");
        } else if (value instanceof String || dateText != null) {
            String text = XmlText.cellText(dateText != null ? dateText : (String) value);
            stringUses++;
            int index = strings.computeIfAbsent(text, t -> strings.size());
            w.write(" t=\"s\"><v>" + index + "</v></c>");
        } else if (value instanceof Boolean b) {
            w.write(" t=\"b\"><v>" + (b ? "1" : "0") + "</v></c>");
        } else if (value instanceof LocalDate date) {
            w.write("><v>" + serial(date) + "</v></c>");
        } else {
            w.write("><v>" + number((Number) value) + "</v></c>");
        }
    }

    /** The serial number of a date in Excel's 1900 system, which counts the non-existent 1900-02-29. */
    static long serial(LocalDate date) {
        long days = ChronoUnit.DAYS.between(EPOCH, date);
        return date.isBefore(LEAP_BUG_END) ? days - 1 : days;
    }

    /** A number as the text of a {@code <v>} element: whole numbers without a fraction, no trailing zeros. */
    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.toString();
        }
        if (n instanceof BigDecimal bd) {
            BigDecimal s = bd.stripTrailingZeros();
            if (s.signum() == 0) {
                return "0";
            }
            boolean plain = s.scale() <= 30 && s.precision() - s.scale() <= 30;
            return plain ? s.toPlainString() : Double.toString(bd.doubleValue());
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return n instanceof Float f ? Float.toString(f) : Double.toString(d);
    }

    /** A width or height without needless digits. */
    private static String decimal(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private void sharedStrings(Writer w) throws IOException {
        w.write("<sst xmlns=\"" + NS_MAIN + "\" count=\"" + stringUses + "\" uniqueCount=\"" + strings.size() + "\">");
        for (String s : strings.keySet()) {
            boolean preserve = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                    || Character.isWhitespace(s.charAt(s.length() - 1)) || s.indexOf('\n') >= 0);
            w.write(preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            XmlText.text(w, s);
            w.write("</t></si>");
        }
        w.write("</sst>");
    }

    private void stylesPart(Writer w) throws IOException {
        Map<String, Integer> numFmts = new LinkedHashMap<>();
        Map<String, Integer> fonts = new LinkedHashMap<>();
        Map<String, Integer> fills = new LinkedHashMap<>();
        fonts.put(font(Style.DEFAULT), 0);
        for (Style s : styles.keySet()) {
            if (s.dateFormat() != null) {
                numFmts.computeIfAbsent(s.dateFormat(), f -> 164 + numFmts.size());
            }
            fonts.computeIfAbsent(font(s), f -> fonts.size());
            if (s.fill() != null) {
                fills.computeIfAbsent(s.fill(), f -> 2 + fills.size());
            }
        }
        w.write("<styleSheet xmlns=\"" + NS_MAIN + "\">");
        if (!numFmts.isEmpty()) {
            w.write("<numFmts count=\"" + numFmts.size() + "\">");
            for (Map.Entry<String, Integer> e : numFmts.entrySet()) {
                w.write("<numFmt numFmtId=\"" + e.getValue() + "\" formatCode=\"");
                XmlText.attr(w, e.getKey());
                w.write("\"/>");
            }
            w.write("</numFmts>");
        }
        w.write("<fonts count=\"" + fonts.size() + "\">");
        for (String f : fonts.keySet()) {
            w.write(f);
        }
        w.write("</fonts><fills count=\"" + (2 + fills.size()) + "\">");
        w.write("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>");
        for (String rgb : fills.keySet()) {
            w.write("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF" + rgb
                    + "\"/><bgColor indexed=\"64\"/></patternFill></fill>");
        }
        w.write("</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>");
        for (String side : new String[] {"left", "right", "top", "bottom"}) {
            w.write("<" + side + " style=\"thin\"><color indexed=\"64\"/></" + side + ">");
        }
        w.write("<diagonal/></border></borders>");
        w.write("<cellStyleXfs count=\"1\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        w.write("<cellXfs count=\"" + styles.size() + "\">");
        for (Style s : styles.keySet()) {
            int numFmt = s.dateFormat() == null ? 0 : numFmts.get(s.dateFormat());
            int font = fonts.get(font(s));
            int fill = s.fill() == null ? 0 : fills.get(s.fill());
            int border = s.border() ? 1 : 0;
            w.write("<xf numFmtId=\"" + numFmt + "\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\""
                    + border + "\" xfId=\"0\"");
            if (numFmt != 0) {
                w.write(" applyNumberFormat=\"1\"");
            }
            if (font != 0) {
                w.write(" applyFont=\"1\"");
            }
            if (fill != 0) {
                w.write(" applyFill=\"1\"");
            }
            if (border != 0) {
                w.write(" applyBorder=\"1\"");
            }
            String alignment = alignment(s);
            if (alignment.isEmpty()) {
                w.write("/>");
            } else {
                w.write(" applyAlignment=\"1\"><alignment" + alignment + "/></xf>");
            }
        }
        w.write("</cellXfs><cellStyles count=\"1\">"
                + "<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        w.write("<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>");
    }

    private static String font(Style s) {
        return "<font>" + (s.bold() ? "<b/>" : "") + "<sz val=\"" + decimal(s.fontSize()) + "\"/>"
                + (s.fontColor() == null ? "" : "<color rgb=\"FF" + s.fontColor() + "\"/>")
                + "<name val=\"Calibri\"/><family val=\"2\"/></font>";
    }

    private static String alignment(Style s) {
        StringBuilder a = new StringBuilder();
        if (s.horizontal() != null) {
            a.append(" horizontal=\"").append(s.horizontal() == Style.Horizontal.LEFT ? "left"
                    : s.horizontal() == Style.Horizontal.CENTER ? "center" : "right").append('"');
        }
        if (s.vertical() != null) {
            a.append(" vertical=\"").append(s.vertical() == Style.Vertical.TOP ? "top" : "center").append('"');
        }
        if (s.wrap()) {
            a.append(" wrapText=\"1\"");
        }
        return a.toString();
    }
}
