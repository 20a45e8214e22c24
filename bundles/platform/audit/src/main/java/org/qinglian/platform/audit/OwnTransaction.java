package org.qinglian.platform.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;
import javax.transaction.InvalidTransactionException;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDBC work on a connection of its own, outside whatever JTA transaction the calling thread is
 * in: that transaction is suspended first (so the pooled XA connection is not enlisted in it) and
 * resumed afterwards, whatever happened. What is committed here stays committed when the caller's
 * transaction rolls back.
 */
final class OwnTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(OwnTransaction.class);

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private OwnTransaction() {
    }

    /** Runs the work in autocommit: each statement commits on its own. */
    static <T> T autocommit(TransactionManager jta, DataSource dataSource, Work<T> work) throws SQLException {
        return outside(jta, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                return work.run(c);
            }
        });
    }

    /** Runs the work in one local transaction: committed when it returns, rolled back when it throws. */
    static <T> T transaction(TransactionManager jta, DataSource dataSource, Work<T> work) throws SQLException {
        return outside(jta, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    try {
                        c.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    throw e;
                } finally {
                    restoreAutocommit(c);
                }
            }
        });
    }

    private static void restoreAutocommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection: the pool discards it on close, and the work's own failure is what matters
            LOG.debug("Cannot restore autocommit on an audit connection", e);
        }
    }

    /** Whether the connection is to PostgreSQL (else H2, the embedded single-node database). */
    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    @FunctionalInterface
    private interface Body<T> {
        T run() throws SQLException;
    }

    private static <T> T outside(TransactionManager jta, Body<T> body) throws SQLException {
        Transaction suspended = suspend(jta);
        Throwable failure = null;
        try {
            return body.run();
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (suspended != null) {
                resume(jta, suspended, failure);
            }
        }
    }

    private static Transaction suspend(TransactionManager jta) {
        if (jta == null) {
            return null;
        }
        try {
            return jta.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot suspend the current transaction", e);
        }
    }

    private static void resume(TransactionManager jta, Transaction suspended, Throwable failure) {
        try {
            jta.resume(suspended);
        } catch (InvalidTransactionException | SystemException | RuntimeException e) {
            IllegalStateException resumeFailure = new IllegalStateException("Cannot resume the suspended transaction", e);
            if (failure == null) {
                throw resumeFailure;
            }
            failure.addSuppressed(resumeFailure);
        }
    }
}
