package org.qinglian.platform.security.account.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** An API token: its prefix in clear for look-up, the whole token only as its hex SHA-256. */
@Entity
@Table(name = "pf_api_token")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_api_token_seq")
    @SequenceGenerator(name = "pf_api_token_seq", sequenceName = "pf_api_token_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", length = 36, nullable = false, updatable = false, unique = true)
    private String publicId = UUID.randomUUID().toString();

    @Column(name = "prefix", length = 16, nullable = false, updatable = false, unique = true)
    private String prefix;

    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserEntity user;

    @Column(name = "expires_at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant expiresAt;

    @Column(name = "revoked_at", columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant createdAt;

    @Column(name = "last_used_at", columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant lastUsedAt;

    @ElementCollection
    @CollectionTable(name = "pf_api_token_permission", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "permission", length = 100, nullable = false)
    private Set<String> permissions = new HashSet<>();

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(String prefix, String tokenHash, String name, UserEntity user, Set<String> permissions,
            Instant expiresAt, Instant now) {
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.name = name;
        this.user = user;
        this.permissions.addAll(permissions);
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public UUID getPublicId() { return UUID.fromString(publicId); }
    public String getPrefix() { return prefix; }
    public String getTokenHash() { return tokenHash; }
    public String getName() { return name; }
    public UserEntity getUser() { return user; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Set<String> getPermissions() { return permissions; }
}
