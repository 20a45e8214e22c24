package org.qinglian.itests.testmodule;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;

/** {@code /api/v1/testmod/items}: what the platform publishes for a module, guarded like a real one. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + TestModule.ID)
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
public class TestItemsResource implements RestResource {

    @GET
    @RequiresPermission("testmod:read")
    public List<Map<String, Object>> items() {
        return List.of(Map.of("code", "T-1", "count", 3), Map.of("code", "T-2", "count", 5));
    }
}
