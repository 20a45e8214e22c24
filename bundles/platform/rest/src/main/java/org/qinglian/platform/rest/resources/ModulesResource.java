package org.qinglian.platform.rest.resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.Authenticated;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;

/** The installed modules: {@code /api/v1/modules}, in the caller's language. */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource implements RestResource {

    static final String ACTIVATE = "platform:modules-activate";

    @Reference
    private ModuleService modules;

    @Context
    private HttpHeaders headers;

    @Reference
    private AccessPolicy policy;

    /**
     * The installed modules; with {@code unit} (for holders of {@code platform:modules-activate},
     * a unit in their scope) each with its activation for that unit.
     */
    @GET
    @Authenticated
    public List<Map<String, Object>> installed(@QueryParam("unit") String unit) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        Map<String, ModuleActivationDto> activations = new HashMap<>();
        if (unit != null) {
            if (!policy.permits(ACTIVATE)) {
                throw new ProblemException(403, "forbidden", "problem.forbidden");
            }
            modules.activations(Requests.uuid("unit", unit)).forEach(a -> activations.put(a.moduleId(), a));
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (PortalModule m : modules.installed()) {
            Map<String, Object> module = summary(m, locale);
            if (unit != null) {
                module.put("activation", activations.get(m.id()));
            }
            module.put("description", m.description().in(locale));
            module.put("navigation", navigation(m.navigation(), locale, true));
            List<Map<String, Object>> permissions = new ArrayList<>();
            for (PermissionDefinition p : m.permissions()) {
                Map<String, Object> permission = new LinkedHashMap<>();
                permission.put("permission", p.permission());
                permission.put("label", p.label().in(locale));
                permission.put("defaultRoles", p.defaultRoles());
                permissions.add(permission);
            }
            module.put("permissions", permissions);
            result.add(module);
        }
        return result;
    }

    /** What the menu needs of a module. */
    static Map<String, Object> summary(PortalModule m, Locale locale) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("id", m.id());
        module.put("name", m.name().in(locale));
        module.put("icon", m.icon());
        module.put("order", m.order());
        module.put("entryScript", m.entryScript());
        return module;
    }

    static List<Map<String, Object>> navigation(List<NavigationEntry> entries, Locale locale, boolean withPermission) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (NavigationEntry n : entries) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("route", n.route());
            entry.put("label", n.label().in(locale));
            entry.put("icon", n.icon());
            if (withPermission) {
                entry.put("permission", n.permission());
            }
            result.add(entry);
        }
        return result;
    }
}
