package org.qinglian.platform.api;

import java.time.LocalDate;
import java.util.UUID;

/** A dated position a person holds (职务): title, the unit it is held in, and its dates. */
public class PositionDto {

    private String title;
    private UUID unitId;
    private LocalDate startDate;
    private LocalDate endDate;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    /** The unit the position is held in, when it is not the person's own unit. */
    public UUID getUnitId() { return unitId; }
    public void setUnitId(UUID unitId) { this.unitId = unitId; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    /** The last day held, or null while the position is current. */
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
}
