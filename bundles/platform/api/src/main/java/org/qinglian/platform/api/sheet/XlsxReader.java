package org.qinglian.platform.api.sheet;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an .xlsx file, as written by {@link XlsxWriter} or saved by Microsoft Excel, WPS or
 * LibreOffice, into a {@link Workbook}.
 *
 * <p>Cell values come back as:
 * <ul>
 * <li>{@link String} for text (shared, inline or rich text, whose runs are joined) and for error
 * values such as {@code #N/A};</li>
 * <li>{@link LocalDate} for a number whose format is a date format (the built-in ones and custom
 * formats with {@code y}, {@code m}, {@code d}, 年, 月 or 日 outside quotes and brackets); any time
 * of day is dropped;</li>
 * <li>{@link Long} for any other whole number up to 2<sup>53</sup>, so that a sequence number
 * reads as {@code 1}, not {@code 1.0};</li>
 * <li>{@link Double} for other numbers;</li>
 * <li>{@link Boolean} for booleans;</li>
 * <li>null for an empty cell. A formula gives its cached result, or null if it has none.</li>
 * </ul>
 * Each cell's style is read back as far as {@link Style} can say it: bold, font size and colour
 * (black text reads as automatic, null), solid fill colour (given as RGB, a palette index or a theme
 * colour), alignment, wrapping, a border on all four sides and the date format. Merged
 * ranges, custom column widths and row heights and frozen top rows are read too.
 *
 * <p>To be safe with uploaded files the reader refuses archives whose entries unpack to more than
 * {@value #MAX_UNCOMPRESSED_BYTES} bytes in all, workbooks of more than {@value #MAX_CELLS} cells,
 * and any XML part with a DTD; external entities are never resolved.
 */
public final class XlsxReader {

    /** The most bytes all entries of the archive may unpack to: 50 MB. */
    public static final long MAX_UNCOMPRESSED_BYTES = 50L * 1024 * 1024;
    /** The most cells a workbook may hold, over all its sheets. */
    public static final int MAX_CELLS = 1_000_000;

    private static final int MAX_ENTRIES = 10_000;
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    /** The last serial Excel can show as a date, 9999-12-31. */
    private static final double MAX_SERIAL = 2_958_465;
    private static final Map<Integer, String> BUILT_IN_DATE_FORMATS = builtInDateFormats();
    private static final String[] INDEXED_COLORS = {
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
        "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
        "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
        "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
        "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
        "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
    };
    /** The theme's colour slots in the order cells' {@code theme} indexes count them. */
    private static final List<String> THEME_SLOTS = List.of("lt1", "dk1", "lt2", "dk2", "accent1", "accent2",
            "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink");

    private final Map<String, byte[]> parts;
    private final Map<String, String> partsIgnoringCase = new HashMap<>();
    private final XMLInputFactory xml;
    private List<String> sharedStrings = List.of();
    private final List<Style> xfStyles = new ArrayList<>();
    private final Map<String, String> themeColors = new HashMap<>();
    private boolean date1904;
    private int cellCount;
    private String currentPart;

    private XlsxReader(Map<String, byte[]> parts) {
        this.parts = parts;
        for (String name : parts.keySet()) {
            partsIgnoringCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        xml = XMLInputFactory.newDefaultFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        xml.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
    }

    /**
     * Reads an .xlsx file from a stream. The stream is read to its end but not closed.
     *
     * @throws XlsxFormatException if the stream is not an .xlsx file (an old .xls, an encrypted
     *         workbook, an .ods or anything else), is damaged, is too large or holds a DTD
     * @throws IOException if the stream fails
     */
    public static Workbook read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return new XlsxReader(unzip(in)).readWorkbook();
    }

    // ---------------------------------------------------------------- archive

    private static Map<String, byte[]> unzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(8);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF && (magic[2] & 0xFF) == 0x11
                && (magic[3] & 0xFF) == 0xE0) {
            throw new XlsxFormatException("not an .xlsx file: it is an old Excel 97-2003 .xls file or a "
                    + "password-protected workbook; save it as .xlsx without a password");
        }
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new XlsxFormatException("not an .xlsx file: it is not a zip archive");
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(new FilterInputStream(buffered) {
            @Override
            public void close() {
                // the caller's stream stays open
            }
        });
        try (zip) {
            long total = 0;
            int entries = 0;
            byte[] chunk = new byte[8192];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new XlsxFormatException("not an .xlsx file: the archive has more than " + MAX_ENTRIES
                            + " entries");
                }
                String name = normalize(entry.getName());
                boolean keep = !entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels"));
                ByteArrayOutputStream data = keep ? new ByteArrayOutputStream() : null;
                for (int n = zip.read(chunk); n >= 0; n = zip.read(chunk)) {
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES) {
                        throw new XlsxFormatException("the workbook is too large: it unpacks to more than "
                                + MAX_UNCOMPRESSED_BYTES / (1024 * 1024) + " MB");
                    }
                    if (keep) {
                        data.write(chunk, 0, n);
                    }
                }
                if (keep) {
                    parts.putIfAbsent(name, data.toByteArray());
                }
            }
        } catch (ZipException | EOFException e) {
            throw new XlsxFormatException("not an .xlsx file: the zip archive is damaged or cut short ("
                    + e.getMessage() + ")", e);
        }
        return parts;
    }

    private static String normalize(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    private byte[] part(String name) {
        byte[] data = parts.get(name);
        if (data == null) {
            String actual = partsIgnoringCase.get(name.toLowerCase(Locale.ROOT));
            data = actual == null ? null : parts.get(actual);
        }
        return data;
    }

    // ---------------------------------------------------------------- package structure

    /** A relationship of a part: its type and the resolved name of its target. */
    private record Rel(String type, String target) {
        boolean is(String kind) {
            return type.endsWith("/" + kind);
        }
    }

    private Workbook readWorkbook() throws IOException {
        String workbookPart = null;
        for (Rel rel : readRels("").values()) {
            if (rel.is("officeDocument")) {
                workbookPart = rel.target();
                break;
            }
        }
        if (workbookPart == null || part(workbookPart) == null) {
            workbookPart = "xl/workbook.xml";
        }
        if (part(workbookPart) == null) {
            if (part("content.xml") != null) {
                throw new XlsxFormatException("not an .xlsx file: it is an OpenDocument (.ods) spreadsheet; "
                        + "save it as .xlsx");
            }
            throw new XlsxFormatException("not an .xlsx file: the archive has no workbook (xl/workbook.xml)");
        }
        Map<String, Rel> rels = readRels(workbookPart);
        List<String[]> sheetRefs = readWorkbookPart(workbookPart);
        for (Rel rel : rels.values()) {
            if (rel.is("theme") && part(rel.target()) != null) {
                readTheme(rel.target());
            }
        }
        for (Rel rel : rels.values()) {
            if (rel.is("styles") && part(rel.target()) != null) {
                readStyles(rel.target());
            }
        }
        for (Rel rel : rels.values()) {
            if (rel.is("sharedStrings") && part(rel.target()) != null) {
                sharedStrings = readSharedStrings(rel.target());
            }
        }
        Workbook workbook = new Workbook();
        for (String[] ref : sheetRefs) {
            Rel rel = rels.get(ref[1]);
            if (rel != null && !rel.is("worksheet")) {
                continue; // a chart sheet or macro sheet holds no cells
            }
            if (rel == null || part(rel.target()) == null) {
                throw new XlsxFormatException("damaged .xlsx file: the part of sheet " + ref[0] + " is missing");
            }
            Sheet sheet = readSheet(ref[0], rel.target());
            try {
                workbook.add(sheet);
            } catch (IllegalArgumentException e) {
                throw new XlsxFormatException("damaged .xlsx file: " + e.getMessage(), e);
            }
        }
        return workbook;
    }

    /** The relationships of a part ({@code ""} for the package), by id, targets resolved to part names. */
    private Map<String, Rel> readRels(String partName) throws IOException {
        int slash = partName.lastIndexOf('/');
        String dir = partName.substring(0, slash + 1);
        String relsName = dir + "_rels/" + partName.substring(slash + 1) + ".rels";
        Map<String, Rel> rels = new LinkedHashMap<>();
        if (part(relsName) == null) {
            return rels;
        }
        XMLStreamReader r = open(relsName);
        try {
            while (next(r) != XMLStreamConstants.END_DOCUMENT) {
                if (r.isStartElement() && "Relationship".equals(r.getLocalName())) {
                    String id = attr(r, "Id");
                    String type = attr(r, "Type");
                    String target = attr(r, "Target");
                    if (id != null && type != null && target != null && !"External".equals(attr(r, "TargetMode"))) {
                        rels.put(id, new Rel(type, resolve(dir, target)));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
        return rels;
    }

    /** A relationship's target as a part name: absolute ({@code /xl/...}) or relative to the source's folder. */
    private static String resolve(String dir, String target) {
        String t = percentDecode(target.replace('\\', '/'));
        String path = t.startsWith("/") ? t.substring(1) : dir + t;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || ".".equals(s)) {
                continue;
            }
            if ("..".equals(s)) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(s);
            }
        }
        return String.join("/", segments);
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int hi = i + 2 < s.length() && ch == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The sheets the workbook lists, as {name, relationship id}, and its date system. */
    private List<String[]> readWorkbookPart(String name) throws IOException {
        List<String[]> sheets = new ArrayList<>();
        XMLStreamReader r = open(name);
        try {
            boolean root = true;
            while (next(r) != XMLStreamConstants.END_DOCUMENT) {
                if (!r.isStartElement()) {
                    continue;
                }
                String local = r.getLocalName();
                if (root && !"workbook".equals(local)) {
                    throw new XlsxFormatException("not an .xlsx file: its main part is a " + local
                            + ", not a workbook");
                }
                root = false;
                if ("workbookPr".equals(local)) {
                    date1904 = bool(attr(r, "date1904"));
                } else if ("sheet".equals(local)) {
                    String sheetName = attr(r, "name");
                    String id = attr(r, "id");
                    if (sheetName == null || id == null) {
                        throw new XlsxFormatException("damaged .xlsx file: a sheet in " + name + " has no name or id");
                    }
                    sheets.add(new String[] {sheetName, id});
                }
            }
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
        return sheets;
    }

    // ---------------------------------------------------------------- shared strings

    private List<String> readSharedStrings(String name) throws IOException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader r = open(name);
        try {
            while (next(r) != XMLStreamConstants.END_DOCUMENT) {
                if (r.isStartElement() && "si".equals(r.getLocalName())) {
                    strings.add(richText(r, "si"));
                }
            }
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
        return strings;
    }

    /**
     * The text of a string item ({@code si} or {@code is}): its {@code t} or the {@code t} of each
     * rich-text run, joined; phonetic guides ({@code rPh}) are left out.
     */
    private String richText(XMLStreamReader r, String end) throws XMLStreamException, XlsxFormatException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("t".equals(r.getLocalName())) {
                    text.append(r.getElementText());
                } else if ("rPh".equals(r.getLocalName())) {
                    skip(r);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && end.equals(r.getLocalName())) {
                return XmlText.decodeCellText(text.toString());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document in <" + end + ">");
            }
        }
    }

    // ---------------------------------------------------------------- theme and styles

    private void readTheme(String name) throws IOException {
        XMLStreamReader r = open(name);
        try {
            boolean inScheme = false;
            String slot = null;
            while (next(r) != XMLStreamConstants.END_DOCUMENT) {
                if (r.isStartElement()) {
                    String local = r.getLocalName();
                    if ("clrScheme".equals(local)) {
                        inScheme = true;
                    } else if (inScheme && THEME_SLOTS.contains(local)) {
                        slot = local;
                    } else if (slot != null && "srgbClr".equals(local)) {
                        themeColors.putIfAbsent(slot, hex(attr(r, "val")));
                    } else if (slot != null && "sysClr".equals(local)) {
                        themeColors.putIfAbsent(slot, hex(attr(r, "lastClr")));
                    }
                } else if (r.isEndElement()) {
                    if ("clrScheme".equals(r.getLocalName())) {
                        inScheme = false;
                    } else if (r.getLocalName().equals(slot)) {
                        slot = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    /** One {@code font} of the style sheet. */
    private static final class Font {
        boolean bold;
        double size = 11;
        String color;
    }

    private void readStyles(String name) throws IOException {
        Map<Integer, String> numFmts = new HashMap<>();
        List<Font> fonts = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        List<Boolean> borders = new ArrayList<>();
        XMLStreamReader r = open(name);
        try {
            String section = "";
            Font font = null;
            String patternType = null;
            String fillColor = null;
            int sides = 0;
            int[] xf = null;
            String[] alignment = null;
            while (next(r) != XMLStreamConstants.END_DOCUMENT) {
                if (r.isStartElement()) {
                    String local = r.getLocalName();
                    switch (local) {
                        case "numFmts", "fonts", "fills", "borders", "cellXfs", "cellStyleXfs", "dxfs", "colors",
                                "extLst" -> section = local;
                        default -> {
                        }
                    }
                    switch (section + "/" + local) {
                        case "numFmts/numFmt" -> {
                            Integer id = integer(attr(r, "numFmtId"));
                            String code = attr(r, "formatCode");
                            if (id != null && code != null) {
                                numFmts.put(id, code);
                            }
                        }
                        case "fonts/font" -> font = new Font();
                        case "fonts/b" -> {
                            if (font != null) {
                                font.bold = attr(r, "val") == null || bool(attr(r, "val"));
                            }
                        }
                        case "fonts/sz" -> {
                            if (font != null) {
                                font.size = number(attr(r, "val"), 11);
                            }
                        }
                        case "fonts/color" -> {
                            String rgb = color(r);
                            if (font != null) {
                                font.color = "000000".equals(rgb) ? null : rgb;
                            }
                        }
                        case "fills/fill" -> {
                            patternType = null;
                            fillColor = null;
                        }
                        case "fills/patternFill" -> patternType = attr(r, "patternType");
                        case "fills/fgColor" -> fillColor = color(r);
                        case "borders/border" -> sides = 0;
                        case "borders/left", "borders/start" -> sides |= side(r, 1);
                        case "borders/right", "borders/end" -> sides |= side(r, 2);
                        case "borders/top" -> sides |= side(r, 4);
                        case "borders/bottom" -> sides |= side(r, 8);
                        case "cellXfs/xf" -> {
                            xf = new int[] {intAttr(r, "numFmtId"), intAttr(r, "fontId"), intAttr(r, "fillId"),
                                    intAttr(r, "borderId")};
                            alignment = new String[3];
                        }
                        case "cellXfs/alignment" -> alignment = new String[] {attr(r, "horizontal"),
                                attr(r, "vertical"), attr(r, "wrapText")};
                        default -> {
                        }
                    }
                } else if (r.isEndElement()) {
                    switch (section + "/" + r.getLocalName()) {
                        case "fonts/font" -> fonts.add(font);
                        case "fills/fill" -> fills.add(patternType != null && !"none".equals(patternType)
                                && !"gray125".equals(patternType) ? fillColor : null);
                        case "borders/border" -> borders.add(sides == 15);
                        case "cellXfs/xf" -> xfStyles.add(style(xf, alignment, numFmts, fonts, fills, borders));
                        default -> {
                            if (r.getLocalName().equals(section)) {
                                section = "";
                            }
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    private static Style style(int[] xf, String[] alignment, Map<Integer, String> numFmts, List<Font> fonts,
            List<String> fills, List<Boolean> borders) {
        Font font = xf[1] >= 0 && xf[1] < fonts.size() ? fonts.get(xf[1]) : new Font();
        String fill = xf[2] >= 0 && xf[2] < fills.size() ? fills.get(xf[2]) : null;
        boolean border = xf[3] >= 0 && xf[3] < borders.size() && borders.get(xf[3]);
        String code = numFmts.get(xf[0]);
        String dateFormat = code != null ? (isDateFormat(code) ? code : null) : BUILT_IN_DATE_FORMATS.get(xf[0]);
        Style.Horizontal horizontal = switch (String.valueOf(alignment[0])) {
            case "left" -> Style.Horizontal.LEFT;
            case "center", "centerContinuous" -> Style.Horizontal.CENTER;
            case "right" -> Style.Horizontal.RIGHT;
            default -> null;
        };
        Style.Vertical vertical = switch (String.valueOf(alignment[1])) {
            case "top" -> Style.Vertical.TOP;
            case "center" -> Style.Vertical.CENTER;
            default -> null;
        };
        double size = Math.max(1, Math.min(409, font.size));
        return new Style(font.bold, size, fill, font.color, horizontal, vertical, bool(alignment[2]), border,
                dateFormat);
    }

    private static int side(XMLStreamReader r, int bit) {
        String style = attr(r, "style");
        return style != null && !"none".equals(style) ? bit : 0;
    }

    /** A colour element's RGB: given as {@code rgb}, a palette index or a theme colour with a tint. */
    private String color(XMLStreamReader r) {
        String rgb = attr(r, "rgb");
        if (rgb != null) {
            return hex(rgb);
        }
        Integer indexed = integer(attr(r, "indexed"));
        if (indexed != null) {
            return indexed >= 0 && indexed < INDEXED_COLORS.length ? INDEXED_COLORS[indexed] : null;
        }
        Integer theme = integer(attr(r, "theme"));
        if (theme != null && theme >= 0 && theme < THEME_SLOTS.size()) {
            String base = themeColors.get(THEME_SLOTS.get(theme));
            return base == null ? null : tint(base, number(attr(r, "tint"), 0));
        }
        return null;
    }

    /** Six upper-case hex digits from an RGB or ARGB value, or null if it is neither. */
    private static String hex(String value) {
        if (value == null) {
            return null;
        }
        String h = value.length() == 8 ? value.substring(2) : value;
        if (h.length() != 6) {
            return null;
        }
        for (int i = 0; i < 6; i++) {
            char c = h.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        return h.toUpperCase(Locale.ROOT);
    }

    /** Lightens (tint above 0) or darkens (below 0) a colour in HLS space, as Excel does. */
    static String tint(String rgb, double tint) {
        if (tint == 0) {
            return rgb;
        }
        int v = Integer.parseInt(rgb, 16);
        double red = (v >> 16 & 0xFF) / 255.0;
        double green = (v >> 8 & 0xFF) / 255.0;
        double blue = (v & 0xFF) / 255.0;
        double max = Math.max(red, Math.max(green, blue));
        double min = Math.min(red, Math.min(green, blue));
        double l = (max + min) / 2;
        double h = 0;
        double s = 0;
        if (max != min) {
            double d = max - min;
            s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
            if (max == red) {
                h = (green - blue) / d + (green < blue ? 6 : 0);
            } else if (max == green) {
                h = (blue - red) / d + 2;
            } else {
                h = (red - green) / d + 4;
            }
            h /= 6;
        }
        l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        int r = (int) Math.round(hue(p, q, h + 1.0 / 3) * 255);
        int g = (int) Math.round(hue(p, q, h) * 255);
        int b = (int) Math.round(hue(p, q, h - 1.0 / 3) * 255);
        return String.format(Locale.ROOT, "%02X%02X%02X", r, g, b);
    }

    private static double hue(double p, double q, double t) {
        double x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        if (x < 1.0 / 6) {
            return p + (q - p) * 6 * x;
        }
        if (x < 0.5) {
            return q;
        }
        if (x < 2.0 / 3) {
            return p + (q - p) * (2.0 / 3 - x) * 6;
        }
        return p;
    }

    /**
     * Whether a number format shows dates: it has {@code y}, {@code m}, {@code d}, 年, 月 or 日
     * outside quoted text, brackets ({@code [Red]}, {@code [$-804]}) and escaped characters.
     */
    static boolean isDateFormat(String code) {
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char ch = code.charAt(i);
            switch (ch) {
                case '"' -> {
                    int close = code.indexOf('"', i + 1);
                    i = close < 0 ? n : close;
                }
                case '[' -> {
                    int close = code.indexOf(']', i + 1);
                    i = close < 0 ? n : close;
                }
                case '\\', '_', '*' -> i++;
                case 'y', 'Y', 'm', 'M', 'd', 'D', '年', '月', '日' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static Map<Integer, String> builtInDateFormats() {
        Map<Integer, String> f = new HashMap<>();
        // ECMA-376 Part 1, 18.8.30: the formats every locale has.
        f.put(14, "mm-dd-yy");
        f.put(15, "d-mmm-yy");
        f.put(16, "d-mmm");
        f.put(17, "mmm-yy");
        f.put(18, "h:mm AM/PM");
        f.put(19, "h:mm:ss AM/PM");
        f.put(20, "h:mm");
        f.put(21, "h:mm:ss");
        f.put(22, "m/d/yy h:mm");
        f.put(45, "mm:ss");
        f.put(46, "[h]:mm:ss");
        f.put(47, "mmss.0");
        // The same clause's formats for simplified Chinese, which Excel and WPS in China write by id.
        String yearMonth = "yyyy\"年\"m\"月\"";
        String monthDay = "m\"月\"d\"日\"";
        String hourMinute = "h\"时\"mm\"分\"";
        String hourMinuteSecond = "h\"时\"mm\"分\"ss\"秒\"";
        f.put(27, yearMonth);
        f.put(28, monthDay);
        f.put(29, monthDay);
        f.put(30, "m-d-yy");
        f.put(31, "yyyy\"年\"m\"月\"d\"日\"");
        f.put(32, hourMinute);
        f.put(33, hourMinuteSecond);
        f.put(34, "上午/下午" + hourMinute);
        f.put(35, "上午/下午" + hourMinuteSecond);
        f.put(36, yearMonth);
        f.put(50, yearMonth);
        f.put(51, monthDay);
        f.put(52, yearMonth);
        f.put(53, monthDay);
        f.put(54, monthDay);
        f.put(55, "上午/下午" + hourMinute);
        f.put(56, "上午/下午" + hourMinuteSecond);
        f.put(57, yearMonth);
        f.put(58, monthDay);
        return Map.copyOf(f);
    }

    // ---------------------------------------------------------------- worksheets

    private Sheet readSheet(String sheetName, String partName) throws IOException {
        Sheet sheet = new Sheet(sheetName);
        XMLStreamReader r = open(partName);
        try {
            int row = -1;
            int col = -1;
            while (next(r) != XMLStreamConstants.END_DOCUMENT) {
                if (!r.isStartElement()) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "pane" -> {
                        String state = attr(r, "state");
                        double split = number(attr(r, "ySplit"), 0);
                        if (("frozen".equals(state) || "frozenSplit".equals(state)) && split >= 1
                                && split < Range.MAX_ROWS) {
                            sheet.freezeRows((int) split);
                        }
                    }
                    case "col" -> {
                        Integer min = integer(attr(r, "min"));
                        Integer max = integer(attr(r, "max"));
                        double width = number(attr(r, "width"), -1);
                        if (bool(attr(r, "customWidth")) && min != null && max != null && width >= 0) {
                            for (int c = Math.max(1, min); c <= Math.min(max, Range.MAX_COLUMNS); c++) {
                                sheet.columnWidth(c - 1, Math.min(width, 255));
                            }
                        }
                    }
                    case "row" -> {
                        Integer number = integer(attr(r, "r"));
                        row = number != null ? number - 1 : row + 1;
                        col = -1;
                        if (row < 0 || row >= Range.MAX_ROWS) {
                            throw new XlsxFormatException("damaged .xlsx file: row " + (row + 1) + " in sheet "
                                    + sheetName + " is out of range");
                        }
                        double height = number(attr(r, "ht"), -1);
                        if (bool(attr(r, "customHeight")) && height >= 0) {
                            sheet.rowHeight(row, Math.min(height, 409));
                        }
                    }
                    case "c" -> {
                        String ref = attr(r, "r");
                        if (ref != null) {
                            long cell = parseRef(ref, sheetName);
                            row = Range.row(cell);
                            col = Range.col(cell);
                        } else {
                            row = Math.max(row, 0);
                            col++;
                            if (col >= Range.MAX_COLUMNS) {
                                throw new XlsxFormatException("damaged .xlsx file: too many cells in row " + (row + 1)
                                        + " of sheet " + sheetName);
                            }
                        }
                        readCell(r, sheet, row, col);
                    }
                    case "mergeCell" -> {
                        String ref = attr(r, "ref");
                        if (ref != null) {
                            try {
                                sheet.merge(Range.of(ref));
                            } catch (IllegalArgumentException e) {
                                // an unreadable or overlapping merge is left out, as Excel would repair it
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
        sheet.trimColumnWidths();
        return sheet;
    }

    private static long parseRef(String ref, String sheetName) throws XlsxFormatException {
        try {
            return Range.parseCell(ref);
        } catch (IllegalArgumentException e) {
            throw new XlsxFormatException("damaged .xlsx file: bad cell reference " + ref + " in sheet " + sheetName);
        }
    }

    private void readCell(XMLStreamReader r, Sheet sheet, int row, int col) throws XMLStreamException, IOException {
        if (++cellCount > MAX_CELLS) {
            throw new XlsxFormatException("the workbook is too large: it has more than " + MAX_CELLS + " cells");
        }
        String type = attr(r, "t");
        Integer s = integer(attr(r, "s"));
        int xf = s == null ? 0 : s;
        String v = null;
        String inline = null;
        while (true) {
            int event = next(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "v" -> v = r.getElementText();
                    case "is" -> inline = richText(r, "is");
                    default -> skip(r);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document in a cell");
            }
        }
        Style style = xf >= 0 && xf < xfStyles.size() ? xfStyles.get(xf) : Style.DEFAULT;
        String where = sheet.name() + "!" + Range.cellRef(row, col);
        Object value = value(type == null ? "n" : type, v, inline, style, where);
        try {
            sheet.cell(row, col, value, style);
        } catch (IllegalArgumentException e) {
            throw new XlsxFormatException("cannot read cell " + where + ": " + e.getMessage(), e);
        }
    }

    private Object value(String type, String v, String inline, Style style, String where) throws XlsxFormatException {
        switch (type) {
            case "s" -> {
                if (v == null || v.isBlank()) {
                    return null;
                }
                Integer index = integer(v.trim());
                if (index == null || index < 0 || index >= sharedStrings.size()) {
                    throw new XlsxFormatException("damaged .xlsx file: cell " + where + " names shared string " + v
                            + ", which does not exist");
                }
                return sharedStrings.get(index);
            }
            case "inlineStr" -> {
                return inline != null ? inline : v == null ? null : XmlText.decodeCellText(v);
            }
            case "str", "e" -> {
                return v == null ? null : XmlText.decodeCellText(v);
            }
            case "b" -> {
                return v == null || v.isBlank() ? null : bool(v.trim());
            }
            case "d" -> {
                if (v == null || v.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(v.trim().length() > 10 ? v.trim().substring(0, 10) : v.trim());
                } catch (DateTimeException e) {
                    throw new XlsxFormatException("damaged .xlsx file: cell " + where + " holds a bad date: " + v);
                }
            }
            default -> {
                if (v == null || v.isBlank()) {
                    return null;
                }
                return number(v.trim(), style.dateFormat() != null, where);
            }
        }
    }

    private Object number(String text, boolean date, String where) throws XlsxFormatException {
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new XlsxFormatException("damaged .xlsx file: cell " + where + " holds " + text + ", not a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new XlsxFormatException("damaged .xlsx file: cell " + where + " holds " + text + ", not a number");
        }
        if (date && d >= 0 && d <= MAX_SERIAL) {
            long days = (long) Math.floor(d);
            if (date1904) {
                return EPOCH_1904.plusDays(days);
            }
            // Excel counts a 29 February 1900 that never was: serials 1 to 60 are a day off.
            return days >= 1 && days < 61 ? EPOCH_1900.plusDays(days + 1) : EPOCH_1900.plusDays(days);
        }
        if (isDigits(text)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return d;
            }
        }
        if (d == Math.rint(d) && Math.abs(d) <= 9_007_199_254_740_992d) {
            return (long) d;
        }
        return d;
    }

    private static boolean isDigits(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() - start > 19) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- XML helpers

    private XMLStreamReader open(String name) throws XlsxFormatException {
        currentPart = name;
        try {
            return xml.createXMLStreamReader(new ByteArrayInputStream(part(name)));
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    /** The next event; a DTD is refused, so no entity can be declared, let alone an external one. */
    private int next(XMLStreamReader r) throws XMLStreamException, XlsxFormatException {
        int event = r.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new XlsxFormatException("refused .xlsx file: " + currentPart
                    + " has a DTD, which a workbook never has");
        }
        return event;
    }

    /** Skips the rest of the element whose start was just read. */
    private void skip(XMLStreamReader r) throws XMLStreamException, XlsxFormatException {
        for (int depth = 1; depth > 0;) {
            int event = next(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    private XlsxFormatException damaged(XMLStreamException e) {
        return new XlsxFormatException("damaged .xlsx file: " + currentPart + " is not well-formed XML ("
                + e.getMessage() + ")", e);
    }

    /** An attribute by local name, whatever its namespace (so {@code r:id} is {@code id}). */
    private static String attr(XMLStreamReader r, String localName) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static int intAttr(XMLStreamReader r, String localName) {
        Integer value = integer(attr(r, localName));
        return value == null ? 0 : value;
    }

    private static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(String s, double otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isNaN(d) || Double.isInfinite(d) ? otherwise : d;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** An XML schema boolean: {@code 1} or {@code true}. */
    private static boolean bool(String s) {
        return s != null && ("1".equals(s.trim()) || "true".equalsIgnoreCase(s.trim()));
    }
}
