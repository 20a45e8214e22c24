package org.qinglian.platform.api.sheet;

import java.util.Locale;

/**
 * How a cell looks: font, fill, alignment, border and, for dates, the number format. Immutable;
 * start from {@link #DEFAULT} and change it with the {@code with...} methods. Equal styles are
 * written once to the file, however many cells use them.
 *
 * @param bold whether the text is bold
 * @param fontSize the font size in points, 11 by default
 * @param fill the background colour as hex RGB such as {@code FFC7CE}, or null for none
 * @param fontColor the text colour as hex RGB, or null for automatic (black)
 * @param horizontal the horizontal alignment, or null for Excel's general alignment
 * @param vertical the vertical alignment, or null for bottom (Excel's default)
 * @param wrap whether long text wraps inside the cell
 * @param border whether the cell has a thin border all round
 * @param dateFormat the number format used when the cell holds a {@link java.time.LocalDate},
 *        such as {@code yyyy"年"m"月"d"日"}; null for {@code yyyy-mm-dd}
 */
public record Style(boolean bold, double fontSize, String fill, String fontColor, Horizontal horizontal,
        Vertical vertical, boolean wrap, boolean border, String dateFormat) {

    /** Plain 11-point text, no fill, no border. */
    public static final Style DEFAULT = new Style(false, 11, null, null, null, null, false, false, null);

    /** Horizontal alignment of a cell's content. */
    public enum Horizontal {
        /** Flush left. */
        LEFT,
        /** Centred. */
        CENTER,
        /** Flush right. */
        RIGHT
    }

    /** Vertical alignment of a cell's content. */
    public enum Vertical {
        /** At the top of the cell. */
        TOP,
        /** In the middle of the cell. */
        CENTER
    }

    /**
     * A style; colours are normalised to six upper-case hex digits and a blank date format to null.
     *
     * @throws IllegalArgumentException if the font size is not between 1 and 409 or a colour is not hex RGB
     */
    public Style {
        if (!(fontSize >= 1 && fontSize <= 409)) {
            throw new IllegalArgumentException("font size must be between 1 and 409 points: " + fontSize);
        }
        fill = color("fill", fill);
        fontColor = color("font color", fontColor);
        if (dateFormat != null && dateFormat.isBlank()) {
            dateFormat = null;
        }
    }

    /** This style, bold or not. */
    public Style withBold(boolean bold) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style with another font size in points. */
    public Style withFontSize(double fontSize) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style with a background colour (hex RGB such as {@code FFC7CE}, {@code #} allowed), or none for null. */
    public Style withFill(String fill) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style with a text colour (hex RGB), or automatic for null. */
    public Style withFontColor(String fontColor) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style with another horizontal alignment; null for general. */
    public Style withHorizontal(Horizontal horizontal) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style with another vertical alignment; null for bottom. */
    public Style withVertical(Vertical vertical) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style, wrapping long text or not. */
    public Style withWrap(boolean wrap) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style, with a thin border all round or none. */
    public Style withBorder(boolean border) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style with another date format, such as {@code yyyy"年"m"月"d"日"}; null for {@code yyyy-mm-dd}. */
    public Style withDateFormat(String dateFormat) {
        return new Style(bold, fontSize, fill, fontColor, horizontal, vertical, wrap, border, dateFormat);
    }

    /** This style centred both ways, as for titles and headers. */
    public Style centered() {
        return withHorizontal(Horizontal.CENTER).withVertical(Vertical.CENTER);
    }

    /** Normalises a colour to six upper-case hex digits; {@code #RGB} prefixes and an ARGB alpha byte are dropped. */
    private static String color(String what, String hex) {
        if (hex == null) {
            return null;
        }
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 8) {
            h = h.substring(2);
        }
        if (h.length() != 6 || !h.chars().allMatch(Style::isHexDigit)) {
            throw new IllegalArgumentException(what + " must be a hex RGB colour such as FFC7CE: " + hex);
        }
        return h.toUpperCase(Locale.ROOT);
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
