package org.qinglian.talks.api;

import java.util.UUID;

import org.qinglian.platform.api.security.Sensitivity;

/**
 * Filters of the register; null means any.
 *
 * @param unitId the owning unit (and, with {@code subordinates}, the units it supervises)
 * @param year the year the talk counts for
 * @param personId a person talked to
 * @param text words of the names of the people talked to or of the place
 * @param followUpOverdue only talks whose follow-up is open past its deadline
 */
public record TalkQuery(TalkKind kind, TalkStatus status, TalkReason reason, Sensitivity sensitivity, UUID unitId,
        boolean subordinates, Integer year, UUID personId, String text, Boolean followUpOverdue, Boolean proposed) {

    /** Every talk the caller may see. */
    public static TalkQuery all() {
        return new TalkQuery(null, null, null, null, null, false, null, null, null, null, null);
    }
}
