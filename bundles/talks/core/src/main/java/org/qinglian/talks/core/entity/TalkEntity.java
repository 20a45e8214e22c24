package org.qinglian.talks.core.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.persistence.RecordBase;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.talks.api.Assessment;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkStatus;

/** A talk or letter of inquiry, owned by the unit that conducts it. */
@Entity
@Table(name = "tk_talk")
public class TalkEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tk_talk_seq")
    @SequenceGenerator(name = "tk_talk_seq", sequenceName = "tk_talk_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 32, nullable = false)
    private TalkKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", length = 32, nullable = false)
    private TalkReason reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32, nullable = false)
    private TalkStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "sensitivity", length = 16, nullable = false)
    private Sensitivity sensitivity;

    @Column(name = "unit_id", length = 36, nullable = false)
    private String unitId;

    @Column(name = "talk_year", nullable = false)
    private int year;

    @Column(name = "planned_on")
    private LocalDate plannedOn;

    @Column(name = "held_on")
    private LocalDate heldOn;

    @Column(name = "place", length = 200)
    private String place;

    @Column(name = "summary", length = 4000)
    private String summary;

    @Column(name = "statement", length = 4000)
    private String statement;

    @Column(name = "follow_up", length = 2000)
    private String followUp;

    @Column(name = "follow_up_deadline")
    private LocalDate followUpDeadline;

    @Column(name = "follow_up_result", length = 2000)
    private String followUpResult;

    @Column(name = "follow_up_done_at", columnDefinition = TIMESTAMPTZ)
    private Instant followUpDoneAt;

    @Column(name = "sent_on")
    private LocalDate sentOn;

    @Column(name = "reply_deadline")
    private LocalDate replyDeadline;

    @Column(name = "reply", length = 4000)
    private String reply;

    @Column(name = "replied_on")
    private LocalDate repliedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment", length = 32)
    private Assessment assessment;

    @Column(name = "assessment_note", length = 1000)
    private String assessmentNote;

    @Column(name = "proposed", nullable = false)
    private boolean proposed;

    @Column(name = "source_module", length = 64)
    private String sourceModule;

    @Column(name = "source_key", length = 200)
    private String sourceKey;

    @Column(name = "source_route", length = 200)
    private String sourceRoute;

    @Column(name = "finding_id", length = 36)
    private String findingId;

    @Column(name = "finding_route", length = 200)
    private String findingRoute;

    @ElementCollection
    @CollectionTable(name = "tk_talk_person", joinColumns = @JoinColumn(name = "talk_id"))
    @OrderColumn(name = "position")
    private List<TalkPersonEmbeddable> people = new ArrayList<>();

    public Long getId() { return id; }
    public TalkKind getKind() { return kind; }
    public void setKind(TalkKind kind) { this.kind = kind; }
    public TalkReason getReason() { return reason; }
    public void setReason(TalkReason reason) { this.reason = reason; }
    public TalkStatus getStatus() { return status; }
    public void setStatus(TalkStatus status) { this.status = status; }
    public Sensitivity getSensitivity() { return sensitivity; }
    public void setSensitivity(Sensitivity sensitivity) { this.sensitivity = sensitivity; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public LocalDate getPlannedOn() { return plannedOn; }
    public void setPlannedOn(LocalDate plannedOn) { this.plannedOn = plannedOn; }
    public LocalDate getHeldOn() { return heldOn; }
    public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
    public String getFollowUp() { return followUp; }
    public void setFollowUp(String followUp) { this.followUp = followUp; }
    public LocalDate getFollowUpDeadline() { return followUpDeadline; }
    public void setFollowUpDeadline(LocalDate followUpDeadline) { this.followUpDeadline = followUpDeadline; }
    public String getFollowUpResult() { return followUpResult; }
    public void setFollowUpResult(String followUpResult) { this.followUpResult = followUpResult; }
    public Instant getFollowUpDoneAt() { return followUpDoneAt; }
    public void setFollowUpDoneAt(Instant followUpDoneAt) { this.followUpDoneAt = followUpDoneAt; }
    public LocalDate getSentOn() { return sentOn; }
    public void setSentOn(LocalDate sentOn) { this.sentOn = sentOn; }
    public LocalDate getReplyDeadline() { return replyDeadline; }
    public void setReplyDeadline(LocalDate replyDeadline) { this.replyDeadline = replyDeadline; }
    public String getReply() { return reply; }
    public void setReply(String reply) { this.reply = reply; }
    public LocalDate getRepliedOn() { return repliedOn; }
    public void setRepliedOn(LocalDate repliedOn) { this.repliedOn = repliedOn; }
    public Assessment getAssessment() { return assessment; }
    public void setAssessment(Assessment assessment) { this.assessment = assessment; }
    public String getAssessmentNote() { return assessmentNote; }
    public void setAssessmentNote(String assessmentNote) { this.assessmentNote = assessmentNote; }
    public boolean isProposed() { return proposed; }
    public void setProposed(boolean proposed) { this.proposed = proposed; }
    public String getSourceModule() { return sourceModule; }
    public void setSourceModule(String sourceModule) { this.sourceModule = sourceModule; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public String getSourceRoute() { return sourceRoute; }
    public void setSourceRoute(String sourceRoute) { this.sourceRoute = sourceRoute; }
    public String getFindingId() { return findingId; }
    public void setFindingId(String findingId) { this.findingId = findingId; }
    public String getFindingRoute() { return findingRoute; }
    public void setFindingRoute(String findingRoute) { this.findingRoute = findingRoute; }
    public List<TalkPersonEmbeddable> getPeople() { return people; }

    /** The people of one part, in order. */
    public List<TalkPersonEmbeddable> people(TalkPersonEmbeddable.Part part) {
        return people.stream().filter(p -> p.getPart() == part).collect(Collectors.toList());
    }

    /** Everyone who may read the talk when it is sensitive: conductors, recorder and handlers. */
    public List<String> handlerIds() {
        return people.stream().filter(p -> p.getPart() != TalkPersonEmbeddable.Part.SUBJECT)
                .map(TalkPersonEmbeddable::getPersonId).distinct().collect(Collectors.toList());
    }
}
