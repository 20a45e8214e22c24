package org.qinglian.talks.core.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

import org.qinglian.talks.api.SubjectRole;

/** A person a talk names, in one part: talked to, conducting, recording or handling. */
@Embeddable
public class TalkPersonEmbeddable {

    /** What a named person is to the talk. */
    public enum Part {
        SUBJECT, CONDUCTOR, RECORDER, HANDLER
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "part", length = 16, nullable = false)
    private Part part;

    @Column(name = "person_id", length = 36, nullable = false)
    private String personId;

    @Column(name = "name", length = 50, nullable = false)
    private String name;

    /** The person's unit at the time (subjects). */
    @Column(name = "unit_id", length = 36)
    private String unitId;

    /** The person's role at the time (subjects). */
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32)
    private SubjectRole role;

    public TalkPersonEmbeddable() {
    }

    public TalkPersonEmbeddable(Part part, String personId, String name, String unitId, SubjectRole role) {
        this.part = part;
        this.personId = personId;
        this.name = name;
        this.unitId = unitId;
        this.role = role;
    }

    public Part getPart() { return part; }
    public String getPersonId() { return personId; }
    public String getName() { return name; }
    public String getUnitId() { return unitId; }
    public SubjectRole getRole() { return role; }
}
