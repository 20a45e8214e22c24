package org.qinglian.platform.api;

import java.time.Instant;
import java.util.UUID;

/** A unit of the organisation tree (单位). Ids are public UUIDs; {@code version} guards edits. */
public class UnitDto {

    private UUID id;
    private String externalId;
    private String name;
    private String shortName;
    private String code;
    private UnitKind kind;
    private UnitLevel level;
    private UUID parentId;
    private Integer sortOrder;
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    /** The id of the unit in an external system (HR, provincial platform), unique if set. */
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    /** The unit's organisation code, unique if set. */
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public UnitLevel getLevel() { return level; }
    public void setLevel(UnitLevel level) { this.level = level; }
    /** The parent unit, or null for a root of the tree. */
    public UUID getParentId() { return parentId; }
    public void setParentId(UUID parentId) { this.parentId = parentId; }
    /** Position among siblings, ascending. */
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
