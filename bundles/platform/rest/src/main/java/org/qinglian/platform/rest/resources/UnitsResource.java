package org.qinglian.platform.rest.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.SupervisionDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.UnitQuery;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.UnitTreeNode;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;

/** The organisation tree: {@code /api/v1/units}. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitsResource implements RestResource {

    @Reference
    private UnitService units;

    @Reference
    private PlatformClock clock;

    @Context
    private UriInfo uriInfo;

    @GET
    @RequiresPermission("platform:units-read")
    public Page<UnitDto> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("parentId") String parentId,
            @QueryParam("roots") String roots, @QueryParam("name") String name,
            @QueryParam("kind") String kind, @QueryParam("level") String level) {
        PageRequest request = PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), sort,
                UnitService.SORTABLE);
        UnitQuery query = new UnitQuery()
                .setParentId(Requests.uuid("parentId", parentId))
                .setRootsOnly(Boolean.TRUE.equals(Requests.bool("roots", roots)))
                .setName(name)
                .setKind(Requests.enumValue("kind", kind, UnitKind.class))
                .setLevel(Requests.enumValue("level", level, UnitLevel.class));
        return units.list(query, request);
    }

    @GET
    @Path("tree")
    @RequiresPermission("platform:units-read")
    public List<UnitTreeNode> tree() {
        return units.tree();
    }

    @GET
    @Path("{id}")
    @RequiresPermission("platform:units-read")
    public Response get(@PathParam("id") UUID id) {
        UnitDto unit = units.get(id);
        return Response.ok(unit).tag(String.valueOf(unit.getVersion())).build();
    }

    @POST
    @RequiresPermission("platform:units-write")
    public Response create(UnitDto unit) {
        UnitDto created = units.create(unit);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .tag(String.valueOf(created.getVersion())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("platform:units-write")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch, UnitDto unit) {
        UnitDto updated = units.update(id, Requests.ifMatch(ifMatch), unit);
        return Response.ok(updated).tag(String.valueOf(updated.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission("platform:units-write")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch) {
        units.delete(id, Requests.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/supervisions")
    @RequiresPermission("platform:units-read")
    public List<SupervisionDto> supervisions(@PathParam("id") UUID id) {
        return units.supervisions(id);
    }

    @GET
    @Path("{id}/supervised")
    @RequiresPermission("platform:units-read")
    public List<UUID> supervised(@PathParam("id") UUID id, @QueryParam("on") String on) {
        LocalDate day = Requests.date("on", on);
        return List.copyOf(units.supervisedClosure(id, day == null ? clock.today() : day));
    }
}
