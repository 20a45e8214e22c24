package org.qinglian.platform.audit;

/**
 * Audit text made harmless for log files and screens: control characters (CR, LF, tab, NUL,
 * C1 controls), invisible format characters (bidirectional overrides, zero-width characters),
 * line and paragraph separators and unpaired surrogates become visible escapes ({@code \r},
 * {@code \n}, {@code \t}, {@code \}{@code uXXXX}), and a backslash becomes {@code \\}, so an escape
 * typed by a user cannot pass for a neutralised character. The result is cut to the column's size
 * on a character boundary, never inside an escape or a surrogate pair.
 */
final class Neutral {

    private Neutral() {
    }

    /** The neutralised text, at most {@code max} chars long; null stays null. */
    static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int width = Character.charCount(cp);
            String piece = escape(cp);
            if (out.length() + (piece == null ? width : piece.length()) > max) {
                break;
            }
            if (piece == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(piece);
            }
            i += width;
        }
        return out.toString();
    }

    private static String escape(int cp) {
        switch (cp) {
            case '\r':
                return "\\r";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\";
            default:
                break;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
                return cp > 0xFFFF ? String.format("\\U%08X", cp) : String.format("\\u%04X", cp);
            default:
                return null;
        }
    }
}
