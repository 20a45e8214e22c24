package org.qinglian.rectification.core.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.persistence.RecordBase;

/** A measure that rectifies a problem. */
@Entity
@Table(name = "rc_measure")
public class MeasureEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rc_measure_seq")
    @SequenceGenerator(name = "rc_measure_seq", sequenceName = "rc_measure_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "problem_id", nullable = false)
    private ProblemEntity problem;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "content", length = 2000, nullable = false)
    private String content;

    @Column(name = "owner_id", length = 36)
    private String ownerId;

    @Column(name = "owner_name", length = 100)
    private String ownerName;

    @Column(name = "deadline")
    private LocalDate deadline;

    @Column(name = "long_term", nullable = false)
    private boolean longTerm;

    @Column(name = "done", nullable = false)
    private boolean done;

    @Column(name = "completed_at", columnDefinition = TIMESTAMPTZ)
    private Instant completedAt;

    @ElementCollection
    @CollectionTable(name = "rc_milestone", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    private List<MilestoneEmbeddable> milestones = new ArrayList<>();

    public Long getId() { return id; }
    public ProblemEntity getProblem() { return problem; }
    public void setProblem(ProblemEntity problem) { this.problem = problem; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public String getOwnerName() { return ownerName; }
    public void setOwnerName(String ownerName) { this.ownerName = ownerName; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
    public boolean isLongTerm() { return longTerm; }
    public void setLongTerm(boolean longTerm) { this.longTerm = longTerm; }
    public boolean isDone() { return done; }
    public void setDone(boolean done) { this.done = done; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public List<MilestoneEmbeddable> getMilestones() { return milestones; }
}
