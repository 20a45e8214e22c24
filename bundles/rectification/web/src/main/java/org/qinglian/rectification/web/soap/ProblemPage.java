package org.qinglian.rectification.web.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One page of problems: items, total, page and size, as every list operation answers. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "problemPage", namespace = RectificationSoapService.NS)
public class ProblemPage {

    public List<ProblemRecord> problem = new ArrayList<>();
    public long total;
    public int page;
    public int size;
}
