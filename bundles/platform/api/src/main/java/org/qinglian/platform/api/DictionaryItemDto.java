package org.qinglian.platform.api;

import java.util.UUID;

/** One code of a dictionary with its labels in both languages. */
public class DictionaryItemDto {

    private UUID id;
    private String code;
    private String labelZh;
    private String labelEn;
    private Integer sortOrder;
    private Boolean active;
    private Long version;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabelZh() { return labelZh; }
    public void setLabelZh(String labelZh) { this.labelZh = labelZh; }
    public String getLabelEn() { return labelEn; }
    public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    /** Inactive codes stay on the records that use them but cannot be chosen anew. */
    public Boolean getActive() { return active; }
    public void setActive(Boolean active) { this.active = active; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
