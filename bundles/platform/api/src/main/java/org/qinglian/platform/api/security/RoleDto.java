package org.qinglian.platform.api.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A role: a named set of permissions {@code <module>:<action>} with a data scope. */
public class RoleDto {

    private UUID id;
    private String code;
    private String nameZh;
    private String nameEn;
    private ScopeKind scope;
    private Set<String> permissions = new TreeSet<>();
    private boolean builtIn;
    private UUID unitId;
    private Long version;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public ScopeKind getScope() { return scope; }
    public void setScope(ScopeKind scope) { this.scope = scope; }
    public Set<String> getPermissions() { return permissions; }
    public void setPermissions(Set<String> permissions) { this.permissions = permissions; }
    /** Built-in roles cannot be changed or deleted. */
    public boolean isBuiltIn() { return builtIn; }
    public void setBuiltIn(boolean builtIn) { this.builtIn = builtIn; }
    /** The unit that defined a custom role (null for built-in roles). */
    public UUID getUnitId() { return unitId; }
    public void setUnitId(UUID unitId) { this.unitId = unitId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
