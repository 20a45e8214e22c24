package org.qinglian.platform.modules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/** The desired feature set in the database: feature → installed or not, and at which version. */
final class DesiredFeatures {

    /** One row of the set. */
    record Desired(String feature, String version, boolean installed) {
    }

    private final DataSource dataSource;

    DesiredFeatures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, Desired> all() {
        Map<String, Desired> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select feature, version, installed from pf_desired_feature"
                        + " order by requested_at, feature");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), new Desired(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The desired feature set cannot be read", e);
        }
        return result;
    }

    void record(String feature, String version, boolean installed, String actor, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from pf_desired_feature where feature = ?");
                    PreparedStatement insert = c.prepareStatement("insert into pf_desired_feature"
                            + " (feature, version, installed, requested_by, requested_at) values (?, ?, ?, ?, ?)")) {
                delete.setString(1, feature);
                delete.executeUpdate();
                insert.setString(1, feature);
                insert.setString(2, version);
                insert.setBoolean(3, installed);
                insert.setString(4, actor);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The desired feature set cannot be written", e);
        }
    }
}
