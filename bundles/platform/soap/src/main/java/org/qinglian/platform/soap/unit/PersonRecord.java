package org.qinglian.platform.soap.unit;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.PositionDto;

/** A person of the roster as the SOAP service answers it; dates are ISO-8601 text. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "person", namespace = UnitSoapService.NS)
public class PersonRecord {

    public String id;
    public String externalId;
    public String name;
    public String gender;
    public String birthDate;
    public String unitId;
    public String rank;
    public boolean topLeader;
    public boolean leadershipMember;
    public boolean youngCadre;
    public boolean inspectionCadre;
    @XmlElement(name = "position")
    public List<Position> positions = new ArrayList<>();
    public long version;

    /** A dated position. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "position", namespace = UnitSoapService.NS)
    public static class Position {
        public String title;
        public String unitId;
        public String startDate;
        public String endDate;
    }

    static PersonRecord of(PersonDto d) {
        PersonRecord r = new PersonRecord();
        r.id = d.getId().toString();
        r.externalId = d.getExternalId();
        r.name = d.getName();
        r.gender = d.getGender();
        r.birthDate = d.getBirthDate() == null ? null : d.getBirthDate().toString();
        r.unitId = d.getUnitId().toString();
        r.rank = d.getRank();
        r.topLeader = d.isTopLeader();
        r.leadershipMember = d.isLeadershipMember();
        r.youngCadre = d.isYoungCadre();
        r.inspectionCadre = d.isInspectionCadre();
        for (PositionDto p : d.getPositions()) {
            Position sp = new Position();
            sp.title = p.getTitle();
            sp.unitId = p.getUnitId() == null ? null : p.getUnitId().toString();
            sp.startDate = String.valueOf(p.getStartDate());
            sp.endDate = p.getEndDate() == null ? null : p.getEndDate().toString();
            r.positions.add(sp);
        }
        r.version = d.getVersion();
        return r;
    }
}
