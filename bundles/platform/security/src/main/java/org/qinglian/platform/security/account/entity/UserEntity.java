package org.qinglian.platform.security.account.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.JoinTable;
import javax.persistence.ManyToMany;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/**
 * A user account. Its unit and person are the platform's records, referred to by their internal
 * ids only; the services translate them to and from public ids.
 */
@Entity
@Table(name = "pf_user")
public class UserEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_user_seq")
    @SequenceGenerator(name = "pf_user_seq", sequenceName = "pf_user_seq", allocationSize = 50)
    private Long id;

    @Column(name = "username", length = 64, nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", length = 100)
    private String displayName;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Column(name = "password_algorithm", length = 32)
    private String passwordAlgorithm;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    @Column(name = "failed_count", nullable = false)
    private int failedCount;

    @Column(name = "locked_until", columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant lockedUntil;

    @Column(name = "last_login_at", columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant lastLoginAt;

    @ManyToMany
    @JoinTable(name = "pf_user_role", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<RoleEntity> roles = new HashSet<>();

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getPasswordHash() { return passwordHash; }
    public String getPasswordAlgorithm() { return passwordAlgorithm; }

    /** Sets the stored hash and the id of the algorithm that produced it. */
    public void setPassword(String algorithm, String hash) {
        this.passwordAlgorithm = algorithm;
        this.passwordHash = hash;
    }

    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public boolean isDisabled() { return disabled; }
    public void setDisabled(boolean disabled) { this.disabled = disabled; }
    public int getFailedCount() { return failedCount; }
    public void setFailedCount(int failedCount) { this.failedCount = failedCount; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
    public Set<RoleEntity> getRoles() { return roles; }
}
