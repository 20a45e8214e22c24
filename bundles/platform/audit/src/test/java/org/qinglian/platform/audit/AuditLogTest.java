package org.qinglian.platform.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.RollbackException;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import javax.transaction.xa.XAResource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.testing.ResourceLocalJpaTemplate;
import org.qinglian.platform.testing.TestDatabase;

/** Writing audit rows: with the act, in a transaction of their own, attributed, neutralised. */
public class AuditLogTest extends AuditTestCase {

    private EntityManagerFactory emf;
    private ResourceLocalJpaTemplate jpa;

    @Before
    public void persistenceUnit() {
        emf = TestDatabase.entityManagerFactory();
        jpa = new ResourceLocalJpaTemplate(emf);
    }

    @After
    public void closePersistenceUnit() {
        emf.close();
    }

    /** The business act the audit row belongs to: a dictionary row. */
    private static void act(EntityManager em, String code) {
        em.createNativeQuery("insert into pf_dictionary (id, public_id, code, name_zh, name_en, version, created_at,"
                + " updated_at) values (?1, ?2, ?3, ?3, ?3, 0, current_timestamp, current_timestamp)")
                .setParameter(1, (long) code.hashCode() & 0xffff).setParameter(2, UUID.randomUUID().toString())
                .setParameter(3, code).executeUpdate();
    }

    private static long audits() {
        return count("select count(*) from pf_audit");
    }

    /** The acts' dictionaries (the platform's migrations bring others). */
    private static long dictionaries() {
        return count("select count(*) from pf_dictionary where code = 'D1'");
    }

    @Test
    public void recordCommitsWithTheAct() {
        jpa.tx(em -> {
            act(em, "D1");
            log.record(em, AuditEvent.of("dictionary.create", "dictionary", "D1"));
        });
        assertEquals(1, dictionaries());
        assertEquals(1, audits());
        assertEquals("dictionary.create", TestDatabase.value("select action from pf_audit"));
    }

