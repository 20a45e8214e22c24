package org.qinglian.talks.api;

/** Why a talk is held. */
public enum TalkReason {
    /** 日常谈话 */
    ROUTINE,
    /** 年度计划 */
    ANNUAL_PLAN,
    /** 干部任用 */
    APPOINTMENT,
    /** 问题线索 */
    PROBLEM_CLUE,
    /** 监督发现 */
    FINDING,
    /** 整改逾期: a rectification measure long overdue. */
    OVERDUE_RECTIFICATION
}
