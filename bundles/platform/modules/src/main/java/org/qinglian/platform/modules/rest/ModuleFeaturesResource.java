package org.qinglian.platform.modules.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.portal.FeaturePreviewDto;
import org.qinglian.platform.api.portal.InstallJobDto;
import org.qinglian.platform.api.portal.ModuleFeatureDto;
import org.qinglian.platform.api.portal.ModuleInstaller;
import org.qinglian.platform.api.portal.ModuleInstaller.Action;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;

/**
 * Installing modules: {@code GET /api/v1/modules/features}, {@code GET …/{name}/preview?action=},
 * {@code POST …/{name}/install|uninstall|upgrade} (202 with the job), {@code GET …/jobs} and
 * {@code …/jobs/{id}}, and {@code POST …/kars?name=} with a KAR pack as the body.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("modules/features")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleFeaturesResource implements RestResource {

    static final String INSTALL = "platform:modules-install";

    @Reference
    private ModuleInstaller installer;

    @Context
    private HttpHeaders headers;

    private Locale locale() {
        return Messages.negotiate(headers.getAcceptableLanguages());
    }

    @GET
    @RequiresPermission(INSTALL)
    public List<ModuleFeatureDto> features() {
        return installer.features(locale());
    }

    @GET
    @Path("{name}/preview")
    @RequiresPermission(INSTALL)
    public FeaturePreviewDto preview(@PathParam("name") String name, @QueryParam("action") String action) {
        Action a = Requests.enumValue("action", action == null ? null : action.toUpperCase(Locale.ROOT), Action.class);
        return installer.preview(name, a == null ? Action.INSTALL : a);
    }

    /** Starts {@code install}, {@code uninstall} or {@code upgrade} of a feature: 202 with the job. */
    @POST
    @Path("{name}/{action: install|uninstall|upgrade}")
    @RequiresPermission(INSTALL)
    public Response change(@PathParam("name") String name, @PathParam("action") String action) {
        return accepted(installer.submit(name, Action.valueOf(action.toUpperCase(Locale.ROOT))));
    }

    @GET
    @Path("jobs")
    @RequiresPermission(INSTALL)
    public List<InstallJobDto> jobs() {
        return installer.jobs();
    }

    @GET
    @Path("jobs/{id}")
    @RequiresPermission(INSTALL)
    public InstallJobDto job(@PathParam("id") String id) {
        return installer.job(Requests.uuid("id", id)).orElseThrow(() -> new NotFoundException("job", id));
    }

    @POST
    @Path("kars")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RequiresPermission(INSTALL)
    public Response kar(@QueryParam("name") String name, InputStream body) {
        return accepted(installer.submitKar(name, body));
    }

    private static Response accepted(InstallJobDto job) {
        return Response.accepted(job).header("Location", "/api/v1/modules/features/jobs/" + job.id()).build();
    }
}
