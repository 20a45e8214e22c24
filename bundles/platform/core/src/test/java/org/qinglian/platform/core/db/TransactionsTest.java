package org.qinglian.platform.core.db;

import org.qinglian.platform.testing.TestDatabase;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.util.List;

import javax.persistence.EntityManager;

import org.junit.Test;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.persistence.Transactions;
import org.qinglian.platform.core.DatabaseTestCase;
import org.qinglian.platform.core.entity.UnitEntity;

/** What the database refuses becomes a problem the caller can act on; the work is rolled back. */
public class TransactionsTest extends DatabaseTestCase {

    private UnitEntity persistUnit(EntityManager em, String name, String code) {
        UnitEntity u = new UnitEntity();
        u.setName(name);
        u.setCode(code);
        u.setKind(UnitKind.COMMISSION);
        u.setLevel(UnitLevel.CITY);
        u.created(clock.now());
        em.persist(u);
        return u;
    }

    @Test
    public void workIsCommitted() {
        String publicId = Transactions.inTransaction(jpa, em -> persistUnit(em, "市纪委", "SJW").getPublicId()
                .toString());
        assertEquals(publicId, TestDatabase.value("select public_id from pf_unit where code = 'SJW'"));
    }

    @Test
    public void aViolatedConstraintIs409AndNothingIsWritten() {
        Transactions.inTransaction(jpa, em -> persistUnit(em, "市纪委", "SJW"));
        // bypasses the service's own duplicate check: the partial unique index refuses
        ProblemException e = assertThrows(ConflictException.class, () -> Transactions.inTransaction(jpa, em -> {
            persistUnit(em, "另一个", "OTHER");
            persistUnit(em, "重复", "SJW");
            em.flush();
            return null;
        }));
        assertEquals(409, e.getStatus());
        assertEquals("conflict", e.getType());
        assertEquals("problem.constraint", e.getMessageKey());
        assertEquals(List.of("市纪委"), TestDatabase.column("select name from pf_unit"));
    }

    @Test
    public void aConcurrentEditIs412() {
        Transactions.inTransaction(jpa, em -> persistUnit(em, "市纪委", "SJW"));
        ProblemException e = assertThrows(ProblemException.class, () -> Transactions.inTransaction(jpa, em -> {
            UnitEntity u = em.createQuery("select u from UnitEntity u", UnitEntity.class).getSingleResult();
            // someone else commits a change of the same row meanwhile
            assertEquals(1, TestDatabase.update("update pf_unit set name = 'B', version = version + 1"));
            u.setName("A");
            em.flush();
            return null;
        }));
        assertEquals(412, e.getStatus());
        assertEquals("stale-version", e.getType());
        assertEquals("problem.concurrentEdit", e.getMessageKey());
        assertEquals(List.of(List.of("B", 1L)), TestDatabase.rows("select name, version from pf_unit"));
    }

    @Test
    public void otherFailuresPassUnchangedAndRollBack() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(jpa, em -> {
            persistUnit(em, "市纪委", "SJW");
            em.flush();
            throw failure;
        })));
        ProblemException problem = new ProblemException(418, "teapot", "problem.http", 418);
        assertSame(problem, assertThrows(ProblemException.class, () -> Transactions.inTransaction(jpa, em -> {
            persistUnit(em, "市纪委", "SJW");
            throw problem;
        })));
        assertEquals(0L, TestDatabase.value("select count(*) from pf_unit"));
    }
}
