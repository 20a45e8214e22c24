package org.qinglian.platform.rest.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.PersonQuery;
import org.qinglian.platform.api.PersonService;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.spi.TimelineContribution;
import org.qinglian.platform.api.spi.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;

/** The people roster: {@code /api/v1/people}, filtered by unit, name and flags. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleResource.class);

    @Reference
    private PersonService people;

    @Reference
    private ModuleService modules;

    @Reference
    private SecurityContext security;

    @Reference
    private AccessPolicy policy;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<TimelineContribution> timelines = new CopyOnWriteArrayList<>();

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @GET
    @RequiresPermission("platform:people-read")
    public Page<PersonDto> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("unitId") String unitId, @QueryParam("name") String name,
            @QueryParam("topLeader") String topLeader, @QueryParam("leadershipMember") String leadershipMember,
            @QueryParam("youngCadre") String youngCadre, @QueryParam("inspectionCadre") String inspectionCadre) {
        PageRequest request = PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), sort,
                PersonService.SORTABLE);
        PersonQuery query = new PersonQuery()
                .setUnitId(Requests.uuid("unitId", unitId))
                .setName(name)
                .setTopLeader(Requests.bool("topLeader", topLeader))
                .setLeadershipMember(Requests.bool("leadershipMember", leadershipMember))
                .setYoungCadre(Requests.bool("youngCadre", youngCadre))
                .setInspectionCadre(Requests.bool("inspectionCadre", inspectionCadre));
        return people.list(query, request);
    }

    @GET
    @Path("{id}")
    @RequiresPermission("platform:people-read")
    public Response get(@PathParam("id") UUID id) {
        PersonDto person = people.get(id);
        return Response.ok(person).tag(String.valueOf(person.getVersion())).build();
    }

    /**
     * The person's timeline: the entries of the modules active for the caller's unit whose
     * permission the caller holds, newest first; each module answers only what the caller may read.
     */
    @GET
    @Path("{id}/timeline")
    @RequiresPermission("platform:people-read")
    public List<TimelineEntry> timeline(@PathParam("id") UUID id) {
        people.get(id);
        UUID unit = security.caller().map(Caller::getUnitId).orElse(null);
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        List<TimelineEntry> entries = new ArrayList<>();
        for (TimelineContribution c : timelines) {
            if (!modules.isActive(c.module(), unit) || !policy.permits(c.permission())) {
                continue;
            }
            try {
                entries.addAll(c.entries(id, locale));
            } catch (RuntimeException e) {
                LOG.error("Timeline of module {} failed; left out", c.module(), e);
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::date).reversed().thenComparing(TimelineEntry::module));
        return entries;
    }

    @POST
    @RequiresPermission("platform:people-write")
    public Response create(PersonDto person) {
        PersonDto created = people.create(person);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .tag(String.valueOf(created.getVersion())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("platform:people-write")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            PersonDto person) {
        PersonDto updated = people.update(id, Requests.ifMatch(ifMatch), person);
        return Response.ok(updated).tag(String.valueOf(updated.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission("platform:people-write")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch) {
        people.delete(id, Requests.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
