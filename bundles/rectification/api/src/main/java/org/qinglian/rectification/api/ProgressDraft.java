package org.qinglian.rectification.api;

import java.util.UUID;

/**
 * A progress report.
 *
 * @param text what was done
 * @param measureId the measure it reports on, or null for the problem as a whole
 * @param completesMeasure whether the measure is done with it
 */
public record ProgressDraft(String text, UUID measureId, Boolean completesMeasure) {

    /** A missing {@code completesMeasure} means false. */
    public ProgressDraft {
        completesMeasure = Boolean.TRUE.equals(completesMeasure);
    }
}
