package org.qinglian.platform.api.sheet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

public class XlsxWriterTest {

    static final String CHINESE_DATE = "yyyy\"年\"m\"月\"d\"日\"";
    static final String TITLE = "清源市纪委监委巡视巡察整改台账";
    static final String[] HEADERS = {"序号", "问题来源", "问题描述", "责任单位", "责任人", "整改时限", "完成时间",
        "整改措施", "整改进展", "是否完成", "备注"};

    /** A rectification ledger as the platform modules export it. */
    static Workbook ledger() {
        Style title = Style.DEFAULT.withBold(true).withFontSize(16).centered();
        Style header = Style.DEFAULT.withBold(true).withFill("D9E1F2").withBorder(true).centered().withWrap(true);
        Style cell = Style.DEFAULT.withBorder(true).withVertical(Style.Vertical.CENTER).withWrap(true);
        Style date = cell.withHorizontal(Style.Horizontal.CENTER).withDateFormat(CHINESE_DATE);
        Style overdue = cell.withFill("FFC7CE").withFontColor("9C0006");
        Style overdueDate = date.withFill("FFC7CE").withFontColor("9C0006");
        Sheet sheet = new Sheet("整改台账")
                .cell(0, 0, TITLE, title)
                .merge(0, 0, 0, HEADERS.length - 1)
                .rowHeight(0, 30)
                .freezeRows(2);
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.cell(1, c, HEADERS[c], header).columnWidth(c, c == 2 || c == 7 ? 40 : 12);
        }
        for (int i = 1; i <= 20; i++) {
            boolean late = i % 7 == 0;
            Style s = late ? overdue : cell;
            Style d = late ? overdueDate : date;
            int row = i + 1;
            sheet.cell(row, 0, i, s)
                    .cell(row, 1, i % 2 == 0 ? "巡视反馈" : "巡察反馈", s)
                    .cell(row, 2, "第" + i + "项问题：\n制度执行不到位 & <落实>不力", s)
                    .cell(row, 3, "清源市第" + i + "中学", s)
                    .cell(row, 4, "张三", s)
                    .cell(row, 5, LocalDate.of(2024, 3, 31).plusDays(i), d)
                    .cell(row, 6, late ? null : LocalDate.of(2024, 3, 1).plusDays(i), d)
                    .cell(row, 7, "建立台账，逐项销号", s)
                    .cell(row, 8, i * 0.05, s)
                    .cell(row, 9, !late, s)
                    .cell(row, 10, null, s);
        }
        return new Workbook().add(sheet).add(new Sheet("说明").cell(0, 0, "导出自清廉门户"));
    }

    @Test
    public void aLedgerSurvivesTheRoundTrip() throws IOException {
        Workbook back = TestZips.read(TestZips.write(ledger()));

        assertEquals(List.of("整改台账", "说明"), back.sheets().stream().map(Sheet::name).toList());
        Sheet s = back.sheet("整改台账");
        assertEquals(TITLE, s.value(0, 0));
        assertEquals(List.of(new Range(0, 0, 0, 10)), s.merges());
        assertEquals("A1:K1", s.merges().get(0).ref());
        assertTrue(s.style(0, 0).bold());
        assertEquals(16, s.style(0, 0).fontSize(), 0);
        assertEquals(Style.Horizontal.CENTER, s.style(0, 0).horizontal());
        assertEquals("序号", s.value(1, 0));
        assertEquals("备注", s.value(1, 10));
        assertEquals("D9E1F2", s.style(1, 0).fill());
        assertEquals(21, s.lastRow());
        assertEquals(10, s.lastColumn());
        assertEquals(2, s.frozenRows());
        assertEquals(30, s.rowHeights().get(0), 0);
        assertEquals(40, s.columnWidths().get(2), 0);

        assertEquals(1L, s.value(2, 0));
        assertEquals(20L, s.value(21, 0));
        assertEquals("第3项问题：\n制度执行不到位 & <落实>不力", s.value(4, 2));
        assertEquals(LocalDate.of(2024, 4, 1), s.value(2, 5));
        assertEquals(CHINESE_DATE, s.style(2, 5).dateFormat());
        assertEquals(0.15, (Double) s.value(4, 8), 1e-12);
        assertEquals(Boolean.TRUE, s.value(2, 9));
        assertNull(s.value(2, 10));
        assertTrue("an empty cell keeps its border", s.style(2, 10).border());
        assertTrue(s.style(2, 2).wrap());
        assertTrue(s.style(2, 2).border());
        assertNull(s.style(2, 2).fill());

        // Row 7 (i = 7) is overdue: highlighted, no completion date, not done.
        int late = 8;
        for (int c = 0; c <= 10; c++) {
            assertEquals("FFC7CE", s.style(late, c).fill());
            assertEquals("9C0006", s.style(late, c).fontColor());
        }
        assertNull(s.value(late, 6));
        assertEquals(Boolean.FALSE, s.value(late, 9));
        assertEquals(LocalDate.of(2024, 4, 7), s.value(late, 5));
        assertEquals("导出自清廉门户", back.sheet("说明").value(0, 0));
    }

    @Test
    public void writingTwiceGivesTheSameBytes() throws IOException {
        byte[] first = TestZips.write(ledger());
        byte[] second = TestZips.write(ledger());
        assertArrayEquals(first, second);
    }

    @Test
    public void thePartsAreWhereExcelLooksForThem() throws IOException {
        Map<String, String> parts = TestZips.entries(TestZips.write(ledger()));
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml"), List.copyOf(parts.keySet()));
        for (String xml : parts.values()) {
            assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
        }
        String types = parts.get("[Content_Types].xml");
        assertTrue(types.contains("PartName=\"/xl/worksheets/sheet2.xml\""));
        String styles = parts.get("xl/styles.xml");
        assertTrue(styles.contains("<fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill>"));
        assertTrue(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"));
        // Default, title, header, cell, date, overdue, overdue date, and the overdue date style of the
        // empty completion dates, which loses its date format: eight styles for 250 cells.
        assertEquals(8, count(styles, "<xf ") - 1);
        assertEquals(8, Integer.parseInt(find(styles, "<cellXfs count=\"(\\d+)\"")));
        assertEquals(Integer.parseInt(find(styles, "<fonts count=\"(\\d+)\"")), count(styles, "<font>"));
        assertEquals(Integer.parseInt(find(styles, "<fills count=\"(\\d+)\"")), count(styles, "<fill>"));

        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<dimension ref=\"A1:K22\"/>"));
        assertTrue(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
        assertTrue(sheet.contains("<mergeCells count=\"1\"><mergeCell ref=\"A1:K1\"/></mergeCells>"));
        assertTrue(sheet.contains("<col min=\"3\" max=\"3\" width=\"40\" customWidth=\"1\"/>"));
        assertTrue(sheet.contains("<row r=\"1\" ht=\"30\" customHeight=\"1\">"));
        assertTrue("text is shared, not inline", sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"));
        assertFalse(sheet.contains("inlineStr"));
        // 2024-04-01 is serial 45383.
        assertTrue(sheet.contains("<c r=\"F3\" s=\"4\"><v>45383</v></c>"));
        assertTrue(order(sheet, "<sheetViews>", "<cols>", "<sheetData>", "<mergeCells", "<pageMargins"));

        String strings = parts.get("xl/sharedStrings.xml");
        assertTrue(strings.contains("<si><t xml:space=\"preserve\">第1项问题：\n制度执行不到位 &amp; &lt;落实&gt;不力</t></si>"));
        String unique = find(strings, "uniqueCount=\"(\\d+)\"");
        assertEquals(Integer.parseInt(unique), count(strings, "<si>"));
        assertTrue(parts.get("xl/workbook.xml").contains("<sheet name=\"整改台账\" sheetId=\"1\" r:id=\"rId1\"/>"));
    }

    @Test
    public void textIsEscapedAndCharactersXmlForbidsAreDropped() throws IOException {
        Sheet sheet = new Sheet("S")
                .cell(0, 0, "a\u0001b\u0008c\u001Fd\uFFFEe\uD800f", null)
                .cell(0, 1, "tab\there\r\nnext", null)
                .cell(0, 2, "literal _x0041_ stays", null)
                .cell(0, 3, "emoji \uD83D\uDE00 kept", null)
                .cell(0, 4, "  spaces  ", null)
                .cell(0, 5, "\"quotes\" & 'apostrophes' ]]>", null);
        byte[] xlsx = TestZips.write(new Workbook().add(sheet));
        String strings = TestZips.entries(xlsx).get("xl/sharedStrings.xml");
        assertTrue(strings.contains("<t>abcdef</t>"));
        assertTrue(strings.contains("tab\there&#13;\nnext"));
        assertTrue(strings.contains("literal _x005F_x0041_ stays"));
        Sheet back = TestZips.read(xlsx).sheets().get(0);
        assertEquals("abcdef", back.value(0, 0));
        assertEquals("tab\there\r\nnext", back.value(0, 1));
        assertEquals("literal _x0041_ stays", back.value(0, 2));
        assertEquals("emoji \uD83D\uDE00 kept", back.value(0, 3));
        assertEquals("  spaces  ", back.value(0, 4));
        assertEquals("\"quotes\" & 'apostrophes' ]]>", back.value(0, 5));
    }

    @Test
    public void sheetNamesAreMadeAcceptableToExcel() {
        assertEquals("a_b_c_d_e_f_g_", new Sheet("a[b]c:d*e?f/g\\").name());
        assertEquals("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", new Sheet(
                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十").name());
        assertEquals(31, new Sheet("x".repeat(40)).name().length());
        assertEquals("_quoted_", new Sheet("'quoted'").name());
        assertEquals("Sheet1", new Sheet("  ").name());
        assertEquals("Sheet1", new Sheet(null).name());
        Workbook wb = new Workbook().add(new Sheet("台账"));
        assertThrows(IllegalArgumentException.class, () -> wb.add(new Sheet("台账")));
        assertThrows(IllegalArgumentException.class, () -> new Workbook().add(new Sheet("Data")).add(new Sheet("DATA")));
        assertEquals("Data", new Workbook().add(new Sheet("Data")).sheet("data").name());
        assertNull(wb.sheet("nothing"));
    }

    @Test
    public void datesAreExcelSerialNumbers() throws IOException {
        assertEquals(1, XlsxWriter.serial(LocalDate.of(1900, 1, 1)));
        assertEquals(59, XlsxWriter.serial(LocalDate.of(1900, 2, 28)));
        assertEquals(61, XlsxWriter.serial(LocalDate.of(1900, 3, 1)));
        assertEquals(45292, XlsxWriter.serial(LocalDate.of(2024, 1, 1)));
        assertEquals(2958465, XlsxWriter.serial(LocalDate.of(9999, 12, 31)));
        Sheet sheet = new Sheet("D");
        LocalDate[] dates = {LocalDate.of(1900, 1, 1), LocalDate.of(1900, 2, 28), LocalDate.of(1900, 3, 1),
            LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31)};
        for (int i = 0; i < dates.length; i++) {
            sheet.cell(i, 0, dates[i], null);
        }
        sheet.cell(9, 0, LocalDate.of(1899, 12, 31), null);
        sheet.cell(10, 0, 42, Style.DEFAULT.withDateFormat(CHINESE_DATE));
        Sheet back = TestZips.read(TestZips.write(new Workbook().add(sheet))).sheets().get(0);
        for (int i = 0; i < dates.length; i++) {
            assertEquals(dates[i], back.value(i, 0));
            assertEquals("yyyy-mm-dd", back.style(i, 0).dateFormat());
        }
        assertEquals("a date Excel cannot show is written as text", "1899-12-31", back.value(9, 0));
        assertEquals("a date format applies to dates only", 42L, back.value(10, 0));
        assertNull(back.style(10, 0).dateFormat());
    }

    @Test
    public void numbersAreWrittenPlainly() {
        assertEquals("42", XlsxWriter.number(42));
        assertEquals("-7", XlsxWriter.number(-7L));
        assertEquals("3", XlsxWriter.number(3.0));
        assertEquals("0", XlsxWriter.number(-0.0));
        assertEquals("0.1", XlsxWriter.number(0.1));
        assertEquals("0.1", XlsxWriter.number(0.1f));
        assertEquals("1.5E-7", XlsxWriter.number(1.5e-7));
        assertEquals("1.0E20", XlsxWriter.number(1e20));
        assertEquals("1234.5", XlsxWriter.number(new BigDecimal("1234.500")));
        assertEquals("100", XlsxWriter.number(new BigDecimal("1E+2")));
        assertEquals("0", XlsxWriter.number(new BigDecimal("0.000")));
    }

    @Test
    public void cellsAreCheckedWhenSet() {
        Sheet sheet = new Sheet("S");
        assertThrows(IllegalArgumentException.class, () -> sheet.cell(-1, 0, "x", null));
        assertThrows(IllegalArgumentException.class, () -> sheet.cell(0, Range.MAX_COLUMNS, "x", null));
        assertThrows(IllegalArgumentException.class, () -> sheet.cell(Range.MAX_ROWS, 0, "x", null));
        assertThrows(IllegalArgumentException.class, () -> sheet.cell(0, 0, Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> sheet.cell(0, 0, new Object(), null));
        assertThrows(IllegalArgumentException.class, () -> sheet.cell(0, 0, "x".repeat(32_768), null));
        assertThrows(IllegalArgumentException.class, () -> Style.DEFAULT.withFill("red"));
        assertEquals("FFC7CE", Style.DEFAULT.withFill("#ffc7ce").fill());
        assertEquals("FFC7CE", Style.DEFAULT.withFill("FFFFC7CE").fill());
        sheet.merge(0, 0, 0, 3).merge(2, 2, 2, 2);
        assertEquals("a single cell is not merged", 1, sheet.merges().size());
        assertThrows(IllegalArgumentException.class, () -> sheet.merge(0, 3, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> sheet.merge(1, 1, 0, 0));
        assertEquals(-1, sheet.lastRow());
        assertEquals(-1, sheet.lastColumn());
        sheet.cell(3, 5, "x", null).cell(3, 5, null, null);
        assertEquals("a null value in the default style clears the cell", -1, sheet.lastRow());
        assertEquals(0, sheet.cellCount());
        assertThrows(IllegalArgumentException.class, () -> XlsxWriter.write(new Workbook(), OutputStream.nullOutputStream()));
    }

    @Test
    public void cellReferences() {
        assertEquals("A1", Range.cellRef(0, 0));
        assertEquals("AA10", Range.cellRef(9, 26));
        assertEquals("AZ1", Range.cellRef(0, 51));
        assertEquals("BA1", Range.cellRef(0, 52));
        assertEquals("XFD1048576", Range.cellRef(Range.MAX_ROWS - 1, Range.MAX_COLUMNS - 1));
        assertEquals(new Range(0, 0, 0, 10), Range.of("A1:K1"));
        assertEquals(new Range(9, 26, 9, 26), Range.of("$AA$10"));
        assertEquals("B3", Range.of("b3").ref());
        assertThrows(IllegalArgumentException.class, () -> Range.of("A0"));
        assertThrows(IllegalArgumentException.class, () -> Range.of("XFE1"));
        assertThrows(IllegalArgumentException.class, () -> Range.of("1A"));
        assertThrows(IllegalArgumentException.class, () -> Range.of("B2:A1"));
    }

    /** Leaves a sample in target/ for checking by hand in Excel, WPS or LibreOffice. */
    @Test
    public void leavesASampleForCheckingByHand() throws IOException {
        Path target = Paths.get("target");
        Files.createDirectories(target);
        try (OutputStream out = Files.newOutputStream(target.resolve("sheet-sample.xlsx"))) {
            XlsxWriter.write(ledger(), out);
        }
        assertTrue(Files.size(target.resolve("sheet-sample.xlsx")) > 1000);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String find(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        assertTrue(regex, m.find());
        return m.group(1);
    }

    private static boolean order(String s, String... parts) {
        int at = -1;
        for (String p : parts) {
            int i = s.indexOf(p);
            if (i <= at) {
                return false;
            }
            at = i;
        }
        return true;
    }
}
