package org.qinglian.talks.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A leader to be covered, and whether they were.
 *
 * @param role {@link SubjectRole#TOP_LEADER} or {@link SubjectRole#LEADERSHIP_MEMBER}
 * @param talkDate when their first political talk of the year was held, or null
 * @param talkId that talk, or null when missing or not readable by the caller (sensitive)
 */
public record CoveragePersonDto(UUID personId, String name, UUID unitId, String unitName, SubjectRole role,
        boolean covered, LocalDate talkDate, UUID talkId) {
}
