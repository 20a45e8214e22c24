package org.qinglian.platform.rest.resources;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
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
import org.qinglian.platform.api.DictionaryDto;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.DictionaryService;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;

/** Dictionaries of codes: {@code /api/v1/dictionaries}. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("dictionaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DictionariesResource implements RestResource {

    @Reference
    private DictionaryService dictionaries;

    @Context
    private UriInfo uriInfo;

    @GET
    @RequiresPermission("platform:dictionaries-read")
    public List<DictionaryDto> list() {
        return dictionaries.dictionaries();
    }

    @GET
    @Path("{code}/items")
    @RequiresPermission("platform:dictionaries-read")
    public List<DictionaryItemDto> items(@PathParam("code") String code) {
        return dictionaries.items(code);
    }

    @POST
    @Path("{code}/items")
    @RequiresPermission("platform:dictionaries-write")
    public Response createItem(@PathParam("code") String code, DictionaryItemDto item) {
        DictionaryItemDto created = dictionaries.createItem(code, item);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getId().toString()).build())
                .tag(String.valueOf(created.getVersion())).entity(created).build();
    }

    @PUT
    @Path("{code}/items/{id}")
    @RequiresPermission("platform:dictionaries-write")
    public Response updateItem(@PathParam("code") String code, @PathParam("id") UUID id,
            @HeaderParam(Requests.IF_MATCH) String ifMatch, DictionaryItemDto item) {
        DictionaryItemDto updated = dictionaries.updateItem(code, id, Requests.ifMatch(ifMatch), item);
        return Response.ok(updated).tag(String.valueOf(updated.getVersion())).build();
    }
}
