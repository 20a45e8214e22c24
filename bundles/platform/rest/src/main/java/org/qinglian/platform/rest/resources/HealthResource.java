package org.qinglian.platform.rest.resources;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qinglian.platform.api.DatabaseStatus;
import org.qinglian.platform.api.security.PublicAccess;
import org.qinglian.platform.api.rest.RestResource;

/** {@code GET /api/v1/health}: UP with the database product name, or 503 DOWN. Open to all. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("health")
public class HealthResource implements RestResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DatabaseStatus database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PublicAccess
    public Response health() {
        DatabaseStatus status = database;
        DatabaseStatus.Report report = status == null ? new DatabaseStatus.Report(false, null, null) : status.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.isUp() ? "UP" : "DOWN");
        body.put("database", report.getDatabase());
        return Response.status(report.isUp() ? 200 : 503).entity(body).build();
    }
}
