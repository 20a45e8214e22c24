package org.qinglian.platform.api.audit;

import java.util.Objects;

/**
 * One act to put on the audit trail: what was done ({@code action}, e.g. {@code unit.update}), to
 * which record, with which outcome. Who, from which unit and address, and when are filled in by
 * the audit log from the current caller and the platform clock. Never put a record's sensitive
 * content into {@code detail}.
 */
public final class AuditEvent {

    /** How the act ended. */
    public enum Outcome { SUCCESS, FAILURE, DENIED }

    private final String action;
    private final String recordType;
    private final String recordId;
    private final Outcome outcome;
    private final String detail;
    private final String actor;

    private AuditEvent(String action, String recordType, String recordId, Outcome outcome, String detail,
            String actor) {
        this.action = Objects.requireNonNull(action);
        this.recordType = recordType;
        this.recordId = recordId;
        this.outcome = Objects.requireNonNull(outcome);
        this.detail = detail;
        this.actor = actor;
    }

    /** A successful act on a record. */
    public static AuditEvent of(String action, String recordType, Object recordId) {
        return new AuditEvent(action, recordType, recordId == null ? null : String.valueOf(recordId),
                Outcome.SUCCESS, null, null);
    }

    /** The same act with another outcome. */
    public AuditEvent outcome(Outcome value) {
        return new AuditEvent(action, recordType, recordId, value, detail, actor);
    }

    /** The same act with a short, non-sensitive detail (at most 500 characters are kept). */
    public AuditEvent detail(String value) {
        return new AuditEvent(action, recordType, recordId, outcome, value, actor);
    }

    /** The same act attributed to a user name, for acts without a signed-in caller (a login). */
    public AuditEvent actor(String username) {
        return new AuditEvent(action, recordType, recordId, outcome, detail, username);
    }

    public String getAction() { return action; }
    public String getRecordType() { return recordType; }
    public String getRecordId() { return recordId; }
    public Outcome getOutcome() { return outcome; }
    public String getDetail() { return detail; }
    /** The user name the act is attributed to when there is no caller, or null. */
    public String getActor() { return actor; }
}
