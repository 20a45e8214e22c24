package org.qinglian.platform.rest.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.portal.NoticeDto;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoDto;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.Authenticated;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.spi.DashboardCard;
import org.qinglian.platform.api.spi.DashboardContribution;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PortalModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the signed-in user's portal shows: {@code /api/v1/portal/modules} (the menu: modules
 * active for the user's unit, with the entries whose permission they hold), {@code dashboard}
 * (the cards of those modules), {@code summary}, {@code todos} and {@code notices} (their own).
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("portal")
@Produces(MediaType.APPLICATION_JSON)
public class PortalResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(PortalResource.class);

    @Reference
    private ModuleService modules;

    @Reference
    private TodoService todos;

    @Reference
    private NoticeService notices;

    @Reference
    private SecurityContext security;

    @Reference
    private AccessPolicy policy;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<DashboardContribution> contributions = new CopyOnWriteArrayList<>();

    @Context
    private HttpHeaders headers;

    private Locale locale() {
        return Messages.negotiate(headers.getAcceptableLanguages());
    }

    /** The modules active for the caller's unit, each with the entries the caller may open; none if no entry. */
    @GET
    @Path("modules")
    @Authenticated
    public List<Map<String, Object>> modules() {
        Caller caller = security.caller().orElseThrow();
        Locale locale = locale();
        List<Map<String, Object>> result = new ArrayList<>();
        for (PortalModule m : modules.installed()) {
            if (!modules.isActive(m.id(), caller.getUnitId())) {
                continue;
            }
            List<NavigationEntry> allowed = new ArrayList<>();
            for (NavigationEntry n : m.navigation()) {
                if (policy.permits(n.permission())) {
                    allowed.add(n);
                }
            }
            if (!allowed.isEmpty()) {
                Map<String, Object> module = ModulesResource.summary(m, locale);
                module.put("navigation", ModulesResource.navigation(allowed, locale, false));
                result.add(module);
            }
        }
        return result;
    }

    /** The dashboard cards of the active modules the caller holds the cards' permissions of. */
    @GET
    @Path("dashboard")
    @Authenticated
    public List<Map<String, Object>> dashboard() {
        Caller caller = security.caller().orElseThrow();
        Locale locale = locale();
        List<DashboardContribution> sorted = new ArrayList<>(contributions);
        sorted.sort(Comparator.comparingInt(DashboardContribution::order).thenComparing(DashboardContribution::module)
                .thenComparing(DashboardContribution::id));
        List<Map<String, Object>> cards = new ArrayList<>();
        for (DashboardContribution c : sorted) {
            if (!modules.isActive(c.module(), caller.getUnitId()) || !policy.permits(c.permission())) {
                continue;
            }
            Optional<DashboardCard> card;
            try {
                card = c.card(caller, locale);
            } catch (RuntimeException e) {
                LOG.error("Dashboard card {}/{} failed; left out", c.module(), c.id(), e);
                continue;
            }
            card.ifPresent(value -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("module", c.module());
                json.put("id", c.id());
                json.put("title", value.title());
                json.put("figures", value.figures());
                json.put("items", value.items());
                json.put("chart", value.chart());
                json.put("route", value.route());
                cards.add(json);
            });
        }
        return cards;
    }

    @GET
    @Path("summary")
    @Authenticated
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("openTodos", todos.openCount());
        summary.put("unreadNotices", notices.unreadCount());
        return summary;
    }

    @GET
    @Path("todos")
    @Authenticated
    public Page<TodoDto> todos(@QueryParam("done") String done, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Boolean isDone = Requests.bool("done", done);
        return todos.mine(Boolean.TRUE.equals(isDone), PageRequest.of(Requests.integer("page", page),
                Requests.integer("size", size), sort == null ? "dueAt,-createdAt" : sort, TodoService.SORTABLE), locale());
    }

    @POST
    @Path("todos/{id}/done")
    @Authenticated
    public TodoDto done(@PathParam("id") String id) {
        return todos.complete(Requests.uuid("id", id), locale());
    }

    @GET
    @Path("notices")
    @Authenticated
    public Page<NoticeDto> notices(@QueryParam("unread") String unread, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Boolean unreadOnly = Requests.bool("unread", unread);
        return notices.mine(Boolean.TRUE.equals(unreadOnly), PageRequest.of(Requests.integer("page", page),
                Requests.integer("size", size), sort == null ? "-createdAt" : sort, NoticeService.SORTABLE), locale());
    }

    @POST
    @Path("notices/{id}/read")
    @Authenticated
    public NoticeDto read(@PathParam("id") String id) {
        return notices.markRead(Requests.uuid("id", id), locale());
    }
}
