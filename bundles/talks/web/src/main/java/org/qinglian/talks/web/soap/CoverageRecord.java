package org.qinglian.talks.web.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import org.qinglian.talks.api.CoverageDto;

/** The year's coverage of political talks for SOAP callers: the figures and the figures by unit. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "coverage", namespace = TalkSoapService.NS)
public class CoverageRecord {

    public int year;
    public long total;
    public long covered;
    public long missing;
    public double rate;
    public List<Unit> unit = new ArrayList<>();

    /** One unit's figures. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "unitCoverage", namespace = TalkSoapService.NS)
    public static class Unit {
        public String unitId;
        public String unitName;
        public long total;
        public long covered;
    }

    static CoverageRecord of(CoverageDto c) {
        CoverageRecord r = new CoverageRecord();
        r.year = c.year();
        r.total = c.total();
        r.covered = c.covered();
        r.missing = c.missing();
        r.rate = c.rate();
        c.byUnit().forEach(u -> {
            Unit x = new Unit();
            x.unitId = u.unitId().toString();
            x.unitName = u.unitName();
            x.total = u.total();
            x.covered = u.covered();
            r.unit.add(x);
        });
        return r;
    }
}
