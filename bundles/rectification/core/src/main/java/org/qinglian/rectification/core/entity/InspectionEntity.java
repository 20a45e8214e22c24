package org.qinglian.rectification.core.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.qinglian.platform.api.persistence.RecordBase;
import org.qinglian.rectification.api.InspectionSource;

/** An inspection, owned by the inspecting unit. */
@Entity
@Table(name = "rc_inspection")
public class InspectionEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rc_inspection_seq")
    @SequenceGenerator(name = "rc_inspection_seq", sequenceName = "rc_inspection_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", length = 32, nullable = false)
    private InspectionSource source;

    @Column(name = "unit_id", length = 36, nullable = false)
    private String unitId;

    @ElementCollection
    @CollectionTable(name = "rc_inspection_unit", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    @Column(name = "unit_id", length = 36, nullable = false)
    private List<String> inspectedUnitIds = new ArrayList<>();

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "team", length = 500)
    private String team;

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public InspectionSource getSource() { return source; }
    public void setSource(InspectionSource source) { this.source = source; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public List<String> getInspectedUnitIds() { return inspectedUnitIds; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
}
