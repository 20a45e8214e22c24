package org.qinglian.rectification.api;

/** Where an inspection came from. */
public enum InspectionSource {
    /** 中央/省委巡视 */
    CENTRAL_INSPECTION,
    /** 市县巡察 */
    CITY_INSPECTION,
    /** 审计 */
    AUDIT,
    /** 专项检查 */
    SPECIAL,
    /** 作风督查 */
    WORK_STYLE,
    /** 内部检视 */
    SELF_EXAMINATION,
    /** 清单督查 (a checklist review) */
    CHECKLIST_REVIEW
}
