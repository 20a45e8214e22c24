package org.qinglian.talks.api;

/**
 * Where a talk stands. A talk: PLANNED → HELD → FOLLOW_UP_PENDING → CLOSED. A letter of inquiry:
 * PLANNED → SENT → REPLIED → ASSESSED → FOLLOW_UP_PENDING → CLOSED. Either may be CANCELLED while
 * planned. Overdue follow-ups and replies are derived from their deadlines.
 */
public enum TalkStatus {
    /** 计划中 */
    PLANNED,
    /** 已谈话 */
    HELD,
    /** 已发函 */
    SENT,
    /** 已回复 */
    REPLIED,
    /** 已评估 */
    ASSESSED,
    /** 待整改落实: a follow-up requirement with a deadline is open. */
    FOLLOW_UP_PENDING,
    /** 已办结 */
    CLOSED,
    /** 已取消 */
    CANCELLED
}
