package org.qinglian.platform.rest.resources;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;

/**
 * A unit's module activation: {@code /api/v1/units/{id}/modules}; {@code PUT …/{moduleId}} with
 * {@code {"active":true}}, {@code {"active":false}} or {@code {"active":null}} (inherit).
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("units/{unitId}/modules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitModulesResource implements RestResource {

    @Reference
    private ModuleService modules;

    @GET
    @RequiresPermission(ModulesResource.ACTIVATE)
    public List<ModuleActivationDto> activations(@PathParam("unitId") String unitId) {
        return modules.activations(Requests.uuid("unitId", unitId));
    }

    @PUT
    @Path("{moduleId}")
    @RequiresPermission(ModulesResource.ACTIVATE)
    public ModuleActivationDto set(@PathParam("unitId") String unitId, @PathParam("moduleId") String moduleId,
            ActivationChange change) {
        if (change == null || !change.given) {
            throw new ValidationException("active", "validation.required");
        }
        return modules.setActive(Requests.uuid("unitId", unitId), moduleId, change.active);
    }

    /** The body of a change: {@code active} must be present; null means inherit. */
    public static final class ActivationChange {
        private Boolean active;
        private boolean given;

        public Boolean getActive() {
            return active;
        }

        public void setActive(Boolean active) {
            this.active = active;
            this.given = true;
        }
    }
}
