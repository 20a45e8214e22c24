package org.qinglian.rectification.core.entity;

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

import org.qinglian.platform.api.persistence.RecordBase;

/** A progress report of a problem, possibly of one of its measures. */
@Entity
@Table(name = "rc_progress")
public class ProgressEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rc_progress_seq")
    @SequenceGenerator(name = "rc_progress_seq", sequenceName = "rc_progress_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "problem_id", nullable = false)
    private ProblemEntity problem;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "measure_id")
    private MeasureEntity measure;

    @Column(name = "text", length = 2000, nullable = false)
    private String text;

    @Column(name = "completes_measure", nullable = false)
    private boolean completesMeasure;

    @Column(name = "reported_by", length = 64)
    private String reportedBy;

    public Long getId() { return id; }
    public ProblemEntity getProblem() { return problem; }
    public void setProblem(ProblemEntity problem) { this.problem = problem; }
    public MeasureEntity getMeasure() { return measure; }
    public void setMeasure(MeasureEntity measure) { this.measure = measure; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public boolean isCompletesMeasure() { return completesMeasure; }
    public void setCompletesMeasure(boolean completesMeasure) { this.completesMeasure = completesMeasure; }
    public String getReportedBy() { return reportedBy; }
    public void setReportedBy(String reportedBy) { this.reportedBy = reportedBy; }
}
