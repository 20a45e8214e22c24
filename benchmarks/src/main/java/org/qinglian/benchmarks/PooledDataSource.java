package org.qinglian.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Keeps the physical connections of another datasource open and hands them out again, as the
 * portal's dbcp2 pool does: without it every transaction of the benchmark would open a new
 * PostgreSQL connection (a backend process), and that, not the audit row, would be measured.
 * A connection handed back is rolled back if a transaction is open and set to auto-commit.
 */
final class PooledDataSource implements DataSource {

    private final DataSource physical;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    PooledDataSource(DataSource physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.pollFirst();
        if (c == null || c.isClosed()) {
            c = physical.getConnection();
        }
        Connection target = c;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!target.getAutoCommit()) {
                                target.rollback();
                                target.setAutoCommit(true);
                            }
                            idle.offerFirst(target);
                            return null;
                        case "isClosed":
                            return false;
                        case "unwrap":
                            return ((Class<?>) args[0]).isInstance(target) ? target : target.unwrap((Class<?>) args[0]);
                        case "isWrapperFor":
                            return ((Class<?>) args[0]).isInstance(target) || target.isWrapperFor((Class<?>) args[0]);
                        default:
                            try {
                                return method.invoke(target, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one user");
    }

    /** Closes the idle physical connections. */
    void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the physical datasource's
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
