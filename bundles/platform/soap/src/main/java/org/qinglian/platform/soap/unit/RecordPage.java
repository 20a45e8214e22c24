package org.qinglian.platform.soap.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

import org.qinglian.platform.api.Page;

/** One page of a list, as every list operation answers: items, total, page and size. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "page", namespace = UnitSoapService.NS)
public class RecordPage {

    public List<UnitRecord> unit = new ArrayList<>();
    public List<PersonRecord> person = new ArrayList<>();
    public long total;
    public int page;
    public int size;

    static <T, R> RecordPage of(Page<T> source, Function<T, R> mapper, List<R> target, RecordPage page) {
        for (T item : source.getItems()) {
            target.add(mapper.apply(item));
        }
        page.total = source.getTotal();
        page.page = source.getPage();
        page.size = source.getSize();
        return page;
    }
}
