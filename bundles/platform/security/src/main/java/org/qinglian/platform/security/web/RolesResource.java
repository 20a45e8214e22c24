package org.qinglian.platform.security.web;

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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.RoleDto;
import org.qinglian.platform.api.security.RoleService;

/** Roles: {@code /api/v1/roles}, the built-in ones and those of units in the caller's scope. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolesResource implements RestResource {

    @Reference
    private RoleService roles;

    @Context
    private UriInfo uriInfo;

    @GET
    @RequiresPermission("platform:roles-read")
    public List<RoleDto> list() {
        return roles.list();
    }

    @GET
    @Path("{id}")
    @RequiresPermission("platform:roles-read")
    public Response get(@PathParam("id") UUID id) {
        RoleDto role = roles.get(id);
        return Response.ok(role).tag(String.valueOf(role.getVersion())).build();
    }

    @POST
    @RequiresPermission("platform:roles-write")
    public Response create(RoleDto role) {
        RoleDto created = roles.create(role);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .tag(String.valueOf(created.getVersion())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("platform:roles-write")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch, RoleDto role) {
        RoleDto updated = roles.update(id, Requests.ifMatch(ifMatch), role);
        return Response.ok(updated).tag(String.valueOf(updated.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission("platform:roles-write")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch) {
        roles.delete(id, Requests.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
