package org.qinglian.platform.core.entity;

import java.time.Instant;

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

/** That a user has read a notice. */
@Entity
@Table(name = "pf_notice_read")
public class NoticeReadEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_notice_read_seq")
    @SequenceGenerator(name = "pf_notice_read_seq", sequenceName = "pf_notice_read_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id", nullable = false)
    private NoticeEntity notice;

    @Column(name = "user_id", length = 36, nullable = false)
    private String userId;

    @Column(name = "read_at", nullable = false, columnDefinition = RecordBase.TIMESTAMPTZ)
    private Instant readAt;

    public Long getId() { return id; }
    public NoticeEntity getNotice() { return notice; }
    public void setNotice(NoticeEntity notice) { this.notice = notice; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public Instant getReadAt() { return readAt; }
    public void setReadAt(Instant readAt) { this.readAt = readAt; }
}
