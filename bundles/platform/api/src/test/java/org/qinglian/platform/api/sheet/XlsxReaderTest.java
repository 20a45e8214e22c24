package org.qinglian.platform.api.sheet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Test;

public class XlsxReaderTest {

    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    private static final String MAIN = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG = "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"";

    /** The parts of a workbook as Excel saves one, with the quirks other programs add. */
    private static Map<String, String> excelLikeParts() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("[Content_Types].xml", DECL + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "</Types>");
        p.put("_rels/.rels", DECL + "<Relationships " + PKG + ">"
                + "<Relationship Id=\"rId3\" Type=\"" + REL + "/extended-properties\" Target=\"docProps/app.xml\"/>"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        p.put("xl/workbook.xml", DECL + "<workbook " + MAIN + " xmlns:r=\"" + REL + "\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x15\">"
                + "<fileVersion appName=\"xl\" lastEdited=\"7\" lowestEdited=\"7\" rupBuild=\"27328\"/>"
                + "<workbookPr defaultThemeVersion=\"166925\"/>"
                + "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\"/></bookViews>"
                + "<sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"空表\" sheetId=\"3\" r:id=\"rId2\"/>"
                + "<sheet name=\"图表\" sheetId=\"4\" r:id=\"rId7\"/></sheets>"
                + "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">台账!$1:$2</definedName></definedNames>"
                + "<calcPr calcId=\"191029\"/></workbook>");
        p.put("xl/_rels/workbook.xml.rels", DECL + "<Relationships " + PKG + ">"
                + "<Relationship Id=\"rId3\" Type=\"" + REL + "/theme\" Target=\"theme/theme1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId7\" Type=\"" + REL + "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId5\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"" + REL + "/styles\" Target=\"./styles.xml\"/>"
                + "<Relationship Id=\"rId9\" Type=\"" + REL + "/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
                + "</Relationships>");
        p.put("xl/theme/theme1.xml", DECL + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office\">"
                + "<a:themeElements><a:clrScheme name=\"Office\">"
                + "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>"
                + "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>"
                + "<a:dk2><a:srgbClr val=\"44546A\"/></a:dk2><a:lt2><a:srgbClr val=\"E7E6E6\"/></a:lt2>"
                + "<a:accent1><a:srgbClr val=\"4472C4\"/></a:accent1><a:accent2><a:srgbClr val=\"ED7D31\"/></a:accent2>"
                + "</a:clrScheme></a:themeElements></a:theme>");
        p.put("xl/sharedStrings.xml", DECL + "<sst " + MAIN + " count=\"7\" uniqueCount=\"6\">"
                + "<si><t>序号</t></si>"
                + "<si><r><rPr><b/><sz val=\"16\"/><color rgb=\"FFFF0000\"/><rFont val=\"宋体\"/><family val=\"3\"/>"
                + "<charset val=\"134\"/></rPr><t>清源市</t></r><r><rPr><sz val=\"16\"/><rFont val=\"宋体\"/></rPr>"
                + "<t xml:space=\"preserve\"> 纪委监委 </t></r><r><t>巡视巡察整改台账</t></r></si>"
                + "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t xml:space=\"preserve\">  前后空格  </t></si>"
                + "<si><t>第一行_x000D_\n第二行</t></si>"
                + "<si><t/></si>"
                + "</sst>");
        p.put("xl/styles.xml", DECL + "<styleSheet " + MAIN + ">"
                + "<numFmts count=\"2\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@\"/>"
                + "<numFmt numFmtId=\"177\" formatCode=\"#,##0.00_);[Red]\\(#,##0.00\\)\"/></numFmts>"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"等线\"/><family val=\"2\"/>"
                + "<charset val=\"134\"/><scheme val=\"minor\"/></font>"
                + "<font><b/><sz val=\"12\"/><color rgb=\"FF9C0006\"/><name val=\"宋体\"/></font></fonts>"
                + "<fills count=\"5\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFC7CE\"/><bgColor indexed=\"64\"/></patternFill></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor theme=\"4\" tint=\"0.79998168889431442\"/>"
                + "<bgColor indexed=\"64\"/></patternFill></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"13\"/></patternFill></fill></fills>"
                + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
                + "<border><left style=\"thin\"><color indexed=\"64\"/></left><right style=\"thin\"><color indexed=\"64\"/></right>"
                + "<top style=\"thin\"><color indexed=\"64\"/></top><bottom style=\"thin\"><color indexed=\"64\"/></bottom>"
                + "<diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\"/></cellStyleXfs>"
                + "<cellXfs count=\"7\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\">"
                + "<alignment vertical=\"center\"/></xf>"
                + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\""
                + " applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
                + "<xf numFmtId=\"176\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"177\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"31\" fontId=\"0\" fillId=\"4\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"><alignment horizontal=\"general\"/></xf>"
                + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "<dxfs count=\"1\"><dxf><font><b/><color rgb=\"FF006100\"/></font><fill><patternFill>"
                + "<bgColor rgb=\"FFC6EFCE\"/></patternFill></fill></dxf></dxfs>"
                + "<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>"
                + "</styleSheet>");
        p.put("xl/worksheets/sheet1.xml", DECL + "<worksheet " + MAIN + " xmlns:r=\"" + REL + "\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                + " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" mc:Ignorable=\"x14ac\">"
                + "<dimension ref=\"A1:E5\"/>"
                + "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
                + "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"B4\" sqref=\"B4\"/></sheetView></sheetViews>"
                + "<sheetFormatPr defaultRowHeight=\"14.25\" x14ac:dyDescent=\"0.2\"/>"
                + "<cols><col min=\"1\" max=\"1\" width=\"8.625\" customWidth=\"1\"/>"
                + "<col min=\"2\" max=\"3\" width=\"20.5\" customWidth=\"1\"/>"
                + "<col min=\"4\" max=\"16384\" width=\"9\" style=\"6\"/></cols>"
                + "<sheetData>"
                + "<row r=\"1\" spans=\"1:5\" ht=\"30\" customHeight=\"1\" x14ac:dyDescent=\"0.2\">"
                + "<c r=\"A1\" s=\"2\" t=\"s\"><v>1</v></c><c r=\"B1\" s=\"2\"/><c r=\"E1\" s=\"2\"/></row>"
                + "<row r=\"2\" spans=\"1:5\"><c r=\"A2\" t=\"s\"><v>0</v></c><c t=\"s\"><v>2</v></c>"
                + "<c t=\"inlineStr\"><is><t>内联文本</t></is></c>"
                + "<c r=\"E2\" t=\"inlineStr\"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\" s=\"1\"><v>45292</v></c>"
                + "<c r=\"C3\" s=\"3\"><v>45300.75</v></c><c r=\"D3\" t=\"str\"><f>A3&amp;\"号\"</f><v>1号</v></c>"
                + "<c r=\"E3\" t=\"b\"><v>1</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\"><v>2.5</v></c><c r=\"B4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"C4\" s=\"5\"><v>45351</v></c><c r=\"D4\" s=\"4\"><v>1234.5</v></c><c r=\"E4\"><v>1E3</v></c></row>"
                + "<row><c><v>-7</v></c><c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c><c t=\"s\"><v>5</v></c>"
                + "<c><f>SUM(A3:A4)</f></c><c r=\"G5\"><v>12345678901234567</v></c></row>"
                + "<row r=\"7\" ht=\"12\"><c r=\"A7\" t=\"n\"><v>0.1</v></c><c r=\"B7\" t=\"d\"><v>2024-05-06T00:00:00</v></c>"
                + "<c r=\"C7\" t=\"b\"><v>0</v></c><c r=\"D7\" t=\"str\"><v>_x0041_B</v></c></row>"
                + "</sheetData>"
                + "<mergeCells count=\"2\"><mergeCell ref=\"A1:E1\"/><mergeCell ref=\"C1:D1\"/></mergeCells>"
                + "<phoneticPr fontId=\"1\" type=\"noConversion\"/>"
                + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" orientation=\"landscape\" r:id=\"rId1\"/>"
                + "</worksheet>");
        p.put("xl/worksheets/sheet2.xml", DECL + "<worksheet " + MAIN + "><dimension ref=\"A1\"/>"
                + "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData/></worksheet>");
        p.put("xl/chartsheets/sheet1.xml", DECL + "<chartsheet " + MAIN + "/>");
        p.put("xl/media/image1.png", "not really a png");
        return p;
    }

