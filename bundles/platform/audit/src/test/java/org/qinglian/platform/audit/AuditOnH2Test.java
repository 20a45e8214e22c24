package org.qinglian.platform.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditVerification;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestDatabase;
import org.qinglian.platform.testing.TestSecurityContext;

/** The embedded trial database: H2 migrations, writing, sealing without an advisory lock, verifying. */
public class AuditOnH2Test {

    private static final Instant T0 = Instant.parse("2026-03-01T17:30:00.123456Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private JdbcDataSource h2;
    private Connection keepAlive;
    private TestClock clock;
    private TestSecurityContext security;
    private AuditLogImpl log;
    private AuditTrailImpl trail;

    @Before
    public void migrate() throws SQLException, IOException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID());
        h2.setUser("sa");
        keepAlive = h2.getConnection();
        TestDatabase.migrate(h2, "h2", TestDatabase.PLATFORM, AuditTestCase.AUDIT);
        clock = new TestClock(T0);
        security = new TestSecurityContext().as(AuditTestCase.auditor(UUID.randomUUID(), "alice", AuditTestCase.UNIT_A),
                Scope.UNRESTRICTED).clientAddress(null);
        Path root = folder.getRoot().toPath();
        log = new AuditLogImpl(h2, security, clock, null);
        trail = new AuditTrailImpl(h2, security, null, root.resolve("etc/key"), root.resolve("data/audit-head"));
    }

    @After
    public void close() throws SQLException {
        keepAlive.close();
    }

    private Object value(String sql) throws SQLException {
        try (Statement s = keepAlive.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    @Test
    public void theTrailWorksOnH2() throws SQLException {
        assertEquals("Asia/Shanghai", TimeZone.getDefault().getID());
        log.recordSeparately(AuditEvent.of("unit.create", "unit", "U-1").detail("line\nbreak"));
        clock.set(T0.plusSeconds(1));
        log.recordSeparately(AuditEvent.of("unit.update", "unit", "U-1"));
        assertEquals(T0, ((OffsetDateTime) value("select occurred_at from pf_audit where action = 'unit.create'"))
                .toInstant());
        assertEquals("line\\nbreak", value("select detail from pf_audit where action = 'unit.create'"));

        assertEquals(2, trail.seal());
        AuditVerification valid = trail.verify();
        assertTrue(valid.isValid());
        assertEquals(2, valid.getChecked());
        assertEquals(2, trail.list(null, "unit.", null, null, "U-1", PageRequest.first(1)).getTotal());
        assertEquals(List.of("unit.update"), trail.list(null, null, null, null, null, PageRequest.first(1)).getItems()
                .stream().map(e -> e.getAction()).toList());
        security.scope(Scope.NONE);
        assertEquals(0, trail.list(null, null, null, null, null, PageRequest.first(5)).getTotal());

        try (Statement s = keepAlive.createStatement()) {
            s.executeUpdate("update pf_audit set detail = 'edited' where seal_seq = 2");
        }
        AuditVerification broken = trail.verify();
        assertFalse(broken.isValid());
        assertEquals(UUID.fromString((String) value("select public_id from pf_audit where seal_seq = 2")),
                broken.getFirstBroken());
    }

    @Test
    public void recordThroughJpaStoresTheRightInstantOnH2() throws SQLException {
        EntityManagerFactory emf = TestDatabase.entityManagerFactory(Map.of("javax.persistence.nonJtaDataSource", h2,
                "hibernate.dialect", "org.hibernate.dialect.H2Dialect"));
        try {
            new ResourceLocalJpaTemplate(emf).tx(em -> log.record(em, AuditEvent.of("unit.read", "unit", "U-9")));
        } finally {
            emf.close();
        }
        assertEquals(T0, ((OffsetDateTime) value("select occurred_at from pf_audit")).toInstant());
        assertNull(value("select seal_seq from pf_audit"));
    }
}
