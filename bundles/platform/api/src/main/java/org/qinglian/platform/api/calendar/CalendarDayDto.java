package org.qinglian.platform.api.calendar;

import java.time.LocalDate;

/**
 * An exception to the weekly rule.
 *
 * @param date the day
 * @param working true for a make-up working day, false for a holiday
 * @param note what it is, e.g. 春节
 */
public record CalendarDayDto(LocalDate date, boolean working, String note) {
}
