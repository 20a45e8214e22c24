package org.qinglian.talks.api;

/**
 * What planning did.
 *
 * @param created talks planned now
 * @param skipped leaders who had a political talk planned or held that year already
 */
public record PlanResult(int created, int skipped) {
}
