package org.qinglian.rectification.core.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
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
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.persistence.RecordBase;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.Severity;

/** A problem of the ledger, owned by its responsible unit. */
@Entity
@Table(name = "rc_problem")
public class ProblemEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rc_problem_seq")
    @SequenceGenerator(name = "rc_problem_seq", sequenceName = "rc_problem_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "inspection_id")
    private InspectionEntity inspection;

    @Column(name = "description", length = 2000, nullable = false)
    private String description;

    @Column(name = "category", length = 64, nullable = false)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 16, nullable = false)
    private Severity severity;

    @Column(name = "unit_id", length = 36, nullable = false)
    private String unitId;

    @Column(name = "leader_id", length = 36)
    private String leaderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32, nullable = false)
    private ProblemStatus status;

    /** The latest deadline of its measures. */
    @Column(name = "deadline")
    private LocalDate deadline;

    /** The earliest deadline of its open measures (not done, not long-term): overdue when before today. */
    @Column(name = "open_deadline")
    private LocalDate openDeadline;

    @Column(name = "source_module", length = 64)
    private String sourceModule;

    @Column(name = "source_key", length = 200)
    private String sourceKey;

    @Column(name = "closed_at", columnDefinition = TIMESTAMPTZ)
    private Instant closedAt;

    @Column(name = "verification_note", length = 1000)
    private String verificationNote;

    @OneToMany(mappedBy = "problem", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<MeasureEntity> measures = new ArrayList<>();

    public Long getId() { return id; }
    public InspectionEntity getInspection() { return inspection; }
    public void setInspection(InspectionEntity inspection) { this.inspection = inspection; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getLeaderId() { return leaderId; }
    public void setLeaderId(String leaderId) { this.leaderId = leaderId; }
    public ProblemStatus getStatus() { return status; }
    public void setStatus(ProblemStatus status) { this.status = status; }
    public LocalDate getDeadline() { return deadline; }
    public LocalDate getOpenDeadline() { return openDeadline; }
    public String getSourceModule() { return sourceModule; }
    public void setSourceModule(String sourceModule) { this.sourceModule = sourceModule; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public String getVerificationNote() { return verificationNote; }
    public void setVerificationNote(String verificationNote) { this.verificationNote = verificationNote; }
    public List<MeasureEntity> getMeasures() { return measures; }

    /** Recomputes the deadlines kept for lists and filters from the live measures. */
    public void deadlinesChanged() {
        LocalDate latest = null;
        LocalDate earliestOpen = null;
        for (MeasureEntity m : measures) {
            if (m.isDeleted() || m.getDeadline() == null) {
                continue;
            }
            if (latest == null || m.getDeadline().isAfter(latest)) {
                latest = m.getDeadline();
            }
            if (!m.isDone() && !m.isLongTerm() && (earliestOpen == null || m.getDeadline().isBefore(earliestOpen))) {
                earliestOpen = m.getDeadline();
            }
        }
        deadline = latest;
        openDeadline = earliestOpen;
    }
}
