package org.qinglian.platform.core.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.calendar.CalendarDayDto;
import org.qinglian.platform.api.calendar.WorkingCalendar;
import org.qinglian.platform.api.persistence.Transactions;

/**
 * Working days: Monday to Friday unless {@code pf_calendar_day} says otherwise. The exceptions
 * are few (a few dozen a year) and read once, then again after each change on this node.
 */
@Component(service = WorkingCalendar.class)
public class WorkingCalendarImpl implements WorkingCalendar {

    /** The longest span walked day by day, so a wrong date cannot loop for ever. */
    private static final int MAX_DAYS = 3660;

    @Reference(target = "(osgi.unit.name=qinglian-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformClock clock;

    private volatile Map<LocalDate, CalendarDayDto> exceptions;

    public WorkingCalendarImpl() {
    }

    /** For tests. */
    public WorkingCalendarImpl(JpaTemplate jpa, PlatformClock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        CalendarDayDto exception = exceptions().get(date);
        if (exception != null) {
            return exception.working();
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        int step = days < 0 ? -1 : 1;
        LocalDate d = date;
        for (int left = Math.abs(days), walked = 0; left > 0 && walked < MAX_DAYS; walked++) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        LocalDate d = from;
        for (int walked = 0; d.isBefore(to) && walked < MAX_DAYS; walked++) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public List<CalendarDayDto> exceptions(int year) {
        List<CalendarDayDto> list = new ArrayList<>();
        exceptions().values().stream().filter(d -> d.date().getYear() == year).forEach(list::add);
        return list;
    }

    @Override
    public CalendarDayDto set(CalendarDayDto day) {
        new Validator().required("date", day == null ? null : day.date()).throwIfInvalid();
        new Validator().maxLength("note", day.note(), 100).throwIfInvalid();
        Transactions.inTransaction(jpa, em -> {
            em.createNativeQuery("delete from pf_calendar_day where on_date = ?1").setParameter(1, Date.valueOf(day.date()))
                    .executeUpdate();
            return em.createNativeQuery("insert into pf_calendar_day (on_date, working, note, updated_at)"
                    + " values (?1, ?2, ?3, ?4)").setParameter(1, Date.valueOf(day.date()))
                    .setParameter(2, day.working()).setParameter(3, day.note())
                    .setParameter(4, Timestamp.from(clock.now())).executeUpdate();
        });
        exceptions = null;
        return day;
    }

    @Override
    public void clear(LocalDate date) {
        Transactions.inTransaction(jpa, em -> em.createNativeQuery("delete from pf_calendar_day where on_date = ?1")
                .setParameter(1, Date.valueOf(date)).executeUpdate());
        exceptions = null;
    }

    private Map<LocalDate, CalendarDayDto> exceptions() {
        Map<LocalDate, CalendarDayDto> known = exceptions;
        if (known == null) {
            known = Transactions.inTransaction(jpa, em -> {
                Map<LocalDate, CalendarDayDto> read = new TreeMap<>();
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select on_date, working, note from pf_calendar_day")
                        .getResultList();
                for (Object[] r : rows) {
                    LocalDate date = r[0] instanceof Date ? ((Date) r[0]).toLocalDate() : (LocalDate) r[0];
                    read.put(date, new CalendarDayDto(date, (Boolean) r[1], (String) r[2]));
                }
                return read;
            });
            exceptions = known;
        }
        return known;
    }
}
