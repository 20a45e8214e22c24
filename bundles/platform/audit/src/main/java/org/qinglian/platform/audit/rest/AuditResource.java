package org.qinglian.platform.audit.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.audit.AuditEntryDto;
import org.qinglian.platform.api.audit.AuditTrail;
import org.qinglian.platform.api.audit.AuditVerification;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;

/** The audit trail for auditors: {@code /api/v1/audit}. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource implements RestResource {

    @Reference
    private AuditTrail trail;

    public AuditResource() {
    }

    /** For tests: a resource over the given trail. */
    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RequiresPermission("platform:audit-read")
    public Page<AuditEntryDto> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("recordId") String recordId) {
        PageRequest request = PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), sort,
                AuditTrail.SORTABLE);
        return trail.list(actor, action, instant("from", from), instant("to", to), recordId, request);
    }

    @GET
    @Path("verify")
    @RequiresPermission("platform:audit-verify")
    public AuditVerification verify() {
        return trail.verify();
    }

    @GET
    @Path("{id}")
    @RequiresPermission("platform:audit-read")
    public AuditEntryDto get(@PathParam("id") UUID id) {
        return trail.get(id);
    }

    /** An ISO-8601 instant ({@code 2026-01-31T08:00:00Z}, or with an offset such as {@code +08:00}). */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "validation.instant");
        }
    }
}
