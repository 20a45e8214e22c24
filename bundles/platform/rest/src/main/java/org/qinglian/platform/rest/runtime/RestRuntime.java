package org.qinglian.platform.rest.runtime;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's REST runtime. It owns a CXF bus and the servlet at {@code /api/*}, and
 * publishes the {@link RestResource} services of each module as one CXF server: the
 * platform's at {@code /api/v1}, a module's at {@code /api/v1/<module>}. A module's server is
 * rebuilt whenever one of its resources comes or goes. Every server gets the same providers:
 * JSON, problem details for every failure, the permission check and the response headers.
 */
@Component(immediate = true)
public class RestRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(RestRuntime.class);
    static final String SERVLET_PATTERN = "/api/*";
    static final String VERSION_PATH = "/v1";

    @Reference
    private Messages messages;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessPolicy accessPolicy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecurityContext securityContext;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleService moduleService;

    private final Map<String, Map<RestResource, Boolean>> resources = new HashMap<>();
    private final Map<String, Server> servers = new HashMap<>();
    private Bus bus;
    private Problems problems;
    private ServiceRegistration<Servlet> servlet;
    private boolean active;

    @Activate
    synchronized void activate(BundleContext context) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestRuntime.class.getClassLoader());
        try {
            bus = BusFactory.newInstance().createBus();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        problems = new Problems(messages);
        CXFNonSpringServlet cxf = new CXFNonSpringServlet();
        cxf.setBus(bus);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, SERVLET_PATTERN);
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "qinglian-rest");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "hide-service-list-page", "true");
        servlet = context.registerService(Servlet.class, cxf, props);
        active = true;
        resources.computeIfAbsent(RestResource.PLATFORM, k -> new LinkedHashMap<>());
        for (String module : new ArrayList<>(resources.keySet())) {
            rebuild(module);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        servers.values().forEach(Server::destroy);
        servers.clear();
        if (servlet != null) {
            servlet.unregister();
            servlet = null;
        }
        if (bus != null) {
            bus.shutdown(true);
            bus = null;
        }
    }

    @Reference(service = RestResource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addResource(RestResource resource, Map<String, Object> properties) {
        Object module = properties.get(RestResource.MODULE);
        if (!(module instanceof String) || ((String) module).isBlank()) {
            LOG.error("REST resource {} has no '{}' property and is not published",
                    resource.getClass().getName(), RestResource.MODULE);
            return;
        }
        resources.computeIfAbsent((String) module, k -> new LinkedHashMap<>()).put(resource, Boolean.TRUE);
        rebuild((String) module);
    }

    synchronized void removeResource(RestResource resource, Map<String, Object> properties) {
        Object module = properties.get(RestResource.MODULE);
        Map<RestResource, Boolean> ofModule = resources.get(module);
        if (ofModule != null && ofModule.remove(resource) != null) {
            rebuild((String) module);
        }
    }

    private void rebuild(String module) {
        if (!active) {
            return;
        }
        Server old = servers.remove(module);
        if (old != null) {
            old.destroy();
        }
        List<Object> beans = new ArrayList<>(resources.getOrDefault(module, Map.of()).keySet());
        if (RestResource.PLATFORM.equals(module)) {
            beans.add(new OpenApiResource(this::openApi));
        }
        if (beans.isEmpty()) {
            return;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestRuntime.class.getClassLoader());
        try {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(basePath(module));
            factory.setServiceBeans(beans);
            factory.setProviders(providers(module));
            servers.put(module, factory.create());
            LOG.info("REST module '{}' published at /api{} with {} resources", module, basePath(module), beans.size());
        } catch (RuntimeException e) {
            LOG.error("REST module '{}' could not be published", module, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    static String basePath(String module) {
        return RestResource.PLATFORM.equals(module) ? VERSION_PATH : VERSION_PATH + "/" + module;
    }

    private List<Object> providers(String module) {
        return List.of(
                Json.provider(),
                new PermissionFilter(module, () -> accessPolicy, () -> securityContext, () -> auditLog,
                        () -> moduleService, problems),
                new ResponseHeadersFilter(),
                new ExceptionMappers.ForProblems(problems),
                new ExceptionMappers.ForJson(problems),
                new ExceptionMappers.ForWebApplication(problems),
                new ExceptionMappers.ForAnything(problems));
    }

    synchronized Map<String, Object> openApi() {
        Map<String, Map.Entry<String, Collection<Object>>> published = new TreeMap<>();
        resources.forEach((module, beans) -> {
            Collection<Object> all = new ArrayList<>(beans.keySet());
            if (RestResource.PLATFORM.equals(module)) {
                all.add(new OpenApiResource(null));
            }
            published.put(module, new AbstractMap.SimpleEntry<>("/api" + basePath(module), all));
        });
        return new OpenApiDocument().build(published);
    }
}
