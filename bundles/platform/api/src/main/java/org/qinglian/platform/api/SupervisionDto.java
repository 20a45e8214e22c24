package org.qinglian.platform.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An explicit, dated supervision edge (监督关系): the supervisor unit supervises the supervised
 * unit from {@code validFrom} to {@code validTo} (inclusive; open-ended when null). The tree's
 * parent-child edges supervise implicitly and are not stored as edges.
 */
public class SupervisionDto {

    private UUID id;
    private UUID supervisorId;
    private UUID supervisedId;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String note;
    private Long version;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public UUID getSupervisorId() { return supervisorId; }
    public void setSupervisorId(UUID supervisorId) { this.supervisorId = supervisorId; }
    public UUID getSupervisedId() { return supervisedId; }
    public void setSupervisedId(UUID supervisedId) { this.supervisedId = supervisedId; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
