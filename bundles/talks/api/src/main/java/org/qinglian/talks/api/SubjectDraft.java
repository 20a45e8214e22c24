package org.qinglian.talks.api;

import java.util.UUID;

/**
 * A person to talk to.
 *
 * @param role their role at the time, or null to take it from their flags in the roster
 */
public record SubjectDraft(UUID personId, SubjectRole role) {
}
