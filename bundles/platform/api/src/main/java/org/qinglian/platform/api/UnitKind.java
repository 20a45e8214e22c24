package org.qinglian.platform.api;

/** What kind of body a unit is; the labels are the message keys {@code unit.kind.<NAME>}. */
public enum UnitKind {
    /** 纪委监委: a discipline-inspection and supervision commission. */
    COMMISSION,
    /** 机关纪委: the discipline committee of a department's organs. */
    ORGAN_COMMITTEE,
    /** 派驻纪检监察组: a discipline group dispatched into departments. */
    DISPATCHED_GROUP,
    /** 被监督单位: a body under supervision. */
    SUPERVISED_BODY
}
