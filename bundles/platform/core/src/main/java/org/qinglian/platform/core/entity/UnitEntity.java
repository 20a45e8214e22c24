package org.qinglian.platform.core.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;

@Entity
@Table(name = "pf_unit")
public class UnitEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_unit_seq")
    @SequenceGenerator(name = "pf_unit_seq", sequenceName = "pf_unit_seq", allocationSize = 50)
    private Long id;

    @Column(name = "external_id", length = 64)
    private String externalId;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "short_name", length = 50)
    private String shortName;

    @Column(name = "code", length = 32)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 32, nullable = false)
    private UnitKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", length = 16, nullable = false)
    private UnitLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private UnitEntity parent;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public UnitLevel getLevel() { return level; }
    public void setLevel(UnitLevel level) { this.level = level; }
    public UnitEntity getParent() { return parent; }
    public void setParent(UnitEntity parent) { this.parent = parent; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
}
