package org.qinglian.platform.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.audit.AuditEntryDto;
import org.qinglian.platform.api.audit.AuditTrail;
import org.qinglian.platform.api.audit.AuditVerification;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, seals and verifies the audit trail, with plain JDBC on the 'qinglian-audit' datasource,
 * always outside the caller's JTA transaction.
 * <p>
 * Sealing gives committed unsealed rows, in id order, the next {@code seal_seq} and their
 * {@link ChainHash chain hash}, in one local transaction per batch; on PostgreSQL only the node
 * holding the advisory lock {@link #SEAL_LOCK} for that transaction seals. After each batch the
 * newest head is written to the head file and logged. Sealing stops while the database does not
 * contain the head the file names (newest sealed rows deleted or rewritten), so a truncated trail
 * is never sealed over.
 */
@Component(name = AuditTrailImpl.PID, service = AuditTrail.class)
@Designate(ocd = AuditConfig.class)
public class AuditTrailImpl implements AuditTrail {

    static final String PID = "org.qinglian.platform.audit";
    /** The PostgreSQL advisory lock of the sealer: "QLAUDIT1" in ASCII. */
    static final long SEAL_LOCK = 0x514C_4155_4449_5431L;
    /** Rows sealed per transaction. */
    static final int BATCH = 1000;
    static final String RECORD_KIND = "auditEntry";

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailImpl.class);
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Map<String, String> SORT_COLUMNS = Map.of("occurredAt", "occurred_at", "sequence", "seal_seq",
            "action", "action", "actor", "actor");
    private static final String ENTRY_COLUMNS = "public_id, seal_seq, occurred_at, actor, actor_unit_id, action,"
            + " record_type, record_id, outcome, client_address, detail";

    @Reference(target = AuditSchema.DATASOURCE_TARGET)
    private DataSource dataSource;

    @Reference
    private SecurityContext security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionManager transactions;

    private final Object sealing = new Object();
    private volatile ChainHash chain;
    private volatile Path headFile;
    private boolean refusalReported;

    public AuditTrailImpl() {
    }

    /** For tests: a trail over a datasource, with the key file (created if missing) and head file given. */
    public AuditTrailImpl(DataSource dataSource, SecurityContext security, TransactionManager transactions,
            Path keyFile, Path headFile) throws IOException {
        this.dataSource = dataSource;
        this.security = security;
        this.transactions = transactions;
        start(keyFile, headFile);
    }

    @Activate
    void activate(AuditConfig config) throws IOException {
        start(Paths.get(expand(config.keyFile())), Paths.get(expand(config.headFile())));
    }

    private void start(Path keyFile, Path head) throws IOException {
        try {
            chain = new ChainHash(AuditKey.loadOrCreate(keyFile));
        } catch (IOException e) {
            LOG.error("The audit trail cannot start without its key: {}. Check keyFile in etc/{}.cfg.", e.getMessage(),
                    PID);
            throw e;
        }
        headFile = head;
        LOG.debug("Audit trail sealing with key {}, head exported to {}", keyFile, head);
    }

    /** The value with each {@code ${name}} replaced by the system property of that name. */
    static String expand(String value) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String property = System.getProperty(m.group(1));
            if (property == null) {
                throw new IllegalArgumentException("System property " + m.group(1) + " (in '" + value + "') is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(property));
        }
        return m.appendTail(out).toString();
    }

    // ---- reading

    @Override
    public Page<AuditEntryDto> list(String actor, String action, Instant from, Instant to, String recordId,
            PageRequest page) {
        Scope scope = security.scope();
        if (!scope.isUnrestricted() && scope.units().isEmpty()) {
            return new Page<>(List.of(), 0, page.getPage(), page.getSize());
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!scope.isUnrestricted()) {
            where.add("actor_unit_id in (" + String.join(", ", Collections.nCopies(scope.units().size(), "?")) + ")");
            scope.units().forEach(unit -> params.add(unit.toString()));
        }
        if (present(actor)) {
            where.add("actor = ?");
            params.add(Neutral.text(actor.trim(), AuditLogImpl.ACTOR));
        }
        if (present(action)) {
            where.add("action like ? escape '\\'");
            params.add(likePrefix(Neutral.text(action.trim(), AuditLogImpl.ACTION)));
        }
        if (from != null) {
            where.add("occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (present(recordId)) {
            where.add("record_id = ?");
            params.add(Neutral.text(recordId.trim(), AuditLogImpl.RECORD_ID));
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        try {
            return OwnTransaction.autocommit(transactions, dataSource, c -> {
                long total;
                try (PreparedStatement count = prepare(c, "select count(*) from pf_audit" + condition, params);
                        ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
                List<AuditEntryDto> items = new ArrayList<>();
                if (total > page.getOffset()) {
                    List<Object> pageParams = new ArrayList<>(params);
                    pageParams.add(page.getOffset());
                    pageParams.add(page.getSize());
                    try (PreparedStatement select = prepare(c, "select " + ENTRY_COLUMNS + " from pf_audit" + condition
                            + orderBy(page) + " offset ? rows fetch next ? rows only", pageParams);
                            ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            items.add(entry(rs));
                        }
                    }
                }
                return new Page<>(items, total, page.getPage(), page.getSize());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }

    @Override
    public AuditEntryDto get(UUID id) {
        Scope scope = security.scope();
        AuditEntryDto entry;
        try {
            entry = OwnTransaction.autocommit(transactions, dataSource, c -> {
                try (PreparedStatement select = prepare(c, "select " + ENTRY_COLUMNS + " from pf_audit where public_id = ?",
                        List.of(id.toString())); ResultSet rs = select.executeQuery()) {
                    return rs.next() ? entry(rs) : null;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
        if (entry == null || !scope.includes(entry.getActorUnitId())) {
            throw new NotFoundException(RECORD_KIND, id);
        }
        return entry;
    }

    private static boolean present(String filter) {
        return filter != null && !filter.isBlank();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String orderBy(PageRequest page) {
        if (page.getSort().isEmpty()) {
            return " order by occurred_at desc, id desc";
        }
        StringBuilder order = new StringBuilder(" order by ");
        for (PageRequest.SortOrder s : page.getSort()) {
            String column = SORT_COLUMNS.get(s.getField());
            if (column == null) {
                throw new IllegalArgumentException("not a sortable field of the audit trail: " + s.getField());
            }
            order.append(column).append(s.isAscending() ? " asc" : " desc");
            if ("seal_seq".equals(column)) {
                // unsealed entries (sequence 0 in the answer) come before the sealed ones
                order.append(s.isAscending() ? " nulls first" : " nulls last");
            }
            order.append(", ");
        }
        return order.append("id ").append(page.getSort().get(0).isAscending() ? "asc" : "desc").toString();
    }

    private static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static AuditEntryDto entry(ResultSet rs) throws SQLException {
        AuditEntryDto e = new AuditEntryDto();
        e.setId(uuid(rs.getString(1)));
        long seq = rs.getLong(2);
        e.setSealed(!rs.wasNull());
        e.setSequence(seq);
        e.setOccurredAt(rs.getObject(3, OffsetDateTime.class).toInstant());
        e.setActor(rs.getString(4));
        e.setActorUnitId(uuid(rs.getString(5)));
        e.setAction(rs.getString(6));
        e.setRecordType(rs.getString(7));
        e.setRecordId(rs.getString(8));
        e.setOutcome(rs.getString(9));
        e.setClientAddress(rs.getString(10));
        e.setDetail(rs.getString(11));
        return e;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- sealing

    /** What one sealing transaction did: how many rows it sealed, and the newest head if any. */
    private record Batch(int sealed, AuditHead head) {
        static final Batch NOTHING = new Batch(0, null);
    }

    @Override
    public long seal() {
        synchronized (sealing) {
            long total = 0;
            while (true) {
                Batch batch;
                try {
                    batch = OwnTransaction.transaction(transactions, dataSource, this::sealBatch);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot seal the audit trail: " + e.getMessage(), e);
                }
                if (batch.head() != null) {
                    export(batch.head());
                }
                total += batch.sealed();
                if (batch.sealed() < BATCH) {
                    return total;
                }
            }
        }
    }

    private Batch sealBatch(Connection c) throws SQLException {
        if (OwnTransaction.postgres(c) && !lock(c)) {
            LOG.debug("Another node is sealing the audit trail");
            return Batch.NOTHING;
        }
        AuditHead last = lastSealed(c);
        if (!matchesExportedHead(c, last)) {
            return Batch.NOTHING;
        }
        List<ChainRow> rows = new ArrayList<>();
        try (Statement select = c.createStatement(); ResultSet rs = select.executeQuery("select " + ChainRow.COLUMNS
                + " from pf_audit where seal_seq is null order by id fetch first " + BATCH + " rows only")) {
            while (rs.next()) {
                rows.add(ChainRow.read(rs));
            }
        }
        if (rows.isEmpty()) {
            return Batch.NOTHING;
        }
        long seq = last == null ? 0 : last.seq();
        String previous = last == null ? "" : last.hash();
        try (PreparedStatement update = c.prepareStatement(
                "update pf_audit set seal_seq = ?, chain_hash = ? where id = ? and seal_seq is null")) {
            for (ChainRow row : rows) {
                seq++;
                previous = chain.link(previous, seq, row);
                update.setLong(1, seq);
                update.setString(2, previous);
                update.setLong(3, row.id());
                update.addBatch();
            }
            for (int count : update.executeBatch()) {
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("An audit row was sealed by someone else meanwhile");
                }
            }
        }
        return new Batch(rows.size(), new AuditHead(seq, previous));
    }

    private static boolean lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SEAL_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The newest sealed row's sequence and hash, or null if nothing is sealed. */
    private static AuditHead lastSealed(Connection c) throws SQLException {
        try (Statement select = c.createStatement(); ResultSet rs = select.executeQuery("select seal_seq, chain_hash"
                + " from pf_audit where seal_seq = (select max(seal_seq) from pf_audit)")) {
            return rs.next() ? new AuditHead(rs.getLong(1), rs.getString(2)) : null;
        }
    }

    /** Whether the database holds the head last exported; sealing over a truncated trail would hide it. */
    private boolean matchesExportedHead(Connection c, AuditHead last) throws SQLException {
        Optional<AuditHead> exported;
        try {
            exported = AuditHead.read(headFile);
        } catch (IOException e) {
            return refuse(e.getMessage());
        }
        if (exported.isEmpty()) {
            refusalReported = false;
            return true;
        }
        AuditHead head = exported.get();
        long newest = last == null ? 0 : last.seq();
        if (head.seq() > newest) {
            return refuse("the head names sealed entry " + head.seq() + " but the newest in the database is " + newest);
        }
        String stored = head.seq() == newest ? last.hash() : hashAt(c, head.seq());
        if (!head.hash().equals(stored)) {
            return refuse("sealed entry " + head.seq() + " in the database does not have the exported hash");
        }
        refusalReported = false;
        return true;
    }

    private boolean refuse(String reason) {
        if (refusalReported) {
            LOG.debug("Audit sealing still stopped: {}", reason);
        } else {
            LOG.error("The audit trail does not match its exported head {} ({}). Sealing is stopped: run"
                    + " qinglian:audit-verify and investigate. Sealing resumes once the database matches the head"
                    + " file again, or after an administrator has archived that file.", headFile, reason);
            refusalReported = true;
        }
        return false;
    }

    private static String hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select chain_hash from pf_audit where seal_seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void export(AuditHead head) {
        try {
            head.write(headFile);
        } catch (IOException e) {
            LOG.error("Cannot write the audit head to {}: {}", headFile, e.getMessage());
        }
        LOG.info("audit head seq={} hash={}", head.seq(), head.hash());
    }

    // ---- verifying

    /** A verification and, when broken, why (for the log). */
    private record Result(AuditVerification verification, String reason) {
        static Result valid(long checked) {
            return new Result(new AuditVerification(true, checked, null), null);
        }

        static Result broken(long checked, ChainRow at, String reason) {
            return new Result(new AuditVerification(false, checked, at == null ? null : uuid(at.publicId())), reason);
        }
    }

    @Override
    public AuditVerification verify() {
        Optional<AuditHead> exported;
        String headProblem = null;
        try {
            // read before the rows: whatever it names was committed before the query starts
            exported = AuditHead.read(headFile);
        } catch (IOException e) {
            exported = Optional.empty();
            headProblem = e.getMessage();
        }
        AuditHead head = exported.orElse(null);
        Result result;
        try {
            result = OwnTransaction.transaction(transactions, dataSource, c -> walk(c, head));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the audit trail: " + e.getMessage(), e);
        }
        if (headProblem != null && result.verification().isValid()) {
            result = new Result(new AuditVerification(false, result.verification().getChecked(), null), headProblem);
        }
        AuditVerification v = result.verification();
        if (v.isValid()) {
            LOG.info("Audit trail verified: {} sealed entries intact{}", v.getChecked(),
                    head == null ? " (no exported head to compare with)" : "");
        } else {
            LOG.warn("Audit trail broken: {}; first broken entry {} ({} entries checked)", result.reason(),
                    v.getFirstBroken(), v.getChecked());
        }
        return v;
    }

    private Result walk(Connection c, AuditHead head) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + ChainRow.COLUMNS
                + " from pf_audit where seal_seq is not null order by seal_seq")) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                long checked = 0;
                String previous = "";
                ChainRow last = null;
                while (rs.next()) {
                    ChainRow row = ChainRow.read(rs);
                    checked++;
                    long expected = last == null ? 1 : last.sealSeq() + 1;
                    if (row.sealSeq() != expected) {
                        return Result.broken(checked, row, "sealed entry " + expected + " is missing");
                    }
                    if (!chain.link(previous, row.sealSeq(), row).equals(row.chainHash())) {
                        return Result.broken(checked, row, "sealed entry " + row.sealSeq() + " does not match its hash");
                    }
                    if (head != null && head.seq() == row.sealSeq() && !head.hash().equals(row.chainHash())) {
                        return Result.broken(checked, row, "sealed entry " + row.sealSeq()
                                + " does not have the exported hash");
                    }
                    previous = row.chainHash();
                    last = row;
                }
                long newest = last == null ? 0 : last.sealSeq();
                if (head != null && head.seq() > newest) {
                    return Result.broken(checked, last, "the exported head names sealed entry " + head.seq()
                            + " but the newest present is " + newest);
                }
                return Result.valid(checked);
            }
        }
    }
}
