package org.qinglian.platform.api.persistence;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * What every mutable record of the platform and its modules has (a JPA mapped superclass for
 * the modules' private entities): a public UUID, a version for optimistic locking,
 * UTC creation and update instants, and the instant it was soft-deleted.
 */
@MappedSuperclass
public abstract class RecordBase {

    /** The column type of every instant: UTC {@code timestamp with time zone}. */
    public static final String TIMESTAMPTZ = "timestamp with time zone";

    @Column(name = "public_id", length = 36, nullable = false, updatable = false, unique = true)
    private String publicId = UUID.randomUUID().toString();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = TIMESTAMPTZ)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = TIMESTAMPTZ)
    private Instant updatedAt;

    @Column(name = "deleted_at", columnDefinition = TIMESTAMPTZ)
    private Instant deletedAt;

    public UUID getPublicId() {
        return UUID.fromString(publicId);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Stamps a new record. */
    public void created(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void touched(Instant now) {
        this.updatedAt = now;
    }

    public void deleted(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }
}
