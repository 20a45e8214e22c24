package org.qinglian.platform.api;

import java.util.UUID;

/** Filters of the unit list; a null filter is not applied. */
public class UnitQuery {

    private UUID parentId;
    private boolean rootsOnly;
    private String name;
    private UnitKind kind;
    private UnitLevel level;

    /** Only the direct children of this unit. */
    public UUID getParentId() { return parentId; }
    public UnitQuery setParentId(UUID parentId) { this.parentId = parentId; return this; }
    /** Only units without a parent. */
    public boolean isRootsOnly() { return rootsOnly; }
    public UnitQuery setRootsOnly(boolean rootsOnly) { this.rootsOnly = rootsOnly; return this; }
    /** Name or short name containing this text. */
    public String getName() { return name; }
    public UnitQuery setName(String name) { this.name = name; return this; }
    public UnitKind getKind() { return kind; }
    public UnitQuery setKind(UnitKind kind) { this.kind = kind; return this; }
    public UnitLevel getLevel() { return level; }
    public UnitQuery setLevel(UnitLevel level) { this.level = level; return this; }
}
