package org.qinglian.platform.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class NeutralTest {

    @Test
    public void nullStaysNull() {
        assertNull(Neutral.text(null, 10));
    }

    @Test
    public void lineBreaksBecomeVisibleEscapes() {
        assertEquals("ok\\r\\nFAKE ENTRY", Neutral.text("ok\r\nFAKE ENTRY", 100));
        assertEquals("a\\tb", Neutral.text("a\tb", 100));
    }

    @Test
    public void otherControlAndInvisibleCharactersAreEscaped() {
        assertEquals("\\u0000\\u001B[31m\\u007F\\u0085", Neutral.text("\0\u001b[31m\u007f\u0085", 100));
        // line and paragraph separators, right-to-left override, zero-width space
        assertEquals("a\\u2028b\\u2029c\\u202Ed\\u200Be", Neutral.text("a\u2028b\u2029c\u202Ed\u200Be", 100));
        // an unpaired surrogate
        assertEquals("\\uD800x", Neutral.text("\uD800x", 100));
    }

    @Test
    public void aBackslashIsDoubledSoTypedEscapesCannotPassForNeutralisedOnes() {
        assertEquals("typed \\\\r\\\\n, real \\r\\n", Neutral.text("typed \\r\\n, real \r\n", 100));
    }

    @Test
    public void printableTextIsKept() {
        assertEquals("审计 记录　😀 «x» ü", Neutral.text("审计 记录　😀 «x» ü", 100));
    }

    @Test
    public void textIsCutToTheSizeNeverInsideAnEscapeOrAPair() {
        assertEquals("abc", Neutral.text("abcdef", 3));
        assertEquals("ab", Neutral.text("ab\ncd", 3));
        assertEquals("ab\\n", Neutral.text("ab\ncd", 4));
        assertEquals("a", Neutral.text("a😀", 2));
        assertEquals("a😀", Neutral.text("a😀b", 3));
        assertEquals(500, Neutral.text("\n".repeat(400), 500).length());
    }
}
