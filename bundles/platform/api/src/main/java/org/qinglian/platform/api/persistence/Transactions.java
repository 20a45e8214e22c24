package org.qinglian.platform.api.persistence;

import java.sql.SQLException;
import java.util.List;

import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.ProblemException;

/**
 * Runs a unit of work in a transaction and turns what the database refused into problems the
 * caller can act on: a concurrent edit into 412, a violated constraint into 409. Any other
 * failure passes unchanged.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Runs the work in a transaction (joining the current one), translating what the database refused. */
    public static <R> R inTransaction(JpaTemplate jpa, EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** The problem a failure of transactional work stands for, or the failure itself. */
    public static RuntimeException translate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
                return (ProblemException) t;
            }
            if (t instanceof OptimisticLockException
                    || "org.hibernate.StaleObjectStateException".equals(t.getClass().getName())
                    || "org.hibernate.StaleStateException".equals(t.getClass().getName())) {
                return new ProblemException(412, "stale-version", "problem.concurrentEdit", List.of());
            }
            if (t instanceof SQLException && isConstraintViolation((SQLException) t)) {
                return new ConflictException("problem.constraint");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }

    private static boolean isConstraintViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }
}
