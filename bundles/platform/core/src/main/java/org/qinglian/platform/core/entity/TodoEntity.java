package org.qinglian.platform.core.entity;

import java.time.Instant;

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
@Table(name = "pf_todo")
public class TodoEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_todo_seq")
    @SequenceGenerator(name = "pf_todo_seq", sequenceName = "pf_todo_seq", allocationSize = 50)
    private Long id;

    @Column(name = "module_id", length = 64, nullable = false)
    private String moduleId;

    @Column(name = "source_key", length = 200, nullable = false)
    private String sourceKey;

    @Column(name = "assignee", length = 36, nullable = false)
    private String assignee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private UnitEntity unit;

    @Column(name = "title_zh", length = 300, nullable = false)
    private String titleZh;

    @Column(name = "title_en", length = 300, nullable = false)
    private String titleEn;

    @Column(name = "route", length = 300)
    private String route;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", length = 16, nullable = false)
    private TodoDraft.Level level;

    @Column(name = "due_at", columnDefinition = TIMESTAMPTZ)
    private Instant dueAt;

    @Column(name = "done_at", columnDefinition = TIMESTAMPTZ)
    private Instant doneAt;

    public Long getId() { return id; }
    public String getModuleId() { return moduleId; }
    public void setModuleId(String moduleId) { this.moduleId = moduleId; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public UnitEntity getUnit() { return unit; }
    public void setUnit(UnitEntity unit) { this.unit = unit; }
    public String getTitleZh() { return titleZh; }
    public void setTitleZh(String titleZh) { this.titleZh = titleZh; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public TodoDraft.Level getLevel() { return level; }
    public void setLevel(TodoDraft.Level level) { this.level = level; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Instant getDoneAt() { return doneAt; }
    public void setDoneAt(Instant doneAt) { this.doneAt = doneAt; }
}
