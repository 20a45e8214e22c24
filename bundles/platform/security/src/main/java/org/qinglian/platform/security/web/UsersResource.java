package org.qinglian.platform.security.web;

import java.util.Map;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.api.security.UserService;

/** User accounts: {@code /api/v1/users}, scoped to the units the caller sees. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource implements RestResource {

    @Reference
    private UserService users;

    @Context
    private UriInfo uriInfo;

    @GET
    @RequiresPermission("platform:users-read")
    public Page<UserDto> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("unitId") String unitId, @QueryParam("q") String text) {
        return users.list(Requests.uuid("unitId", unitId), text,
                PageRequest.of(Requests.integer("page", page), Requests.integer("size", size), sort, UserService.SORTABLE));
    }

    @GET
    @Path("{id}")
    @RequiresPermission("platform:users-read")
    public Response get(@PathParam("id") UUID id) {
        UserDto user = users.get(id);
        return Response.ok(user).tag(String.valueOf(user.getVersion())).build();
    }

    @POST
    @RequiresPermission("platform:users-write")
    public Response create(UserDto user) {
        UserDto created = users.create(user);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .tag(String.valueOf(created.getVersion())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RequiresPermission("platform:users-write")
    public Response update(@PathParam("id") UUID id, @HeaderParam(Requests.IF_MATCH) String ifMatch, UserDto user) {
        UserDto updated = users.update(id, Requests.ifMatch(ifMatch), user);
        return Response.ok(updated).tag(String.valueOf(updated.getVersion())).build();
    }

    @POST
    @Path("{id}/disable")
    @RequiresPermission("platform:users-write")
    public UserDto disable(@PathParam("id") UUID id) {
        return users.setDisabled(id, true);
    }

    @POST
    @Path("{id}/enable")
    @RequiresPermission("platform:users-write")
    public UserDto enable(@PathParam("id") UUID id) {
        return users.setDisabled(id, false);
    }

    @POST
    @Path("{id}/unlock")
    @RequiresPermission("platform:users-write")
    public UserDto unlock(@PathParam("id") UUID id) {
        return users.unlock(id);
    }

    @POST
    @Path("{id}/password")
    @RequiresPermission("platform:users-write")
    public Response resetPassword(@PathParam("id") UUID id, Map<String, String> body) {
        String password = body == null ? null : body.get("password");
        if (password == null || body.size() != 1) {
            throw new ValidationException("password", "validation.required");
        }
        users.resetPassword(id, password);
        return Response.noContent().build();
    }
}
