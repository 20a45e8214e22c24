package org.qinglian.talks.api;

import java.util.UUID;

/** A person of the roster named in a talk (conductor, recorder, handler), with the name at the time. */
public record PersonRef(UUID personId, String name) {
}
