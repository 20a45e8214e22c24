package org.qinglian.platform.api;

/** The administrative level of a unit; labels are the message keys {@code unit.level.<NAME>}. */
public enum UnitLevel {
    /** 市 */
    CITY,
    /** 区县 */
    DISTRICT,
    /** 乡镇街道 */
    TOWNSHIP
}
