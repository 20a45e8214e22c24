package org.qinglian.platform.api.calendar;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Working days: Monday to Friday, except holidays, plus make-up working days. */
@ProviderType
public interface WorkingCalendar {

    /** Whether people work on the day. */
    boolean isWorkingDay(LocalDate date);

    /** The working day that many working days after (or, negative, before) the date. */
    LocalDate plusWorkingDays(LocalDate date, int days);

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when
     * {@code to} is before {@code from}.
     */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** The exceptions of a year, by date. */
    List<CalendarDayDto> exceptions(int year);

    /** Records an exception (replacing one of the same date). */
    CalendarDayDto set(CalendarDayDto day);

    /** Removes the exception of a date, if any. */
    void clear(LocalDate date);
}
