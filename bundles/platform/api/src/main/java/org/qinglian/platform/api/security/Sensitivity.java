package org.qinglian.platform.api.security;

/** How confidential a record is (密级/知悉范围). */
public enum Sensitivity {
    /** 普通: visible to every user whose scope holds the owning unit. */
    ORDINARY,
    /** 内部: as ordinary; for internal work, never shown to supervised units. */
    INTERNAL,
    /** 敏感: only to the named handlers and the leaders of the owning unit or a unit supervising it (need-to-know). */
    SENSITIVE
}
