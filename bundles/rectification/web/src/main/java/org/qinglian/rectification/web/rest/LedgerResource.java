package org.qinglian.rectification.web.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
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
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.DictionaryService;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.rectification.api.ImportResult;
import org.qinglian.rectification.api.InspectionDraft;
import org.qinglian.rectification.api.InspectionDto;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.MeasureDto;
import org.qinglian.rectification.api.ProblemDetailDto;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.ProgressDraft;
import org.qinglian.rectification.api.ProgressDto;
import org.qinglian.rectification.api.RectificationService;
import org.qinglian.rectification.api.StatisticsDto;
import org.qinglian.rectification.api.TransitionRequest;

/**
 * {@code /api/v1/rectification}: the ledger for the portal and for integrators. Scope, need of
 * permission and module activation are enforced by the platform's runtime and the service.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RectificationService.MODULE)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LedgerResource implements RestResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Reference
    private RectificationService ledger;

    @Reference
    private DictionaryService dictionaries;

    @Reference
    private Messages messages;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    private Locale locale() {
        return Messages.negotiate(headers.getAcceptableLanguages());
    }

    // inspections

    @GET
    @Path("inspections")
    @RequiresPermission("rectification:read")
    public Page<InspectionDto> inspections(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("text") String text) {
        return ledger.inspections(text, PageRequest.of(Requests.integer("page", page), Requests.integer("size", size),
                sort, RectificationService.INSPECTION_SORTABLE));
    }

    @GET
    @Path("inspections/{id}")
    @RequiresPermission("rectification:read")
    public Response inspection(@PathParam("id") UUID id) {
        InspectionDto dto = ledger.inspection(id);
        return Response.ok(dto).tag(String.valueOf(dto.version())).build();
    }

    @POST
    @Path("inspections")
    @RequiresPermission("rectification:write")
    public Response createInspection(InspectionDraft draft) {
        InspectionDto created = ledger.createInspection(draft);
        return Response.created(uriInfo.getBaseUriBuilder().path("rectification/inspections")
                .path(created.id().toString()).build()).tag(String.valueOf(created.version())).entity(created).build();
    }

    @PUT
    @Path("inspections/{id}")
    @RequiresPermission("rectification:write")
    public Response updateInspection(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            InspectionDraft draft) {
        InspectionDto updated = ledger.updateInspection(id, Requests.ifMatch(ifMatch), draft);
        return Response.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    // problems

    @GET
    @Path("problems")
    @RequiresPermission("rectification:read")
    public Page<ProblemDto> problems(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("unitId") String unitId,
            @QueryParam("subordinates") String subordinates, @QueryParam("inspectionId") String inspectionId,
            @QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("category") String category, @QueryParam("text") String text) {
        PageRequest request = PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), sort,
                RectificationService.PROBLEM_SORTABLE);
        return ledger.problems(query(unitId, subordinates, inspectionId, status, overdue, category, text), request,
                locale());
    }

    static ProblemQuery query(String unitId, String subordinates, String inspectionId, String status, String overdue,
            String category, String text) {
        return new ProblemQuery(Requests.uuid("unitId", unitId), Boolean.TRUE.equals(Requests.bool("subordinates",
                subordinates)), Requests.uuid("inspectionId", inspectionId),
                Requests.enumValue("status", status, ProblemStatus.class), Requests.bool("overdue", overdue),
                category, text);
    }

    @GET
    @Path("problems/{id}")
    @RequiresPermission("rectification:read")
    public Response problem(@PathParam("id") UUID id) {
        ProblemDetailDto detail = ledger.problem(id, locale());
        return Response.ok(detail).tag(String.valueOf(detail.problem().version())).build();
    }

    @POST
    @Path("problems")
    @RequiresPermission("rectification:write")
    public Response createProblem(ProblemDraft draft) {
        ProblemDto created = ledger.createProblem(draft, locale());
        return Response.created(uriInfo.getBaseUriBuilder().path("rectification/problems")
                .path(created.id().toString()).build()).tag(String.valueOf(created.version())).entity(created).build();
    }

    @PUT
    @Path("problems/{id}")
    @RequiresPermission("rectification:write")
    public Response updateProblem(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            ProblemDraft draft) {
        ProblemDto updated = ledger.updateProblem(id, Requests.ifMatch(ifMatch), draft, locale());
        return Response.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    @POST
    @Path("problems/{id}/transitions")
    @RequiresPermission("rectification:read")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            TransitionRequest request) {
        ProblemDetailDto detail = ledger.transition(id, Requests.ifMatch(ifMatch), request, locale());
        return Response.ok(detail).tag(String.valueOf(detail.problem().version())).build();
    }

    // measures and progress

    @POST
    @Path("problems/{id}/measures")
    @RequiresPermission("rectification:write")
    public Response addMeasure(@PathParam("id") UUID id, MeasureDraft draft) {
        MeasureDto created = ledger.addMeasure(id, draft);
        return Response.status(Response.Status.CREATED).tag(String.valueOf(created.version())).entity(created).build();
    }

    @PUT
    @Path("measures/{id}")
    @RequiresPermission("rectification:write")
    public Response updateMeasure(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            MeasureDraft draft) {
        MeasureDto updated = ledger.updateMeasure(id, Requests.ifMatch(ifMatch), draft);
        return Response.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    @POST
    @Path("problems/{id}/progress")
    @RequiresPermission("rectification:report")
    public Response report(@PathParam("id") UUID id, ProgressDraft draft) {
        ProgressDto created = ledger.report(id, draft);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** Evidence for a progress report: the file is the request body, its name a query parameter. */
    @POST
    @Path("progress/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission("rectification:report")
    public Response attach(@PathParam("id") UUID id, @QueryParam("filename") String filename, byte[] body) {
        AttachmentDto stored = ledger.attach(id, filename, body);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    // figures, export, import

    @GET
    @Path("statistics")
    @RequiresPermission("rectification:read")
    public StatisticsDto statistics(@QueryParam("unitId") String unitId, @QueryParam("subordinates") String subordinates,
            @QueryParam("inspectionId") String inspectionId, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("category") String category) {
        return ledger.statistics(query(unitId, subordinates, inspectionId, status, overdue, category, null), locale());
    }

    @GET
    @Path("categories")
    @RequiresPermission("rectification:read")
    public List<DictionaryItemDto> categories() {
        return dictionaries.items(RectificationService.CATEGORY_DICTIONARY);
    }

    @GET
    @Path("ledger.xlsx")
    @Produces(XLSX)
    @RequiresPermission("rectification:export")
    public Response export(@QueryParam("unitId") String unitId, @QueryParam("subordinates") String subordinates,
            @QueryParam("inspectionId") String inspectionId, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("category") String category,
            @QueryParam("text") String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.exportLedger(query(unitId, subordinates, inspectionId, status, overdue, category, text), locale(), out);
        return Response.ok(out.toByteArray(), XLSX)
                .header("Content-Disposition", Requests.attachment("ledger.xlsx",
                        messages.get(locale(), "rectification.sheet.filename")))
                .header("Cache-Control", "private, no-store").build();
    }

    /** Registers the problems of a ledger file under an inspection; the file is the request body. */
    @POST
    @Path("ledger/import")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission("rectification:import")
    public ImportResult importLedger(@QueryParam("inspectionId") String inspectionId, byte[] body) {
        UUID inspection = Requests.uuid("inspectionId", inspectionId);
        if (inspection == null) {
            throw new ValidationException("inspectionId", "validation.required");
        }
        if (body == null || body.length == 0) {
            throw new ValidationException("file", "validation.required");
        }
        return ledger.importLedger(inspection, new ByteArrayInputStream(body), locale());
    }
}
