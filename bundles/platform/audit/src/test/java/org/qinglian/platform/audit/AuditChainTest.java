package org.qinglian.platform.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Test;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditVerification;
import org.qinglian.platform.testing.TestDatabase;

/** Sealing chains committed rows and exports the head; verification finds edits, deletions and reorderings. */
public class AuditChainTest extends AuditTestCase {

    private static void assertValid(long checked, AuditVerification v) {
        assertTrue("valid", v.isValid());
        assertEquals(checked, v.getChecked());
        assertNull(v.getFirstBroken());
    }

    private static void assertBroken(UUID firstBroken, AuditVerification v) {
        assertFalse("should be invalid", v.isValid());
        assertEquals(firstBroken, v.getFirstBroken());
    }

    private AuditHead head() throws IOException {
        return AuditHead.read(headFile).orElseThrow();
    }

    @Test
    public void sealingChainsCommittedRowsInOrderAndExportsTheHead() throws IOException {
        List<UUID> ids = write(3);
        String logged;
        try (LogCapture capture = new LogCapture()) {
            assertEquals(3, trail.seal());
            logged = capture.text();
        }
        assertEquals(ids, List.of(atSeq(1), atSeq(2), atSeq(3)));
        // each link is the keyed hash over the previous link and the row
        ChainHash chain = new ChainHash(AuditKey.load(keyFile));
        String previous = "";
        for (long seq = 1; seq <= 3; seq++) {
            ChainRow row = readRow(seq);
            assertEquals(chain.link(previous, seq, row), row.chainHash());
            previous = row.chainHash();
        }
        assertEquals(new AuditHead(3, previous), head());
        assertTrue(Files.readString(headFile).contains("seq=3\nhash=" + previous + "\n"));
        assertTrue(logged, logged.contains("audit head seq=3 hash=" + previous));

        assertEquals("nothing left to seal", 0, trail.seal());
        assertEquals(new AuditHead(3, previous), head());
    }

