package org.qinglian.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An audit row as the chain sees it: the sealed content, its place in the chain and its link. */
record ChainRow(long id, Long sealSeq, String chainHash, String publicId, Instant occurredAt, String actor,
        String actorUserId, String actorUnitId, String action, String recordType, String recordId, String outcome,
        String clientAddress, String detail) {

    /** The columns {@link #read(ResultSet)} expects, in its order. */
    static final String COLUMNS = "id, seal_seq, chain_hash, public_id, occurred_at, actor, actor_user_id,"
            + " actor_unit_id, action, record_type, record_id, outcome, client_address, detail";

    static ChainRow read(ResultSet rs) throws SQLException {
        long seq = rs.getLong(2);
        return new ChainRow(rs.getLong(1), rs.wasNull() ? null : seq, rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14));
    }

    /** The same row as sealed at a place in the chain. */
    ChainRow sealed(long seq, String hash) {
        return new ChainRow(id, seq, hash, publicId, occurredAt, actor, actorUserId, actorUnitId, action, recordType,
                recordId, outcome, clientAddress, detail);
    }
}
