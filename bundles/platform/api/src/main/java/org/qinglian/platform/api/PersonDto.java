package org.qinglian.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person of the roster (干部名册): the unit they belong to, their rank (a code of the
 * {@code rank} dictionary), their dated positions and the flags supervision work selects by.
 */
public class PersonDto {

    private UUID id;
    private String externalId;
    private String name;
    private String gender;
    private LocalDate birthDate;
    private UUID unitId;
    private String rank;
    private boolean topLeader;
    private boolean leadershipMember;
    private boolean youngCadre;
    private boolean inspectionCadre;
    private List<PositionDto> positions = new ArrayList<>();
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    /** A code of the {@code gender} dictionary, or null. */
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public UUID getUnitId() { return unitId; }
    public void setUnitId(UUID unitId) { this.unitId = unitId; }
    /** A code of the {@code rank} dictionary (职级), or null. */
    public String getRank() { return rank; }
    public void setRank(String rank) { this.rank = rank; }
    /** 一把手: the top leader of their unit. */
    public boolean isTopLeader() { return topLeader; }
    public void setTopLeader(boolean topLeader) { this.topLeader = topLeader; }
    /** 领导班子成员: a member of the unit's leadership team. */
    public boolean isLeadershipMember() { return leadershipMember; }
    public void setLeadershipMember(boolean leadershipMember) { this.leadershipMember = leadershipMember; }
    /** 年轻干部 */
    public boolean isYoungCadre() { return youngCadre; }
    public void setYoungCadre(boolean youngCadre) { this.youngCadre = youngCadre; }
    /** 巡察干部 */
    public boolean isInspectionCadre() { return inspectionCadre; }
    public void setInspectionCadre(boolean inspectionCadre) { this.inspectionCadre = inspectionCadre; }
    public List<PositionDto> getPositions() { return positions; }
    public void setPositions(List<PositionDto> positions) { this.positions = positions; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
