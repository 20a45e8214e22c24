package org.qinglian.platform.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;

/**
 * Each test starts on freshly migrated platform and audit schemas in PostgreSQL, with the audit
 * log and trail built as plain objects: a fixed clock, a fixed caller (alice of unit A, from
 * 10.0.0.7, unrestricted scope), key and head files in a temporary folder, no JTA.
 */
public abstract class AuditTestCase {

    /** 2026-03-01T17:30Z: already 2026-03-02 in Shanghai. Microseconds, as PostgreSQL keeps them. */
    protected static final Instant T0 = Instant.parse("2026-03-01T17:30:00.123456Z");
    protected static final UUID UNIT_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    protected static final UUID UNIT_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    protected static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-0000000a11ce");

    /** The audit schema's migrations, applied after the platform's as the platform's migrator applies them in Karaf. */
    static final TestDatabase.Schema AUDIT = new TestDatabase.Schema(AuditSchema.HISTORY_TABLE, AuditSchema.LOCATION);

    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    protected TestClock clock;
    protected TestSecurityContext security;
    protected Path keyFile;
    protected Path headFile;
    protected AuditLogImpl log;
    protected AuditTrailImpl trail;

    @Before
    public void freshAuditTrail() throws IOException {
        TestDatabase.reset(TestDatabase.PLATFORM, AUDIT);
        clock = new TestClock(T0);
        security = new TestSecurityContext().as(auditor(ALICE, "alice", UNIT_A), Scope.UNRESTRICTED)
                .clientAddress("10.0.0.7");
        keyFile = folder.getRoot().toPath().resolve("etc/qinglian-audit.key");
        headFile = folder.getRoot().toPath().resolve("data/qinglian/audit-head");
        log = new AuditLogImpl(TestDatabase.dataSource(), security, clock, null);
        trail = newTrail();
    }

    /** A caller of the auditor role, with the permission to read the audit trail. */
    static Caller auditor(UUID userId, String username, UUID unitId) {
        return new Caller(userId, username, unitId, null, Set.of("auditor"), Set.of("platform:audit-read"), false);
    }

    /** Another trail over the same database, key and head (another node, or a restart). */
    protected AuditTrailImpl newTrail() throws IOException {
        return new AuditTrailImpl(TestDatabase.dataSource(), security, null, keyFile, headFile);
    }

    /** Writes n entries in their own transactions, a second apart; answers their public ids in order. */
    protected List<UUID> write(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(1));
            log.recordSeparately(AuditEvent.of("unit.update", "unit", "U-" + i).detail("change " + i));
        }
        return ids();
    }

    /** The public ids of all rows, in id (writing) order. */
    protected static List<UUID> ids() {
        return TestDatabase.column("select public_id from pf_audit order by id").stream()
                .map(id -> UUID.fromString((String) id)).toList();
    }

    /** The public id of the row sealed at a sequence number. */
    protected static UUID atSeq(long seq) {
        return UUID.fromString((String) TestDatabase.value("select public_id from pf_audit where seal_seq = ?", seq));
    }

    protected static long count(String sql, Object... params) {
        return ((Number) TestDatabase.value(sql, params)).longValue();
    }
}
