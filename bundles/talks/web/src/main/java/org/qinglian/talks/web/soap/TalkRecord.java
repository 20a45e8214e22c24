package org.qinglian.talks.web.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import org.qinglian.talks.api.TalkDto;

/** A talk for SOAP callers, as a row of the register (no summary, statement or reply); dates as ISO-8601 text. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "talk", namespace = TalkSoapService.NS)
public class TalkRecord {

    public String id;
    public long number;
    public String kind;
    public String reason;
    public String status;
    public String sensitivity;
    public String unitId;
    public String unitName;
    public int year;
    public String plannedOn;
    public String heldOn;
    public String followUpDeadline;
    public boolean followUpOverdue;
    public long version;
    public List<Subject> subject = new ArrayList<>();

    /** A person talked to. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "subject", namespace = TalkSoapService.NS)
    public static class Subject {
        public String personId;
        public String name;
        public String unitId;
        public String role;
    }

    static TalkRecord of(TalkDto t) {
        TalkRecord r = new TalkRecord();
        r.id = t.id().toString();
        r.number = t.number();
        r.kind = t.kind().name();
        r.reason = t.reason().name();
        r.status = t.status().name();
        r.sensitivity = t.sensitivity().name();
        r.unitId = t.unitId().toString();
        r.unitName = t.unitName();
        r.year = t.year();
        r.plannedOn = t.plannedOn() == null ? null : t.plannedOn().toString();
        r.heldOn = t.heldOn() == null ? null : t.heldOn().toString();
        r.followUpDeadline = t.followUpDeadline() == null ? null : t.followUpDeadline().toString();
        r.followUpOverdue = t.followUpOverdue();
        r.version = t.version();
        t.subjects().forEach(s -> {
            Subject x = new Subject();
            x.personId = s.personId().toString();
            x.name = s.name();
            x.unitId = s.unitId() == null ? null : s.unitId().toString();
            x.role = s.role() == null ? null : s.role().name();
            r.subject.add(x);
        });
        return r;
    }
}
