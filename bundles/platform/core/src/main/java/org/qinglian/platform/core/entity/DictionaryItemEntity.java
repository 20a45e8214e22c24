package org.qinglian.platform.core.entity;

import org.qinglian.platform.api.persistence.RecordBase;
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

@Entity
@Table(name = "pf_dictionary_item")
public class DictionaryItemEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_dictionary_item_seq")
    @SequenceGenerator(name = "pf_dictionary_item_seq", sequenceName = "pf_dictionary_item_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dictionary_id", nullable = false)
    private DictionaryEntity dictionary;

    @Column(name = "code", length = 32, nullable = false)
    private String code;

    @Column(name = "label_zh", length = 100, nullable = false)
    private String labelZh;

    @Column(name = "label_en", length = 200, nullable = false)
    private String labelEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    public Long getId() { return id; }
    public DictionaryEntity getDictionary() { return dictionary; }
    public void setDictionary(DictionaryEntity dictionary) { this.dictionary = dictionary; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabelZh() { return labelZh; }
    public void setLabelZh(String labelZh) { this.labelZh = labelZh; }
    public String getLabelEn() { return labelEn; }
    public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
