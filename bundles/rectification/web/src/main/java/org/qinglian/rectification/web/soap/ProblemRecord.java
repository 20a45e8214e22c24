package org.qinglian.rectification.web.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import org.qinglian.rectification.api.MeasureDto;
import org.qinglian.rectification.api.ProblemDto;

/** A problem of the ledger for SOAP callers; dates as ISO-8601 text. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "problem", namespace = RectificationSoapService.NS)
public class ProblemRecord {

    public String id;
    public long number;
    public String inspectionId;
    public String description;
    public String category;
    public String severity;
    public String unitId;
    public String unitName;
    public String leaderId;
    public String status;
    public String deadline;
    public boolean overdue;
    public long version;
    public List<MeasureRecord> measure = new ArrayList<>();

    static ProblemRecord of(ProblemDto p) {
        ProblemRecord r = new ProblemRecord();
        r.id = p.id().toString();
        r.number = p.number();
        r.inspectionId = p.inspectionId() == null ? null : p.inspectionId().toString();
        r.description = p.description();
        r.category = p.category();
        r.severity = p.severity().name();
        r.unitId = p.unitId().toString();
        r.unitName = p.unitName();
        r.leaderId = p.leaderId() == null ? null : p.leaderId().toString();
        r.status = p.status().name();
        r.deadline = p.deadline() == null ? null : p.deadline().toString();
        r.overdue = p.overdue();
        r.version = p.version();
        return r;
    }

    /** A measure of a problem. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "measure", namespace = RectificationSoapService.NS)
    public static class MeasureRecord {
        public String id;
        public String content;
        public String ownerName;
        public String deadline;
        public boolean longTerm;
        public boolean done;

        static MeasureRecord of(MeasureDto m) {
            MeasureRecord r = new MeasureRecord();
            r.id = m.id().toString();
            r.content = m.content();
            r.ownerName = m.ownerName();
            r.deadline = m.deadline() == null ? null : m.deadline().toString();
            r.longTerm = m.longTerm();
            r.done = m.done();
            return r;
        }
    }
}
