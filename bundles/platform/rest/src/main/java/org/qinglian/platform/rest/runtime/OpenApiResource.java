package org.qinglian.platform.rest.runtime;

import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.qinglian.platform.api.security.RequiresPermission;

/** Serves the OpenAPI 3 document of everything installed at {@code /api/v1/openapi.json}. */
@Path("openapi.json")
public class OpenApiResource {

    private final Supplier<Map<String, Object>> document;

    OpenApiResource(Supplier<Map<String, Object>> document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("platform:api-read")
    public Map<String, Object> get() {
        return document.get();
    }
}
