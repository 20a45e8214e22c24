package org.qinglian.platform.api;

import org.osgi.annotation.versioning.ProviderType;

/** Whether the platform's database is reachable and migrated; read by the health endpoint. */
@ProviderType
public interface DatabaseStatus {

    /** Checks the database now. */
    Report check();

    /** The result of one check. */
    final class Report {
        private final boolean up;
        private final String database;
        private final String reason;

        public Report(boolean up, String database, String reason) {
            this.up = up;
            this.database = database;
            this.reason = reason;
        }

        /** Whether the database answered and its schema is migrated. */
        public boolean isUp() {
            return up;
        }

        /** The database product name, when known. */
        public String getDatabase() {
            return database;
        }

        /** Why the database is down (for operators, not users), or null. */
        public String getReason() {
            return reason;
        }
    }
}