    @Test
    public void recordRollsBackWithTheAct() {
        long[] seenInside = new long[1];
        try {
            jpa.tx(em -> {
                act(em, "D1");
                log.record(em, AuditEvent.of("dictionary.create", "dictionary", "D1"));
                seenInside[0] = ((Number) em.createNativeQuery("select count(*) from pf_audit").getSingleResult())
                        .longValue();
                throw new IllegalStateException("the act fails after it was audited");
            });
            fail("the act should have failed");
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals("the row was written in the act's transaction", 1, seenInside[0]);
        assertEquals(0, dictionaries());
        assertEquals(0, audits());
    }

    @Test
    public void recordFillsInTheCallerTheClientAndTheClockInUtc() {
        assertEquals("the test JVM runs in Shanghai, where a zone mistake shifts instants by 8 hours",
                "Asia/Shanghai", TimeZone.getDefault().getID());
        jpa.tx(em -> log.record(em, AuditEvent.of("unit.update", "unit", 42)));
        clock.set(T0.plusSeconds(60));
        log.recordSeparately(AuditEvent.of("unit.delete", "unit", 42).outcome(AuditEvent.Outcome.DENIED));

        List<List<Object>> rows = TestDatabase.rows("select actor, actor_user_id, actor_unit_id, client_address,"
                + " action, record_type, record_id, outcome, detail, seal_seq, chain_hash,"
                + " cast(round(extract(epoch from occurred_at) * 1000000) as bigint),"
                + " to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
                + " from pf_audit order by id");
        assertEquals(2, rows.size());
        List<Object> first = rows.get(0);
        assertEquals(List.of("alice", ALICE.toString(), UNIT_A.toString(), "10.0.0.7", "unit.update", "unit", "42",
                "SUCCESS"), first.subList(0, 8));
        assertNull(first.get(8));
        assertNull("written unsealed", first.get(9));
        assertNull(first.get(10));
        assertEquals(ChainHash.micros(T0), ((Number) first.get(11)).longValue());
        assertEquals("2026-03-01 17:30:00.123456", first.get(12));
        List<Object> second = rows.get(1);
        assertEquals("DENIED", second.get(7));
        assertEquals(ChainHash.micros(T0.plusSeconds(60)), ((Number) second.get(11)).longValue());
        assertEquals("2026-03-01 17:31:00.123456", second.get(12));
    }

    @Test
    public void instantsAreKeptToTheMicrosecond() {
        clock.set(Instant.parse("2026-03-01T17:30:00.123456789Z"));
        log.recordSeparately(AuditEvent.of("unit.read", "unit", 1));
        assertEquals(ChainHash.micros(Instant.parse("2026-03-01T17:30:00.123456Z")),
                count("select cast(round(extract(epoch from occurred_at) * 1000000) as bigint) from pf_audit"));
    }

    @Test
    public void theEventsActorIsTakenWhenThereIsNoCaller() {
        security.caller(null);
        security.clientAddress(null);
        log.recordSeparately(AuditEvent.of("auth.login", null, null).actor("bob").outcome(AuditEvent.Outcome.FAILURE));
        assertEquals(List.of(List.of("bob", "FAILURE")), TestDatabase.rows("select actor, outcome from pf_audit"
                + " where actor_user_id is null and actor_unit_id is null and client_address is null"
                + " and record_type is null and record_id is null"));
    }

    @Test
    public void theEventsActorKeepsTheCallersIdsOnlyWhenItIsTheCaller() {
        log.recordSeparately(AuditEvent.of("auth.logout", null, null).actor("alice"));
        log.recordSeparately(AuditEvent.of("user.unlock", "user", "bob").actor("bob"));
        assertEquals(List.of(List.of("alice", ALICE.toString(), UNIT_A.toString()), listOfNulls("bob")),
                TestDatabase.rows("select actor, actor_user_id, actor_unit_id from pf_audit order by id"));
    }

    private static List<Object> listOfNulls(String actor) {
        List<Object> row = new ArrayList<>();
        row.add(actor);
        row.add(null);
        row.add(null);
        return row;
    }

    @Test
    public void withoutCallerOrEventActorTheActorIsEmpty() {
        security.caller(null);
        log.recordSeparately(AuditEvent.of("job.run", "job", "nightly"));
        assertEquals(1, count("select count(*) from pf_audit where actor is null and actor_unit_id is null"));
    }

    @Test
    public void recordSeparatelySurvivesTheRollbackOfTheSurroundingTransaction() throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement act = c.prepareStatement("insert into pf_dictionary (id, public_id, code, name_zh,"
                    + " name_en, version, created_at, updated_at) values (1, 'x', 'D1', 'd', 'd', 0, current_timestamp,"
                    + " current_timestamp)")) {
                act.executeUpdate();
            }
            log.recordSeparately(AuditEvent.of("dictionary.create", "dictionary", "D1")
                    .outcome(AuditEvent.Outcome.FAILURE));
            c.rollback();
        }
        assertEquals(0, dictionaries());
        assertEquals(1, audits());
        assertEquals("FAILURE", TestDatabase.value("select outcome from pf_audit"));
    }

    @Test
    public void onlyTheSeparateRowSurvivesWhenTheActRollsBack() {
        try {
            jpa.tx(em -> {
                act(em, "D1");
                log.record(em, AuditEvent.of("dictionary.create", "dictionary", "D1"));
                log.recordSeparately(AuditEvent.of("dictionary.create", "dictionary", "D1")
                        .outcome(AuditEvent.Outcome.DENIED));
                throw new IllegalStateException("refused");
            });
            fail("the act should have failed");
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0, dictionaries());
        assertEquals(List.of("DENIED"), TestDatabase.column("select outcome from pf_audit"));
    }

    @Test
    public void recordSeparatelySuspendsTheJtaTransactionAndResumesIt() {
        RecordingTransactionManager jta = new RecordingTransactionManager();
        AuditLogImpl withJta = new AuditLogImpl(TestDatabase.dataSource(), security, clock, jta);
        withJta.recordSeparately(AuditEvent.of("auth.login", null, null));
        assertEquals(List.of("suspend", "resume"), jta.calls);
        assertSame(jta.transaction, jta.resumed);
        assertEquals(1, audits());
    }

    @Test
    public void theJtaTransactionIsResumedWhenTheRowCannotBeWritten() {
        TestDatabase.update("drop table pf_audit");
        RecordingTransactionManager jta = new RecordingTransactionManager();
        AuditLogImpl withJta = new AuditLogImpl(TestDatabase.dataSource(), security, clock, jta);
        try {
            withJta.recordSeparately(AuditEvent.of("auth.login", null, null));
            fail("no table, no row");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getCause() instanceof SQLException);
        }
        assertEquals(List.of("suspend", "resume"), jta.calls);
    }

    @Test
    public void textIsCutToTheColumnsSizes() {
        String longText = "x".repeat(700);
        log.recordSeparately(AuditEvent.of("a".repeat(150), "t".repeat(80), longText).detail(longText)
                .actor("b".repeat(90)));
        assertEquals(List.of(100, 50, 64, 500, 64), TestDatabase.rows("select length(action), length(record_type),"
                + " length(record_id), length(detail), length(actor) from pf_audit").get(0).stream()
                .map(n -> ((Number) n).intValue()).toList());
    }

    @Test
    public void logInjectionIsNeutralisedInTheRowAndInTheLog() {
        String forged = "renamed\r\nFAKE ENTRY action=user.delete actor=admin";
        String neutral = "renamed\\r\\nFAKE ENTRY action=user.delete actor=admin";
        String text;
        try (LogCapture capture = new LogCapture()) {
            jpa.tx(em -> log.record(em, AuditEvent.of("unit.update\n", "unit", "U1\rX").detail(forged)));
            log.recordSeparately(AuditEvent.of("auth.login", null, null).actor("mallory\nFAKE ENTRY").detail(forged));
            text = capture.text();
        }
        assertEquals(List.of(neutral, neutral), TestDatabase.column("select detail from pf_audit order by id"));
        assertEquals(List.of("unit.update\\n", "U1\\rX"),
                TestDatabase.rows("select action, record_id from pf_audit order by id").get(0));
        assertEquals("mallory\\nFAKE ENTRY", TestDatabase.value("select actor from pf_audit where action = 'auth.login'"));

        assertTrue("the entries were logged: " + text, text.contains("detail=" + neutral));
        assertTrue(text.contains("actor=mallory\\nFAKE ENTRY"));
        assertFalse("a forged line in the log: " + text, text.lines().anyMatch(l -> l.startsWith("FAKE ENTRY")));
        assertFalse(text.contains("\r"));
    }

    /** Records what is asked of it; a transaction is always "active". */
    static final class RecordingTransactionManager implements TransactionManager {
        final List<String> calls = new ArrayList<>();
        final Transaction transaction = new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public boolean delistResource(XAResource xaRes, int flag) {
                return false;
            }

            @Override
            public boolean enlistResource(XAResource xaRes) {
                return false;
            }

            @Override
            public int getStatus() {
                return javax.transaction.Status.STATUS_ACTIVE;
            }

            @Override
            public void registerSynchronization(Synchronization sync) {
            }

            @Override
            public void rollback() {
            }

            @Override
            public void setRollbackOnly() {
            }
        };
        Transaction resumed;

        @Override
        public void begin() {
            calls.add("begin");
        }

        @Override
        public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
                SystemException {
            calls.add("commit");
        }

        @Override
        public int getStatus() {
            return javax.transaction.Status.STATUS_ACTIVE;
        }

        @Override
        public Transaction getTransaction() {
            return transaction;
        }

        @Override
        public void resume(Transaction tobj) {
            calls.add("resume");
            resumed = tobj;
        }

        @Override
        public void rollback() {
            calls.add("rollback");
        }

        @Override
        public void setRollbackOnly() {
            calls.add("setRollbackOnly");
        }

        @Override
        public void setTransactionTimeout(int seconds) {
        }

        @Override
        public Transaction suspend() {
            calls.add("suspend");
            return transaction;
        }
    }
}
