package org.qinglian.rectification.core.entity;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A step of a measure. */
@Embeddable
public class MilestoneEmbeddable {

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "done", nullable = false)
    private boolean done;

    public MilestoneEmbeddable() {
    }

    public MilestoneEmbeddable(String title, LocalDate dueDate, boolean done) {
        this.title = title;
        this.dueDate = dueDate;
        this.done = done;
    }

    public String getTitle() { return title; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isDone() { return done; }
}
