package org.qinglian.talks.web.rest;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.talks.api.CoverageDto;
import org.qinglian.talks.api.CoveragePersonDto;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.FindingRequest;
import org.qinglian.talks.api.FindingResult;
import org.qinglian.talks.api.PlanDto;
import org.qinglian.talks.api.PlanRequest;
import org.qinglian.talks.api.PlanResult;
import org.qinglian.talks.api.TalkDetailDto;
import org.qinglian.talks.api.TalkDraft;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;
import org.qinglian.talks.api.TransitionRequest;

/**
 * {@code /api/v1/talks}: the talk register, plans and coverage for the portal and for
 * integrators. Scope, need-to-know, permissions and module activation are enforced by the
 * platform's runtime and the service.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + TalkService.MODULE)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TalksResource implements RestResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Reference
    private TalkService talks;

    @Reference
    private Messages messages;

    @Reference
    private PlatformClock clock;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    private Locale locale() {
        return Messages.negotiate(headers.getAcceptableLanguages());
    }

    // the register

    @GET
    @Path("talks")
    @RequiresPermission("talks:read")
    public Page<TalkDto> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("reason") String reason, @QueryParam("sensitivity") String sensitivity,
            @QueryParam("unitId") String unitId, @QueryParam("subordinates") String subordinates,
            @QueryParam("year") String year, @QueryParam("personId") String personId, @QueryParam("text") String text,
            @QueryParam("followUpOverdue") String followUpOverdue, @QueryParam("proposed") String proposed) {
        PageRequest request = PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), sort,
                TalkService.SORTABLE);
        return talks.talks(query(kind, status, reason, sensitivity, unitId, subordinates, year, personId, text,
                followUpOverdue, proposed), request, locale());
    }

    static TalkQuery query(String kind, String status, String reason, String sensitivity, String unitId,
            String subordinates, String year, String personId, String text, String followUpOverdue, String proposed) {
        return new TalkQuery(Requests.enumValue("kind", kind, TalkKind.class),
                Requests.enumValue("status", status, TalkStatus.class),
                Requests.enumValue("reason", reason, TalkReason.class),
                Requests.enumValue("sensitivity", sensitivity, Sensitivity.class), Requests.uuid("unitId", unitId),
                Boolean.TRUE.equals(Requests.bool("subordinates", subordinates)), Requests.integer("year", year),
                Requests.uuid("personId", personId), text, Requests.bool("followUpOverdue", followUpOverdue),
                Requests.bool("proposed", proposed));
    }

    @GET
    @Path("talks/{id}")
    @RequiresPermission("talks:read")
    public Response get(@PathParam("id") UUID id) {
        TalkDetailDto detail = talks.talk(id, locale());
        return Response.ok(detail).tag(String.valueOf(detail.talk().version())).build();
    }

    @POST
    @Path("talks")
    @RequiresPermission("talks:write")
    public Response create(TalkDraft draft) {
        TalkDto created = talks.create(draft, locale());
        return Response.created(uriInfo.getBaseUriBuilder().path("talks/talks").path(created.id().toString()).build())
                .tag(String.valueOf(created.version())).entity(created).build();
    }

    @PUT
    @Path("talks/{id}")
    @RequiresPermission("talks:write")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch, TalkDraft draft) {
        TalkDto updated = talks.update(id, Requests.ifMatch(ifMatch), draft, locale());
        return Response.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    @POST
    @Path("talks/{id}/transitions")
    @RequiresPermission("talks:write")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            TransitionRequest request) {
        TalkDetailDto detail = talks.transition(id, Requests.ifMatch(ifMatch), request, locale());
        return Response.ok(detail).tag(String.valueOf(detail.talk().version())).build();
    }

    /** A file of the talk (the signed record scan): the request body, its name a query parameter. */
    @POST
    @Path("talks/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission("talks:write")
    public Response attach(@PathParam("id") UUID id, @QueryParam("filename") String filename, byte[] body) {
        AttachmentDto stored = talks.attach(id, filename, body);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @POST
    @Path("talks/{id}/finding")
    @RequiresPermission("talks:write")
    public FindingResult raiseFinding(@PathParam("id") UUID id, FindingRequest request) {
        return talks.raiseFinding(id, request);
    }

    @GET
    @Path("talks.xlsx")
    @Produces(XLSX)
    @RequiresPermission("talks:export")
    public Response export(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("reason") String reason, @QueryParam("sensitivity") String sensitivity,
            @QueryParam("unitId") String unitId, @QueryParam("subordinates") String subordinates,
            @QueryParam("year") String year, @QueryParam("personId") String personId, @QueryParam("text") String text,
            @QueryParam("followUpOverdue") String followUpOverdue, @QueryParam("proposed") String proposed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        talks.exportRegister(query(kind, status, reason, sensitivity, unitId, subordinates, year, personId, text,
                followUpOverdue, proposed), locale(), out);
        return sheet(out, "talks.xlsx", "talks.sheet.filename");
    }

    // plans

    @GET
    @Path("plans/{year}")
    @RequiresPermission("talks:read")
    public PlanDto plan(@PathParam("year") String year, @QueryParam("unitId") String unitId,
            @QueryParam("subordinates") String subordinates) {
        return talks.plan(year(year), Requests.uuid("unitId", unitId),
                Boolean.TRUE.equals(Requests.bool("subordinates", subordinates)), locale());
    }

    @POST
    @Path("plans/{year}/political")
    @RequiresPermission("talks:write")
    public PlanResult planPolitical(@PathParam("year") String year, PlanRequest request) {
        return talks.planPolitical(year(year), request);
    }

    // coverage

    @GET
    @Path("coverage")
    @RequiresPermission("talks:read")
    public CoverageDto coverage(@QueryParam("year") String year, @QueryParam("unitId") String unitId,
            @QueryParam("subordinates") String subordinates) {
        return talks.coverage(coverageQuery(year, unitId, subordinates, null));
    }

    @GET
    @Path("coverage/people")
    @RequiresPermission("talks:read")
    public Page<CoveragePersonDto> coveragePeople(@QueryParam("year") String year, @QueryParam("unitId") String unitId,
            @QueryParam("subordinates") String subordinates, @QueryParam("missing") String missing,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return talks.coveragePeople(coverageQuery(year, unitId, subordinates, missing),
                PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), null, java.util.Set.of()));
    }

    @GET
    @Path("coverage.xlsx")
    @Produces(XLSX)
    @RequiresPermission("talks:export")
    public Response exportCoverage(@QueryParam("year") String year, @QueryParam("unitId") String unitId,
            @QueryParam("subordinates") String subordinates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        talks.exportCoverage(coverageQuery(year, unitId, subordinates, null), locale(), out);
        return sheet(out, "coverage.xlsx", "talks.sheet.coverage.filename");
    }

    private CoverageQuery coverageQuery(String year, String unitId, String subordinates, String missing) {
        return new CoverageQuery(year == null || year.isBlank() ? clock.today().getYear() : year(year),
                Requests.uuid("unitId", unitId), Boolean.TRUE.equals(Requests.bool("subordinates", subordinates)),
                Requests.bool("missing", missing));
    }

    /** A year of the path or query: four digits between 2000 and 2100; else 400 naming the field. */
    private static int year(String value) {
        Integer year = Requests.integer("year", value);
        if (year == null || year < 2000 || year > 2100) {
            throw new ValidationException("year", "validation.talks.year");
        }
        return year;
    }

    private Response sheet(ByteArrayOutputStream out, String fallback, String nameKey) {
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", Requests.attachment(fallback, messages.get(locale(), nameKey)))
                .header("Cache-Control", "private, no-store").build();
    }
}
