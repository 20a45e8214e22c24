package org.qinglian.platform.core.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.persistence.RecordBase;

/** A unit's own setting for a module; without one the unit inherits its parent's. */
@Entity
@Table(name = "pf_module_activation")
public class ModuleActivationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_module_activation_seq")
    @SequenceGenerator(name = "pf_module_activation_seq", sequenceName = "pf_module_activation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private UnitEntity unit;

    @Column(name = "module_id", length = 64, nullable = false)
    private String moduleId;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant updatedAt;

    public Long getId() { return id; }
    public UnitEntity getUnit() { return unit; }
    public void setUnit(UnitEntity unit) { this.unit = unit; }
    public String getModuleId() { return moduleId; }
    public void setModuleId(String moduleId) { this.moduleId = moduleId; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
