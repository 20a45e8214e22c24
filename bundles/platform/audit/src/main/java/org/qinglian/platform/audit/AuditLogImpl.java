package org.qinglian.platform.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import javax.persistence.EntityManager;
import javax.persistence.Query;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit rows, unsealed: in the caller's transaction through its entity manager, or in a
 * transaction of their own on the 'qinglian-audit' datasource. Text is neutralised and cut to
 * the columns' sizes before it is stored or logged.
 */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {

    static final int ACTOR = 64;
    static final int ACTION = 100;
    static final int RECORD_TYPE = 50;
    static final int RECORD_ID = 64;
    static final int CLIENT_ADDRESS = 64;
    static final int DETAIL = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogImpl.class);

    /** An instant as SQL text with its offset, read by the database whatever the JVM's or session's zone. */
    private static final DateTimeFormatter SQL_INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);
    private static final String[] COLUMNS = {"public_id", "occurred_at", "actor", "actor_user_id", "actor_unit_id",
        "action", "record_type", "record_id", "outcome", "client_address", "detail"};

    @Reference(target = AuditSchema.DATASOURCE_TARGET)
    private DataSource dataSource;

    @Reference
    private SecurityContext security;

    @Reference
    private PlatformClock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionManager transactions;

    public AuditLogImpl() {
    }

    /** For tests: a log over a datasource, a security context, a clock and (or null) a transaction manager. */
    public AuditLogImpl(DataSource dataSource, SecurityContext security, PlatformClock clock,
            TransactionManager transactions) {
        this.dataSource = dataSource;
        this.security = security;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public void record(EntityManager em, AuditEvent event) {
        Entry entry = entry(event);
        List<String> values = entry.values();
        Query insert = em.createNativeQuery(entry.insert(n -> "?" + n));
        int position = 1;
        for (String value : values) {
            if (value != null) {
                insert.setParameter(position++, value);
            }
        }
        insert.executeUpdate();
        LOG.debug("Audit {}", entry);
    }

    @Override
    public void recordSeparately(AuditEvent event) {
        Entry entry = entry(event);
        try {
            OwnTransaction.autocommit(transactions, dataSource, c -> {
                try (PreparedStatement insert = c.prepareStatement(entry.insert(n -> "?"))) {
                    int position = 1;
                    for (String value : entry.values()) {
                        if (value != null) {
                            insert.setString(position++, value);
                        }
                    }
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            LOG.error("Cannot write the audit entry {}: {}", entry, e.getMessage());
            throw new IllegalStateException("The audit entry could not be written", e);
        }
        LOG.debug("Audit (own transaction) {}", entry);
    }

    private Entry entry(AuditEvent event) {
        Optional<Caller> caller = security.caller();
        String actor;
        Caller identified;
        if (event.getActor() != null) {
            actor = event.getActor();
            identified = caller.filter(c -> actor.equals(c.getUsername())).orElse(null);
        } else {
            identified = caller.orElse(null);
            actor = identified == null ? null : identified.getUsername();
        }
        return new Entry(UUID.randomUUID(), clock.now().truncatedTo(ChronoUnit.MICROS),
                Neutral.text(actor, ACTOR),
                identified == null || identified.getUserId() == null ? null : identified.getUserId().toString(),
                identified == null || identified.getUnitId() == null ? null : identified.getUnitId().toString(),
                Neutral.text(event.getAction(), ACTION), Neutral.text(event.getRecordType(), RECORD_TYPE),
                Neutral.text(event.getRecordId(), RECORD_ID), event.getOutcome().name(),
                Neutral.text(security.clientAddress().orElse(null), CLIENT_ADDRESS),
                Neutral.text(event.getDetail(), DETAIL));
    }

    /** A new audit row, its text already neutralised. */
    record Entry(UUID publicId, Instant occurredAt, String actor, String actorUserId, String actorUnitId,
            String action, String recordType, String recordId, String outcome, String clientAddress, String detail) {

        /** The column values in the order of {@link #COLUMNS}, as text. */
        List<String> values() {
            List<String> values = new ArrayList<>();
            values.add(publicId.toString());
            values.add(SQL_INSTANT.format(occurredAt));
            values.add(actor);
            values.add(actorUserId);
            values.add(actorUnitId);
            values.add(action);
            values.add(recordType);
            values.add(recordId);
            values.add(outcome);
            values.add(clientAddress);
            values.add(detail);
            return values;
        }

        /**
         * The INSERT with a placeholder per non-null value (numbered from 1) and a literal null for
         * the others: a null bound through JPA would carry no SQL type, which PostgreSQL refuses.
         */
        String insert(IntFunction<String> placeholder) {
            List<String> values = values();
            StringBuilder sql = new StringBuilder("insert into pf_audit (").append(String.join(", ", COLUMNS))
                    .append(") values (");
            int position = 1;
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                if (values.get(i) == null) {
                    sql.append("null");
                } else if ("occurred_at".equals(COLUMNS[i])) {
                    sql.append("cast(").append(placeholder.apply(position++)).append(" as timestamp with time zone)");
                } else {
                    sql.append(placeholder.apply(position++));
                }
            }
            return sql.append(')').toString();
        }

        @Override
        public String toString() {
            return "id=" + publicId + " action=" + action + " recordType=" + recordType + " recordId=" + recordId
                    + " outcome=" + outcome + " actor=" + actor + " unit=" + actorUnitId + " client=" + clientAddress
                    + " detail=" + detail;
        }
    }
}
