package org.qinglian.rectification.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A measure to add, or the new values of one.
 *
 * @param content what will be done
 * @param ownerId the person of the roster responsible (责任人), or null when only named
 * @param ownerName the responsible person's name as written in the ledger (taken from the roster when ownerId is set)
 * @param deadline 整改时限; required unless long-term
 * @param longTerm 长期坚持: a measure without end
 * @param milestones its steps, possibly none
 */
public record MeasureDraft(String content, UUID ownerId, String ownerName, LocalDate deadline, Boolean longTerm,
        List<Milestone> milestones) {

    /** A missing {@code longTerm} means false. */
    public MeasureDraft {
        longTerm = Boolean.TRUE.equals(longTerm);
    }
}
