package org.qinglian.platform.api.security;

/** How far a role's data scope reaches; a user's scope is the widest of their roles'. */
public enum ScopeKind {
    /** 本单位: the user's own unit. */
    OWN_UNIT,
    /** 本单位及监督单位: the user's unit and the units it supervises (tree and dated edges). */
    SUPERVISED,
    /** 全部: every unit. */
    ALL
}
