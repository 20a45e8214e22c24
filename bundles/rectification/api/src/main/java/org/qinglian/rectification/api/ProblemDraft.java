package org.qinglian.rectification.api;

import java.util.List;
import java.util.UUID;

/**
 * A problem to register, or the new values of one (measures are then ignored: they change on their own).
 *
 * @param inspectionId the inspection that found it, or null (a finding of another module)
 * @param description what is wrong
 * @param category a code of the {@code rectification-category} dictionary
 * @param severity how serious
 * @param unitId the responsible unit, which owns the problem
 * @param leaderId the responsible leader (责任领导/包案领导), a person of the roster, or null
 * @param measures its first measures, possibly none
 */
public record ProblemDraft(UUID inspectionId, String description, String category, Severity severity, UUID unitId,
        UUID leaderId, List<MeasureDraft> measures) {
}
