package org.qinglian.platform.core.entity;

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

import org.qinglian.platform.api.persistence.RecordBase;
import org.qinglian.platform.api.portal.TodoDraft;

@Entity
@Table(name = "pf_notice")
public class NoticeEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_notice_seq")
    @SequenceGenerator(name = "pf_notice_seq", sequenceName = "pf_notice_seq", allocationSize = 50)
    private Long id;

    @Column(name = "module_id", length = 64, nullable = false)
    private String moduleId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private UnitEntity unit;

    @Column(name = "recipient", length = 36)
    private String recipient;

    @Column(name = "title_zh", length = 300, nullable = false)
    private String titleZh;

    @Column(name = "title_en", length = 300, nullable = false)
    private String titleEn;

    @Column(name = "body_zh", length = 4000)
    private String bodyZh;

    @Column(name = "body_en", length = 4000)
    private String bodyEn;

    @Column(name = "route", length = 300)
    private String route;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", length = 16, nullable = false)
    private TodoDraft.Level level;

    public Long getId() { return id; }
    public String getModuleId() { return moduleId; }
    public void setModuleId(String moduleId) { this.moduleId = moduleId; }
    public UnitEntity getUnit() { return unit; }
    public void setUnit(UnitEntity unit) { this.unit = unit; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getTitleZh() { return titleZh; }
    public void setTitleZh(String titleZh) { this.titleZh = titleZh; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getBodyZh() { return bodyZh; }
    public void setBodyZh(String bodyZh) { this.bodyZh = bodyZh; }
    public String getBodyEn() { return bodyEn; }
    public void setBodyEn(String bodyEn) { this.bodyEn = bodyEn; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public TodoDraft.Level getLevel() { return level; }
    public void setLevel(TodoDraft.Level level) { this.level = level; }
}
