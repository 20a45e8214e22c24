package org.qinglian.platform.core.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

@Entity
@Table(name = "pf_supervision")
public class SupervisionEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_supervision_seq")
    @SequenceGenerator(name = "pf_supervision_seq", sequenceName = "pf_supervision_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supervisor_unit_id", nullable = false)
    private UnitEntity supervisor;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supervised_unit_id", nullable = false)
    private UnitEntity supervised;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "note", length = 200)
    private String note;

    public Long getId() { return id; }
    public UnitEntity getSupervisor() { return supervisor; }
    public void setSupervisor(UnitEntity supervisor) { this.supervisor = supervisor; }
    public UnitEntity getSupervised() { return supervised; }
    public void setSupervised(UnitEntity supervised) { this.supervised = supervised; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
