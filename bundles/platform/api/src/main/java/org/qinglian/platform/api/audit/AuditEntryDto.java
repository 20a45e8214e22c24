package org.qinglian.platform.api.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail as auditors read it. */
public class AuditEntryDto {

    private UUID id;
    private long sequence;
    private Instant occurredAt;
    private String actor;
    private UUID actorUnitId;
    private String action;
    private String recordType;
    private String recordId;
    private String outcome;
    private String clientAddress;
    private String detail;
    private boolean sealed;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    /** Position in the sealed chain, or 0 while not yet sealed. */
    public long getSequence() { return sequence; }
    public void setSequence(long sequence) { this.sequence = sequence; }
    public Instant getOccurredAt() { return occurredAt; }
    public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public UUID getActorUnitId() { return actorUnitId; }
    public void setActorUnitId(UUID actorUnitId) { this.actorUnitId = actorUnitId; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getRecordType() { return recordType; }
    public void setRecordType(String recordType) { this.recordType = recordType; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) { this.recordId = recordId; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getClientAddress() { return clientAddress; }
    public void setClientAddress(String clientAddress) { this.clientAddress = clientAddress; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public boolean isSealed() { return sealed; }
    public void setSealed(boolean sealed) { this.sealed = sealed; }
}
