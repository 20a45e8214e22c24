package org.qinglian.platform.rest.resources;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.calendar.CalendarDayDto;
import org.qinglian.platform.api.calendar.WorkingCalendar;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.Authenticated;
import org.qinglian.platform.api.security.RequiresPermission;

/**
 * {@code /api/v1/calendar}: the working-day calendar's exceptions, public holidays and make-up
 * working days, which deadlines counted in working days follow.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource implements RestResource {

    @Reference
    private WorkingCalendar calendar;

    /** A year's exceptions. */
    @GET
    @Path("{year}")
    @Authenticated
    public List<CalendarDayDto> year(@PathParam("year") String year) {
        Integer y = Requests.integer("year", year);
        if (y == null || y < 2000 || y > 2100) {
            throw new ValidationException("year", "validation.range", 2000, 2100);
        }
        return calendar.exceptions(y);
    }

    /** Records a holiday ({@code working: false}) or a make-up working day ({@code working: true}). */
    @PUT
    @Path("days/{date}")
    @RequiresPermission("platform:calendar-write")
    public CalendarDayDto set(@PathParam("date") String date, CalendarDayDto day) {
        LocalDate d = Requests.date("date", date);
        return calendar.set(new CalendarDayDto(d, day != null && day.working(), day == null ? null : day.note()));
    }

    @DELETE
    @Path("days/{date}")
    @RequiresPermission("platform:calendar-write")
    public Response clear(@PathParam("date") String date) {
        calendar.clear(Requests.date("date", date));
        return Response.noContent().build();
    }
}
