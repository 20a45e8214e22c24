package org.qinglian.platform.core.entity;

import org.qinglian.platform.api.persistence.RecordBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

@Entity
@Table(name = "pf_person")
public class PersonEntity extends RecordBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pf_person_seq")
    @SequenceGenerator(name = "pf_person_seq", sequenceName = "pf_person_seq", allocationSize = 50)
    private Long id;

    @Column(name = "external_id", length = 64)
    private String externalId;

    @Column(name = "name", length = 50, nullable = false)
    private String name;

    @Column(name = "gender", length = 32)
    private String gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private UnitEntity unit;

    @Column(name = "rank_code", length = 32)
    private String rank;

    @Column(name = "top_leader", nullable = false)
    private boolean topLeader;

    @Column(name = "leadership_member", nullable = false)
    private boolean leadershipMember;

    @Column(name = "young_cadre", nullable = false)
    private boolean youngCadre;

    @Column(name = "inspection_cadre", nullable = false)
    private boolean inspectionCadre;

    @ElementCollection
    @CollectionTable(name = "pf_person_position", joinColumns = @JoinColumn(name = "person_id"))
    @OrderColumn(name = "position_index")
    private List<PositionEmbeddable> positions = new ArrayList<>();

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public UnitEntity getUnit() { return unit; }
    public void setUnit(UnitEntity unit) { this.unit = unit; }
    public String getRank() { return rank; }
    public void setRank(String rank) { this.rank = rank; }
    public boolean isTopLeader() { return topLeader; }
    public void setTopLeader(boolean topLeader) { this.topLeader = topLeader; }
    public boolean isLeadershipMember() { return leadershipMember; }
    public void setLeadershipMember(boolean leadershipMember) { this.leadershipMember = leadershipMember; }
    public boolean isYoungCadre() { return youngCadre; }
    public void setYoungCadre(boolean youngCadre) { this.youngCadre = youngCadre; }
    public boolean isInspectionCadre() { return inspectionCadre; }
    public void setInspectionCadre(boolean inspectionCadre) { this.inspectionCadre = inspectionCadre; }
    public List<PositionEmbeddable> getPositions() { return positions; }
}
