package org.qinglian.talks.api;

/** Raises a talk's follow-up requirement into the rectification ledger; severity LOW, MEDIUM (default) or HIGH. */
public record FindingRequest(String severity) {
}
