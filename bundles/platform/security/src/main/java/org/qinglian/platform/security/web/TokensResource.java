package org.qinglian.platform.security.web;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.security.account.AccountService;
import org.qinglian.platform.security.account.CreatedToken;
import org.qinglian.platform.security.account.TokenDto;

/**
 * API tokens for integrators: {@code /api/v1/tokens}. The token itself is answered once, at
 * creation; only its SHA-256 is kept. Sent as {@code Authorization: Bearer …} on REST and SOAP.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource implements RestResource {

    @Reference
    private AccountService accounts;

    @Context
    private UriInfo uriInfo;

    @POST
    @RequiresPermission("platform:tokens-write")
    public Response create(TokenRequest request) {
        if (request == null) {
            throw new ValidationException("body", "validation.required");
        }
        CreatedToken created = accounts.createToken(request.getName(), request.getPermissions(), request.getExpiresAt());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .entity(created).build();
    }

    @GET
    @RequiresPermission("platform:tokens-write")
    public List<TokenDto> list() {
        return accounts.tokens();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission("platform:tokens-write")
    public Response revoke(@PathParam("id") UUID id) {
        accounts.revokeToken(id);
        return Response.noContent().build();
    }
}