    @Test
    public void readsWhatExcelAndLibreOfficeSave() throws IOException {
        Workbook wb = TestZips.read(TestZips.zip(excelLikeParts()));

        assertEquals("the chart sheet has no cells and is left out", List.of("台账", "空表"),
                wb.sheets().stream().map(Sheet::name).toList());
        assertEquals(-1, wb.sheet("空表").lastRow());
        Sheet s = wb.sheet("台账");

        assertEquals("rich-text runs are joined", "清源市 纪委监委 巡视巡察整改台账", s.value(0, 0));
        Style title = s.style(0, 0);
        assertTrue(title.bold());
        assertEquals(12, title.fontSize(), 0);
        assertEquals("FFC7CE", title.fill());
        assertEquals("9C0006", title.fontColor());
        assertTrue(title.border());
        assertTrue(title.wrap());
        assertEquals(Style.Horizontal.CENTER, title.horizontal());
        assertEquals(Style.Vertical.CENTER, title.vertical());
        assertNull("styled blank", s.value(0, 1));
        assertEquals("FFC7CE", s.style(0, 4).fill());
        assertEquals("the overlapping merge is left out", List.of(Range.of("A1:E1")), s.merges());

        assertEquals("序号", s.value(1, 0));
        assertEquals("a cell without r follows the one before; phonetic runs are left out", "漢字", s.value(1, 1));
        assertEquals("内联文本", s.value(1, 2));
        assertNull(s.value(1, 3));
        assertEquals("富文本", s.value(1, 4));

        assertEquals(1L, s.value(2, 0));
        assertEquals("built-in format 14 is a date", LocalDate.of(2024, 1, 1), s.value(2, 1));
        assertEquals("mm-dd-yy", s.style(2, 1).dateFormat());
        assertEquals("the time of day is dropped", LocalDate.of(2024, 1, 9), s.value(2, 2));
        assertEquals("yyyy\"年\"m\"月\"d\"日\";@", s.style(2, 2).dateFormat());
        assertEquals("1号", s.value(2, 3));
        assertEquals(Boolean.TRUE, s.value(2, 4));

        assertEquals(2.5, s.value(3, 0));
        assertEquals("#DIV/0!", s.value(3, 1));
        assertEquals("built-in Chinese format 31 is a date", LocalDate.of(2024, 2, 29), s.value(3, 2));
        assertEquals("yyyy\"年\"m\"月\"d\"日\"", s.style(3, 2).dateFormat());
        assertEquals("indexed colour 13 is yellow", "FFFF00", s.style(3, 2).fill());
        assertEquals("a [Red] number format is not a date", 1234.5, s.value(3, 3));
        assertNull(s.style(3, 3).dateFormat());
        assertEquals("theme colour accent 1, lighter 80%", "DAE3F3", s.style(3, 3).fill());
        assertEquals(1000L, s.value(3, 4));

        assertEquals("a row without r follows the one before", -7L, s.value(4, 0));
        assertEquals("  前后空格  ", s.value(4, 1));
        assertEquals("第一行\r\n第二行", s.value(4, 2));
        assertEquals("", s.value(4, 3));
        assertNull("a formula without a cached value", s.value(4, 4));
        assertEquals(12345678901234567L, s.value(4, 6));

        assertEquals(0.1, s.value(6, 0));
        assertEquals(LocalDate.of(2024, 5, 6), s.value(6, 1));
        assertEquals(Boolean.FALSE, s.value(6, 2));
        assertEquals("AB", s.value(6, 3));

        assertEquals(Style.Vertical.CENTER, s.style(6, 0).vertical());
        assertFalse(s.style(6, 0).bold());
        assertEquals(2, s.frozenRows());
        assertEquals(Map.of(0, 8.625, 1, 20.5, 2, 20.5), s.columnWidths());
        assertEquals("only custom heights", Map.of(0, 30.0), s.rowHeights());
        assertEquals(6, s.lastRow());
        assertEquals(6, s.lastColumn());
    }

