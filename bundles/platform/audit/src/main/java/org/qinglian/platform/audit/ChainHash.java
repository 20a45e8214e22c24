package org.qinglian.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link of a sealed row: {@code hex(HMAC-SHA256(key, canonical))}, where canonical is the
 * previous row's chain hash (empty before the first row) followed by the row's sealed fields, in
 * this order: seal_seq, public_id, occurred_at (microseconds since the epoch, the database's
 * precision), actor, actor_user_id, actor_unit_id, action, record_type, record_id, outcome,
 * client_address, detail. Every value is written as its UTF-8 bytes (numbers in decimal) behind a
 * 4-byte big-endian length; a null is the length -1 with no bytes, so null and empty differ and no
 * two field lists encode alike.
 */
final class ChainHash {

    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    ChainHash(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The chain hash of a row sealed at {@code seq} behind a row whose chain hash is {@code previous}. */
    String link(String previous, long seq, ChainRow row) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical(previous, seq, row)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] canonical(String previous, long seq, ChainRow row) {
        String[] fields = {previous, Long.toString(seq), row.publicId(), Long.toString(micros(row.occurredAt())),
            row.actor(), row.actorUserId(), row.actorUnitId(), row.action(), row.recordType(), row.recordId(),
            row.outcome(), row.clientAddress(), row.detail()};
        byte[][] bytes = new byte[fields.length][];
        int size = 0;
        for (int i = 0; i < fields.length; i++) {
            bytes[i] = fields[i] == null ? null : fields[i].getBytes(StandardCharsets.UTF_8);
            size += Integer.BYTES + (bytes[i] == null ? 0 : bytes[i].length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] b : bytes) {
            if (b == null) {
                out.putInt(-1);
            } else {
                out.putInt(b.length).put(b);
            }
        }
        return out.array();
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
