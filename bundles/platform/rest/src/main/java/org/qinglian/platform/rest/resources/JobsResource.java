package org.qinglian.platform.rest.resources;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.job.JobService;
import org.qinglian.platform.api.job.JobStatusDto;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;

/** {@code /api/v1/jobs}: the scheduled jobs, their last runs, and running one now. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource implements RestResource {

    @Reference
    private JobService jobs;

    @GET
    @RequiresPermission("platform:jobs")
    public List<JobStatusDto> list() {
        return jobs.jobs();
    }

    /** Runs a job now and answers its status after the run. */
    @POST
    @Path("{name}/run")
    @RequiresPermission("platform:jobs")
    public JobStatusDto run(@PathParam("name") String name) {
        return jobs.runNow(name);
    }
}
