package org.qinglian.rectification.api;

import java.util.UUID;

/**
 * Filters of the problem list; null means any.
 *
 * @param unitId the responsible unit (and, with {@code subordinates}, the units it supervises)
 * @param subordinates whether {@code unitId} includes the units it supervises
 * @param inspectionId the inspection
 * @param status the state
 * @param overdue only overdue (true) or only not overdue (false) problems
 * @param category a category code
 * @param text words of the description
 */
public record ProblemQuery(UUID unitId, boolean subordinates, UUID inspectionId, ProblemStatus status,
        Boolean overdue, String category, String text) {

    /** Every problem in scope. */
    public static ProblemQuery all() {
        return new ProblemQuery(null, false, null, null, null, null, null);
    }
}
