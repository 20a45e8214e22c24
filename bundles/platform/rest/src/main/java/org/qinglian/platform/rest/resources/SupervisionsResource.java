package org.qinglian.platform.rest.resources;

import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.SupervisionDto;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;

/**
 * The explicit, dated supervision edges: {@code /api/v1/supervisions}. A unit's edges are
 * listed at {@code /api/v1/units/{id}/supervisions}.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("supervisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionsResource implements RestResource {

    @Reference
    private UnitService units;

    @Context
    private UriInfo uriInfo;

    @POST
    @RequiresPermission("platform:units-write")
    public Response create(SupervisionDto edge) {
        SupervisionDto created = units.createSupervision(edge);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .tag(String.valueOf(created.getVersion())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("platform:units-write")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch,
            SupervisionDto edge) {
        SupervisionDto updated = units.updateSupervision(id, Requests.ifMatch(ifMatch), edge);
        return Response.ok(updated).tag(String.valueOf(updated.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission("platform:units-write")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch) {
        units.deleteSupervision(id, Requests.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
