package org.qinglian.platform.security.account.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A signed-in session, kept by the hex SHA-256 of its cookie value (the value itself is never stored). */
@Entity
@Table(name = "pf_session")
public class SessionEntity {

    @Id
    @Column(name = "id_hash", length = 64, nullable = false)
    private String idHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserEntity user;

    @Column(name = "csrf_token", length = 64, nullable = false)
    private String csrfToken;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant expiresAt;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "revoked_at", columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant revokedAt;

    protected SessionEntity() {
    }

    public SessionEntity(String idHash, UserEntity user, String csrfToken, Instant now, Instant expiresAt,
            String clientAddress) {
        this.idHash = idHash;
        this.user = user;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
        this.clientAddress = clientAddress;
    }

    public String getIdHash() { return idHash; }
    public UserEntity getUser() { return user; }
    public String getCsrfToken() { return csrfToken; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getClientAddress() { return clientAddress; }
    public Instant getRevokedAt() { return revokedAt; }

    /** Ends the session. */
    public void revoke(Instant now) {
        this.revokedAt = now;
    }
}
