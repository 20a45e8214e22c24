package org.qinglian.platform.audit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.Test;

/** The canonical form of a row and its link: unambiguous, complete, keyed. */
public class ChainHashTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant AT = Instant.parse("2026-03-01T17:30:00.123456Z");

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static ChainRow row(String actor, String recordType, String recordId, String detail) {
        return new ChainRow(1, null, null, "7c1d5f7e-0000-0000-0000-000000000001", AT, actor, null, null, "unit.update",
                recordType, recordId, "SUCCESS", "10.0.0.7", detail);
    }

    private final ChainHash chain = new ChainHash(KEY);

    @Test
    public void theLinkIsAHexHmacSha256() {
        String link = chain.link("", 1, row("alice", "unit", "U1", null));
        assertEquals(64, link.length());
        assertTrue(link.matches("[0-9a-f]{64}"));
        assertEquals(link, new ChainHash(KEY.clone()).link("", 1, row("alice", "unit", "U1", null)));
    }

    @Test
    public void theCanonicalFormIsLengthPrefixedWithNullAsMinusOne() {
        byte[] canonical = ChainHash.canonical("", 1, row(null, "", "U1", null));
        byte[] start = {0, 0, 0, 0, /* previous "" */ 0, 0, 0, 1, '1', /* seq */ 0, 0, 0, 36};
        assertArrayEquals(start, Arrays.copyOf(canonical, start.length));
        int afterId = start.length + 36;
        String micros = "1772386200123456";
        assertEquals(micros, String.valueOf(ChainHash.micros(AT)));
        assertArrayEquals(new byte[] {0, 0, 0, 16}, Arrays.copyOfRange(canonical, afterId, afterId + 4));
        int afterTime = afterId + 4 + micros.length();
        assertEquals(micros, new String(canonical, afterId + 4, micros.length(), StandardCharsets.US_ASCII));
        // actor null, user id null, unit id null
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
                Arrays.copyOfRange(canonical, afterTime, afterTime + 12));
    }

    @Test
    public void nullAndEmptyDiffer() {
        assertNotEquals(chain.link("", 1, row(null, "unit", "U1", null)), chain.link("", 1, row("", "unit", "U1", null)));
        assertNotEquals(chain.link("", 1, row("a", "unit", "U1", null)), chain.link("", 1, row("a", "unit", "U1", "")));
    }

    @Test
    public void textCannotMoveBetweenFields() {
        assertNotEquals(chain.link("", 1, row("a", "unit", "U1", null)), chain.link("", 1, row("a", "unitU", "1", null)));
        assertNotEquals(chain.link("", 1, row("ab", null, "U1", null)), chain.link("", 1, row("a", "b", "U1", null)));
    }

    @Test
    public void theLinkDependsOnThePreviousHashTheSequenceTheTimeAndTheKey() {
        ChainRow row = row("alice", "unit", "U1", "x");
        String link = chain.link("", 1, row);
        assertNotEquals(link, chain.link("00", 1, row));
        assertNotEquals(link, chain.link("", 2, row));
        ChainRow aMicrosecondLater = new ChainRow(1, null, null, row.publicId(), AT.plusNanos(1000), row.actor(), null,
                null, row.action(), row.recordType(), row.recordId(), row.outcome(), row.clientAddress(), row.detail());
        assertNotEquals(link, chain.link("", 1, aMicrosecondLater));
        byte[] otherKey = KEY.clone();
        otherKey[0] = 8;
        assertNotEquals(link, new ChainHash(otherKey).link("", 1, row));
    }
}
