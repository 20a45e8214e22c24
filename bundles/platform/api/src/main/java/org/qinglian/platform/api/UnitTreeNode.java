package org.qinglian.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A unit with its children, as the tree endpoint answers. */
public class UnitTreeNode {

    private UUID id;
    private String name;
    private UnitKind kind;
    private UnitLevel level;
    private List<UnitTreeNode> children = new ArrayList<>();

    public UnitTreeNode() {
    }

    public UnitTreeNode(UUID id, String name, UnitKind kind, UnitLevel level) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.level = level;
    }

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public UnitLevel getLevel() { return level; }
    public void setLevel(UnitLevel level) { this.level = level; }
    public List<UnitTreeNode> getChildren() { return children; }
    public void setChildren(List<UnitTreeNode> children) { this.children = children; }
}
