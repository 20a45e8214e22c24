package org.qinglian.talks.core.entity;

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
import org.qinglian.talks.api.TalkStatus;

/** One step of a talk's history. Never changed once written. */
@Entity
@Table(name = "tk_timeline")
public class TimelineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tk_timeline_seq")
    @SequenceGenerator(name = "tk_timeline_seq", sequenceName = "tk_timeline_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "talk_id", nullable = false)
    private TalkEntity talk;

    @Column(name = "at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant at;

    @Column(name = "actor", length = 64)
    private String actor;

    @Column(name = "action", length = 32, nullable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 32)
    private TalkStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 32)
    private TalkStatus to;

    @Column(name = "note", length = 1000)
    private String note;

    public TimelineEntity() {
    }

    public TimelineEntity(TalkEntity talk, Instant at, String actor, String action, TalkStatus from, TalkStatus to,
            String note) {
        this.talk = talk;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.from = from;
        this.to = to;
        this.note = note;
    }

    public Long getId() { return id; }
    public TalkEntity getTalk() { return talk; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public TalkStatus getFrom() { return from; }
    public TalkStatus getTo() { return to; }
    public String getNote() { return note; }
}
