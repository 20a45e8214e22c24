package org.qinglian.talks.api;

/** The kinds of talk; a letter of inquiry is the written form. */
public enum TalkKind {
    /** 政治谈话: with a unit's top leader and leadership members, once a year at least (全覆盖). */
    POLITICAL,
    /** 任前谈话: before an appointment. */
    PRE_APPOINTMENT,
    /** 谈话提醒: on early signs of a problem (苗头性、倾向性问题). */
    REMINDER,
    /** 约谈: admonishing talk, e.g. on overdue rectification. */
    ADMONISHING,
    /** 谈心谈话 */
    HEART_TO_HEART,
    /** 廉政谈话 */
    INTEGRITY,
    /** 函询: letter of inquiry, sent → replied → assessed. */
    INQUIRY
}
