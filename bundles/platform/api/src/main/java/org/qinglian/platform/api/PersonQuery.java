package org.qinglian.platform.api;

import java.util.UUID;

/** Filters of the people list; a null filter is not applied. */
public class PersonQuery {

    private UUID unitId;
    private String name;
    private Boolean topLeader;
    private Boolean leadershipMember;
    private Boolean youngCadre;
    private Boolean inspectionCadre;

    /** Only people of this unit. */
    public UUID getUnitId() { return unitId; }
    public PersonQuery setUnitId(UUID unitId) { this.unitId = unitId; return this; }
    /** Name containing this text. */
    public String getName() { return name; }
    public PersonQuery setName(String name) { this.name = name; return this; }
    public Boolean getTopLeader() { return topLeader; }
    public PersonQuery setTopLeader(Boolean topLeader) { this.topLeader = topLeader; return this; }
    public Boolean getLeadershipMember() { return leadershipMember; }
    public PersonQuery setLeadershipMember(Boolean leadershipMember) { this.leadershipMember = leadershipMember; return this; }
    public Boolean getYoungCadre() { return youngCadre; }
    public PersonQuery setYoungCadre(Boolean youngCadre) { this.youngCadre = youngCadre; return this; }
    public Boolean getInspectionCadre() { return inspectionCadre; }
    public PersonQuery setInspectionCadre(Boolean inspectionCadre) { this.inspectionCadre = inspectionCadre; return this; }
}
