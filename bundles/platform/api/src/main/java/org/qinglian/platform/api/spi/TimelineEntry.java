package org.qinglian.platform.api.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of a person's timeline.
 *
 * @param module the contributing module
 * @param date when it happened (or is planned)
 * @param kind a code of the module's, e.g. {@code POLITICAL}
 * @param title what it was, in the caller's language, e.g. 政治谈话
 * @param detail a second line: who, where, its state; no sensitive content
 * @param route the portal route that shows the record, or null
 */
public record TimelineEntry(String module, LocalDate date, String kind, String title, String detail, String route) {

    public TimelineEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
    }
}
