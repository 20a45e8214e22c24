package org.qinglian.talks.api;

/** The role a person talked to had at the time of the talk. */
public enum SubjectRole {
    /** 一把手 */
    TOP_LEADER,
    /** 班子成员 */
    LEADERSHIP_MEMBER,
    /** 中层干部 */
    SECTION_HEAD,
    /** 年轻干部 */
    YOUNG_CADRE,
    /** 纪检监察干部 */
    INSPECTION_CADRE,
    /** 其他 */
    OTHER
}