    /**
     * The sample of {@link XlsxWriterTest#ledger()} opened and saved again by LibreOffice 7.4
     * ({@code soffice --headless --convert-to xlsx}), which rewrites every part in its own way.
     */
    @Test
    public void readsALedgerLibreOfficeSavedAgain() throws IOException {
        Workbook wb = resource("libreoffice-saved.xlsx");
        assertEquals(List.of("整改台账", "说明"), wb.sheets().stream().map(Sheet::name).toList());
        Sheet s = wb.sheet("整改台账");
        assertEquals(XlsxWriterTest.TITLE, s.value(0, 0));
        assertTrue(s.style(0, 0).bold());
        assertEquals(16, s.style(0, 0).fontSize(), 0);
        assertEquals(List.of(new Range(0, 0, 0, 10)), s.merges());
        assertEquals("序号", s.value(1, 0));
        assertEquals("D9E1F2", s.style(1, 0).fill());
        assertEquals(1L, s.value(2, 0));
        assertEquals("第1项问题：\n制度执行不到位 & <落实>不力", s.value(2, 2));
        assertEquals(LocalDate.of(2024, 4, 1), s.value(2, 5));
        assertEquals("LibreOffice escapes the literal text", "yyyy\\年m\\月d\\日", s.style(2, 5).dateFormat());
        assertEquals(0.05, s.value(2, 8));
        assertEquals(Boolean.TRUE, s.value(2, 9));
        assertTrue(s.style(2, 10).border());
        assertTrue(s.style(2, 2).wrap());
        for (int c = 0; c <= 10; c++) {
            assertEquals("the overdue row is highlighted", "FFC7CE", s.style(8, c).fill());
        }
        assertEquals(LocalDate.of(2024, 4, 7), s.value(8, 5));
        assertNull(s.value(8, 6));
        assertEquals(Boolean.FALSE, s.value(8, 9));
        assertEquals(20L, s.value(21, 0));
        assertEquals(21, s.lastRow());
        assertEquals(30, s.rowHeights().get(0), 0);
        assertEquals(40, s.columnWidths().get(2), 0);
        assertEquals("导出自清廉门户", wb.sheet("说明").value(0, 0));
    }

