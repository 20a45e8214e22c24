package org.qinglian.platform.soap.unit;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import org.qinglian.platform.api.UnitDto;

/** A unit as the SOAP service answers it; ids are UUIDs and instants ISO-8601 text. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "unit", namespace = UnitSoapService.NS)
public class UnitRecord {

    public String id;
    public String externalId;
    public String name;
    public String shortName;
    public String code;
    public String kind;
    public String level;
    public String parentId;
    public int sortOrder;
    public long version;
    public String createdAt;
    public String updatedAt;

    static UnitRecord of(UnitDto d) {
        UnitRecord r = new UnitRecord();
        r.id = d.getId().toString();
        r.externalId = d.getExternalId();
        r.name = d.getName();
        r.shortName = d.getShortName();
        r.code = d.getCode();
        r.kind = d.getKind().name();
        r.level = d.getLevel().name();
        r.parentId = d.getParentId() == null ? null : d.getParentId().toString();
        r.sortOrder = d.getSortOrder() == null ? 0 : d.getSortOrder();
        r.version = d.getVersion();
        r.createdAt = String.valueOf(d.getCreatedAt());
        r.updatedAt = String.valueOf(d.getUpdatedAt());
        return r;
    }
}
