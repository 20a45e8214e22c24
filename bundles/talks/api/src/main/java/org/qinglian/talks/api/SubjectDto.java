package org.qinglian.talks.api;

import java.util.UUID;

/** A person talked to, with their unit and role at the time of the talk. */
public record SubjectDto(UUID personId, String name, UUID unitId, String unitName, SubjectRole role) {
}
