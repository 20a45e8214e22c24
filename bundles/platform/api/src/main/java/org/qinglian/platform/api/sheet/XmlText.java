package org.qinglian.platform.api.sheet;

import java.io.IOException;
import java.io.Writer;

/** Escaping of text for the XML parts of a workbook, and the {@code _xHHHH_} escapes of SpreadsheetML strings. */
final class XmlText {

    private XmlText() {
    }

    /** Writes text as element content: markup characters escaped, characters XML 1.0 forbids dropped. */
    static void text(Writer out, String s) throws IOException {
        escape(out, s, false);
    }

    /** Writes text as an attribute value in double quotes, without the quotes. */
    static void attr(Writer out, String s) throws IOException {
        escape(out, s, true);
    }

    /**
     * Text of a cell as SpreadsheetML stores it: a literal {@code _xHHHH_} in the text would be read
     * by Excel as an escaped character, so its underscore is itself escaped as {@code _x005F_}.
     */
    static String cellText(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            if (isEscape(s, i)) {
                b.append("_x005F");
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    /** Decodes the {@code _xHHHH_} escapes Excel writes for characters XML cannot hold. */
    static String decodeCellText(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (isEscape(s, i)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    /** Whether a character may appear in an XML 1.0 document (surrogates are checked in pairs by the caller). */
    static boolean legal(char ch) {
        return ch >= 0x20 && ch <= 0xD7FF || ch == '\t' || ch == '\n' || ch == '\r'
                || ch >= 0xE000 && ch <= 0xFFFD || Character.isSurrogate(ch);
    }

    private static boolean isEscape(String s, int i) {
        if (i + 7 > s.length() || s.charAt(i) != '_' || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static void escape(Writer out, String s, boolean attribute) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(attribute ? "&quot;" : "\"");
                case '\r' -> out.write("&#13;");
                case '\n' -> out.write(attribute ? "&#10;" : "\n");
                case '\t' -> out.write(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(ch)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.write(ch);
                            out.write(s.charAt(++i));
                        }
                    } else if (legal(ch) && !Character.isLowSurrogate(ch)) {
                        out.write(ch);
                    }
                }
            }
        }
    }
}