    private static ChainRow readRow(long seq) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("select " + ChainRow.COLUMNS + " from pf_audit where seal_seq = ?")) {
            ps.setLong(1, seq);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return ChainRow.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void verificationIsValidAfterSealingAndIgnoresUnsealedRows() {
        write(3);
        trail.seal();
        assertValid(3, trail.verify());
        write(2);
        assertValid(3, trail.verify());
        assertEquals(2, count("select count(*) from pf_audit where seal_seq is null"));
    }

    @Test
    public void anEmptyTrailIsValid() {
        assertEquals(0, trail.seal());
        assertValid(0, trail.verify());
        assertFalse("no head before anything was sealed", Files.exists(headFile));
    }

    @Test
    public void rowsCommittedAfterASealAreSealedNext() throws IOException {
        write(3);
        assertEquals(3, trail.seal());
        List<UUID> ids = write(2);
        assertEquals(2, trail.seal());
        assertEquals(ids.subList(3, 5), List.of(atSeq(4), atSeq(5)));
        assertEquals(5, head().seq());
        assertValid(5, trail.verify());
        assertValid(5, newTrail().verify());
    }

    @Test
    public void anEditedRowIsNamed() {
        write(5);
        trail.seal();
        assertEquals(1, TestDatabase.update("update pf_audit set detail = 'nothing happened' where seal_seq = 3"));
        AuditVerification v = trail.verify();
        assertBroken(atSeq(3), v);
        assertEquals(3, v.getChecked());
    }

    @Test
    public void anEmptiedFieldIsNamed() {
        write(5);
        trail.seal();
        // a value taken away is a change too
        TestDatabase.update("update pf_audit set record_type = null where seal_seq = 2");
        assertBroken(atSeq(2), trail.verify());
    }

    @Test
    public void aMicrosecondOfTimeIsNoticed() {
        write(3);
        trail.seal();
        TestDatabase.update("update pf_audit set occurred_at = occurred_at + interval '1 microsecond' where seal_seq = 1");
        assertBroken(atSeq(1), trail.verify());
    }

    @Test
    public void aDeletedMiddleRowNamesTheRowAfterIt() {
        write(5);
        trail.seal();
        UUID fourth = atSeq(4);
        assertEquals(1, TestDatabase.update("delete from pf_audit where seal_seq = 3"));
        AuditVerification v = trail.verify();
        assertBroken(fourth, v);
        assertEquals(3, v.getChecked());
    }

    @Test
    public void aDeletedFirstRowNamesTheNewFirst() {
        write(3);
        trail.seal();
        UUID second = atSeq(2);
        TestDatabase.update("delete from pf_audit where seal_seq = 1");
        assertBroken(second, trail.verify());
    }

    @Test
    public void deletedNewestRowsAreFoundThroughTheExportedHead() throws IOException {
        write(5);
        trail.seal();
        UUID third = atSeq(3);
        assertEquals(2, TestDatabase.update("delete from pf_audit where seal_seq >= 4"));
        AuditVerification v = trail.verify();
        assertBroken(third, v);
        assertEquals(3, v.getChecked());
        // the chain alone cannot tell: without the head the truncated trail looks whole
        Files.delete(headFile);
        assertValid(3, trail.verify());
    }

    @Test
    public void allRowsDeletedIsInvalidWithNothingToName() {
        write(2);
        trail.seal();
        TestDatabase.update("delete from pf_audit");
        AuditVerification v = trail.verify();
        assertBroken(null, v);
        assertEquals(0, v.getChecked());
    }

    @Test
    public void swappedRowContentsNameTheFirstOfThem() {
        clock.advance(Duration.ofSeconds(1));
        log.recordSeparately(AuditEvent.of("unit.create", "unit", "U-1"));
        clock.advance(Duration.ofSeconds(1));
        log.recordSeparately(AuditEvent.of("person.delete", "person", "P-7").detail("resigned"));
        clock.advance(Duration.ofSeconds(1));
        log.recordSeparately(AuditEvent.of("unit.update", "unit", "U-2").outcome(AuditEvent.Outcome.DENIED));
        clock.advance(Duration.ofSeconds(1));
        log.recordSeparately(AuditEvent.of("unit.read", "unit", "U-3"));
        trail.seal();
        // rows 2 and 3 exchange what they say happened, keeping their ids, sequences and hashes
        TestDatabase.update("update pf_audit a set action = b.action, record_type = b.record_type,"
                + " record_id = b.record_id, outcome = b.outcome, detail = b.detail, occurred_at = b.occurred_at"
                + " from pf_audit b where (a.seal_seq, b.seal_seq) in ((2, 3), (3, 2))");
        assertEquals("unit.update", TestDatabase.value("select action from pf_audit where seal_seq = 2"));
        AuditVerification v = trail.verify();
        assertBroken(atSeq(2), v);
        assertEquals(2, v.getChecked());
    }

    @Test
    public void reorderedRowsAreFound() {
        List<UUID> ids = write(4);
        trail.seal();
        // rows 2 and 3 exchange their places in the chain, each keeping its hash
        TestDatabase.update("update pf_audit set seal_seq = -seal_seq where seal_seq in (2, 3)");
        TestDatabase.update("update pf_audit a set seal_seq = -b.seal_seq, chain_hash = b.chain_hash"
                + " from pf_audit b where (a.seal_seq, b.seal_seq) in ((-2, -3), (-3, -2))");
        assertEquals(ids.get(2), atSeq(2));
        assertBroken(ids.get(2), trail.verify());
    }

    @Test
    public void sealingStopsOverATruncatedTrailUntilTheHeadIsArchived() throws IOException {
        write(5);
        trail.seal();
        UUID third = atSeq(3);
        TestDatabase.update("delete from pf_audit where seal_seq >= 4");
        write(2);
        // sealing the new rows as 4 and 5 would hide the deletion
        assertEquals(0, trail.seal());
        assertEquals(0, newTrail().seal());
        assertEquals(2, count("select count(*) from pf_audit where seal_seq is null"));
        assertEquals(5, head().seq());
        assertBroken(third, trail.verify());

        // after investigating, an administrator archives the head: sealing resumes from what is there
        Files.move(headFile, headFile.resolveSibling("audit-head.archived"));
        assertEquals(2, trail.seal());
        assertEquals(5, head().seq());
        assertValid(5, trail.verify());
    }

    @Test
    public void sealingStopsWhenTheNewestHashDiffersFromTheExportedOne() throws IOException {
        write(3);
        trail.seal();
        UUID third = atSeq(3);
        new AuditHead(3, "0".repeat(64)).write(headFile);
        write(1);
        assertEquals(0, trail.seal());
        assertBroken(third, trail.verify());
    }

    @Test
    public void aMalformedHeadFailsVerificationAndStopsSealing() throws IOException {
        write(2);
        trail.seal();
        Files.writeString(headFile, "seq=two\n");
        write(1);
        assertEquals(0, trail.seal());
        AuditVerification v = trail.verify();
        assertFalse(v.isValid());
        assertEquals(2, v.getChecked());
        assertNull(v.getFirstBroken());
    }

    @Test
    public void anotherKeyBreaksTheChainAtTheFirstRow() throws IOException {
        write(3);
        trail.seal();
        Path otherKey = folder.getRoot().toPath().resolve("other/qinglian-audit.key");
        AuditTrailImpl withOtherKey = new AuditTrailImpl(TestDatabase.dataSource(), security, null, otherKey, headFile);
        assertBroken(atSeq(1), withOtherKey.verify());
    }

    @Test
    public void theKeyIsCreatedOnceOwnerOnlyAndKeptOutOfTheDatabase() throws IOException {
        assertTrue(Files.exists(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        String encoded = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        assertEquals(32, Base64.getDecoder().decode(encoded).length);
        newTrail();
        assertEquals("an existing key is never replaced", encoded, Files.readString(keyFile).trim());
        write(2);
        trail.seal();
        assertEquals(0, count("select count(*) from pf_audit where detail like ? or chain_hash like ?",
                "%" + encoded + "%", "%" + encoded + "%"));
    }

    @Test
    public void aShortOrGarbledKeyIsRefused() throws IOException {
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[16]));
        try {
            newTrail();
            fail("16 bytes are too few");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("at least 32"));
        }
        Files.writeString(keyFile, "not base64 at all!");
        try {
            newTrail();
            fail("not base64");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("base64"));
        }
    }

    @Test
    public void whileAnotherNodeHoldsTheLockNothingIsSealed() throws SQLException {
        write(3);
        try (Connection other = TestDatabase.dataSource().getConnection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, AuditTrailImpl.SEAL_LOCK);
            lock.execute();
            assertEquals(0, trail.seal());
            assertEquals(3, count("select count(*) from pf_audit where seal_seq is null"));
        }
        assertEquals(3, trail.seal());
    }

    @Test
    public void twoNodesSealingAtOnceKeepOneChain() throws Exception {
        AuditTrailImpl node2 = new AuditTrailImpl(TestDatabase.dataSource(), security, null, keyFile,
                folder.getRoot().toPath().resolve("node2/audit-head"));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Long>> sealers = new ArrayList<>();
            for (AuditTrailImpl node : List.of(trail, node2)) {
                sealers.add(() -> {
                    long sealed = 0;
                    while (writing.get()) {
                        sealed += node.seal();
                    }
                    return sealed;
                });
            }
            List<Future<Long>> results = new ArrayList<>();
            for (Callable<Long> sealer : sealers) {
                results.add(pool.submit(sealer));
            }
            for (int i = 0; i < 60; i++) {
                log.recordSeparately(AuditEvent.of("unit.read", "unit", "U-" + i));
            }
            writing.set(false);
            long sealed = 0;
            for (Future<Long> result : results) {
                sealed += result.get(60, TimeUnit.SECONDS);
            }
            sealed += trail.seal();
            assertEquals(60, sealed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60, count("select max(seal_seq) from pf_audit"));
        assertEquals(60, count("select count(distinct seal_seq) from pf_audit"));
        assertValid(60, trail.verify());
    }

    @Test
    public void moreThanOneBatchIsSealedAtOnce() throws IOException {
        int n = AuditTrailImpl.BATCH + 5;
        TestDatabase.update("insert into pf_audit (public_id, occurred_at, actor, action, outcome)"
                + " select cast(gen_random_uuid() as varchar), now(), 'loader', 'import.row', 'SUCCESS'"
                + " from generate_series(1, ?)", n);
        assertEquals(n, trail.seal());
        assertEquals(n, head().seq());
        assertValid(n, trail.verify());
    }
}
