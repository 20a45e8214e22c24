package org.qinglian.platform.security.account.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.security.ScopeKind;

/** A role: permissions in Shiro wildcard syntax and a data scope. */
@Entity
@Table(name = "pf_role")
public class RoleEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_role_seq")
    @SequenceGenerator(name = "pf_role_seq", sequenceName = "pf_role_seq", allocationSize = 50)
    private Long id;

    @Column(name = "code", length = 64, nullable = false, unique = true)
    private String code;

    @Column(name = "name_zh", length = 50, nullable = false)
    private String nameZh;

    @Column(name = "name_en", length = 100, nullable = false)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind", length = 16, nullable = false)
    private ScopeKind scopeKind;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "unit_id")
    private Long unitId;

    @ElementCollection
    @CollectionTable(name = "pf_role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission", length = 100, nullable = false)
    private Set<String> permissions = new HashSet<>();

    public Long getId() { return id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public ScopeKind getScopeKind() { return scopeKind; }
    public void setScopeKind(ScopeKind scopeKind) { this.scopeKind = scopeKind; }
    public boolean isBuiltIn() { return builtIn; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Set<String> getPermissions() { return permissions; }
}
