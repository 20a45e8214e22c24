package org.qinglian.talks.web.soap;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One page of talks: items, total, page and size, as every list operation answers. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "talkPage", namespace = TalkSoapService.NS)
public class TalkPage {

    public List<TalkRecord> talk = new ArrayList<>();
    public long total;
    public int page;
    public int size;
}