    /** A CSV file that LibreOffice 7.4 imported and saved as .xlsx, as users make their import files. */
    @Test
    public void readsACsvFileLibreOfficeSavedAsXlsx() throws IOException {
        Sheet s = resource("libreoffice-from-csv.xlsx").sheets().get(0);
        assertEquals(List.of("序号", "姓名", "单位", "金额", "日期", "完成"), row(s, 0));
        assertEquals(List.of(1L, "张三", "清源市纪委", 1234.5, LocalDate.of(2024, 3, 1), true), row(s, 1));
        assertEquals("rich-text runs are joined", List.of(2L, "李四, 王五", "巡察办", 88L, LocalDate.of(2024, 12, 31),
                false), row(s, 2));
        assertEquals(Arrays.asList(3L, "多行\n文本", null, 0.1, null, null), row(s, 3));
        assertEquals(3, s.lastRow());
        assertEquals(5, s.lastColumn());
    }

    private Workbook resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertNotNull(name, in);
            return XlsxReader.read(in);
        }
    }

    private static List<Object> row(Sheet s, int row) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c <= s.lastColumn(); c++) {
            values.add(s.value(row, c));
        }
        return values;
    }

    @Test
    public void whatIsNotAnXlsxFileIsRefusedWithAClearMessage() throws IOException {
        assertRefused(new byte[0], "not a zip archive");
        assertRefused("序号,姓名\n1,张三\n".getBytes(StandardCharsets.UTF_8), "not a zip archive");
        assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, "old Excel 97-2003 .xls");
        assertRefused(TestZips.zip(Map.of("hello.txt", "hello")), "no workbook");
        assertRefused(TestZips.zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content/>")), "OpenDocument");
        Map<String, String> docx = new LinkedHashMap<>();
        docx.put("_rels/.rels", "<Relationships " + PKG + "><Relationship Id=\"rId1\" Type=\"" + REL
                + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        docx.put("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        assertRefused(TestZips.zip(docx), "its main part is a document");
        byte[] good = TestZips.write(XlsxWriterTest.ledger());
        assertRefused(Arrays.copyOf(good, good.length / 2), "damaged");

        Map<String, String> broken = excelLikeParts();
        broken.put("xl/worksheets/sheet1.xml", "<worksheet " + MAIN + "><sheetData><row>");
        assertRefused(TestZips.zip(broken), "xl/worksheets/sheet1.xml is not well-formed XML");
        broken = excelLikeParts();
        broken.remove("xl/sharedStrings.xml");
        assertRefused(TestZips.zip(broken), "names shared string 1, which does not exist");
        broken = excelLikeParts();
        broken.remove("xl/worksheets/sheet2.xml");
        assertRefused(TestZips.zip(broken), "the part of sheet 空表 is missing");
    }

    @Test
    public void aDtdIsRefusedAndNoEntityIsResolved() throws IOException {
        Path secret = Files.createTempFile("xxe", ".txt");
        try {
            Files.writeString(secret, "TOP-SECRET-VALUE");
            String dtd = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
            Map<String, String> sheetXxe = excelLikeParts();
            sheetXxe.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?>" + dtd + "<worksheet " + MAIN + ">"
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>"
                    + "</worksheet>");
            IOException e = assertRefused(TestZips.zip(sheetXxe), "has a DTD");
            assertFalse(e.getMessage().contains("TOP-SECRET"));

            Map<String, String> stringsXxe = excelLikeParts();
            stringsXxe.put("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \""
                    + secret.toUri() + "\">]><sst " + MAIN + "><si><t>&xxe;</t></si></sst>");
            assertRefused(TestZips.zip(stringsXxe), "has a DTD");

            Map<String, String> laughs = excelLikeParts();
            laughs.put("xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\">"
                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    + "<workbook " + MAIN + "><sheets><sheet name=\"&c;\" sheetId=\"1\" r:id=\"rId1\""
                    + " xmlns:r=\"" + REL + "\"/></sheets></workbook>");
            assertRefused(TestZips.zip(laughs), "has a DTD");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    public void aZipBombIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 51; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertTrue("the bomb is small packed", bytes.size() < 1 << 20);
        assertRefused(bytes.toByteArray(), "unpacks to more than 50 MB");
    }

    @Test
    public void tooManyCellsAreRefused() throws IOException {
        Map<String, String> parts = excelLikeParts();
        StringBuilder sheet = new StringBuilder("<worksheet " + MAIN + "><sheetData>");
        String row = "<row>" + "<c/>".repeat(10_000) + "</row>";
        for (int i = 0; i <= XlsxReader.MAX_CELLS / 10_000; i++) {
            sheet.append(row);
        }
        parts.put("xl/worksheets/sheet2.xml", sheet.append("</sheetData></worksheet>").toString());
        assertRefused(TestZips.zip(parts), "more than 1000000 cells");
    }

    @Test
    public void dateFormatsAreRecognised() {
        for (String f : List.of("yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "YYYY\\-MM\\-DD", "[$-804]yyyy年m月d日",
                "m/d/yy h:mm", "[h]:mm:ss", "d-mmm", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "yyyy年m月")) {
            assertTrue(f, XlsxReader.isDateFormat(f));
        }
        for (String f : List.of("General", "0.00", "#,##0.00_);[Red]\\(#,##0.00\\)", "0.00E+00", "@", "0\"月\"",
                "\"yyyy\"0", "[Red]0", "0_m", "0\\d", "0*y", "¥#,##0.00")) {
            assertFalse(f, XlsxReader.isDateFormat(f));
        }
    }

    @Test
    public void themeTintsLightenAndDarken() {
        assertEquals("4472C4", XlsxReader.tint("4472C4", 0));
        assertEquals("FFFFFF", XlsxReader.tint("4472C4", 1));
        assertEquals("000000", XlsxReader.tint("4472C4", -1));
        assertEquals("808080", XlsxReader.tint("FFFFFF", -0.4980392156862745));
    }

    @Test
    public void theCallersStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(TestZips.write(XlsxWriterTest.ledger())) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        XlsxReader.read(in);
        assertFalse(closed[0]);
    }

    private static IOException assertRefused(byte[] file, String message) {
        XlsxFormatException e = assertThrows(XlsxFormatException.class,
                () -> XlsxReader.read(new ByteArrayInputStream(file)));
        assertTrue("expected \"" + message + "\" in: " + e.getMessage(), e.getMessage().contains(message));
        return e;
    }
}
