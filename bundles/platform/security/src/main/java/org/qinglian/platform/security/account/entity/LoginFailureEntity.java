package org.qinglian.platform.security.account.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EmbeddedId;
import javax.persistence.Entity;
import javax.persistence.Table;

/** The failed logins of one account from one client address in the current window, and that address's lock. */
@Entity
@Table(name = "pf_login_failure")
public class LoginFailureEntity {

    /** The account and the client address. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "user_id", nullable = false)
        private Long userId;

        @Column(name = "client_address", length = 64, nullable = false)
        private String clientAddress;

        protected Key() {
        }

        public Key(Long userId, String clientAddress) {
            this.userId = userId;
            this.clientAddress = clientAddress;
        }

        public Long getUserId() { return userId; }
        public String getClientAddress() { return clientAddress; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Objects.equals(userId, ((Key) o).userId)
                    && Objects.equals(clientAddress, ((Key) o).clientAddress);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, clientAddress);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "first_failure_at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant firstFailureAt;

    @Column(name = "locked_until", columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant lockedUntil;

    protected LoginFailureEntity() {
    }

    public LoginFailureEntity(Key key, Instant now) {
        this.key = key;
        this.firstFailureAt = now;
    }

    public Key getKey() { return key; }
    public int getFailures() { return failures; }
    public Instant getFirstFailureAt() { return firstFailureAt; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }

    /** Counts one more failure, starting a new window if the current one began before {@code windowStart}. */
    public int fail(Instant now, Instant windowStart) {
        if (firstFailureAt.isBefore(windowStart) || failures == 0) {
            failures = 0;
            firstFailureAt = now;
            lockedUntil = null;
        }
        return ++failures;
    }
}
