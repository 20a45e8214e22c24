package org.qinglian.rectification.api;

import java.util.List;
import java.util.Set;

/**
 * A problem with everything about it, and the transitions the caller may make now.
 *
 * @param allowedActions the actions the caller may take in the problem's current state
 */
public record ProblemDetailDto(ProblemDto problem, List<MeasureDto> measures, List<ProgressDto> progress,
        List<TimelineEntryDto> timeline, Set<Action> allowedActions) {
}
