package org.qinglian.rectification.api;

import java.time.LocalDate;

/**
 * A step of a measure.
 *
 * @param title what is reached
 * @param dueDate by when
 * @param done whether it was reached
 */
public record Milestone(String title, LocalDate dueDate, Boolean done) {

    /** A missing {@code done} means false. */
    public Milestone {
        done = Boolean.TRUE.equals(done);
    }
}
