package org.qinglian.platform.soap.runtime;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
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
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.soap.SoapEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's SOAP runtime: owns a CXF bus and the servlet at {@code /services/*}, and
 * publishes every {@link SoapEndpoint} service at {@code /services/<name>} with the permission
 * check of its operations and problem-to-fault mapping in the caller's language.
 */
@Component(immediate = true)
public class SoapPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SoapPublisher.class);

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
    private volatile ModuleService moduleService;

    private final Map<SoapEndpoint, Map<String, Object>> endpoints = new HashMap<>();
    private final Map<SoapEndpoint, Server> servers = new HashMap<>();
    private Bus bus;
    private ServiceRegistration<Servlet> servlet;

    @Activate
    synchronized void activate(BundleContext context) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SoapPublisher.class.getClassLoader());
        try {
            bus = BusFactory.newInstance().createBus();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        CXFNonSpringServlet cxf = new CXFNonSpringServlet();
        cxf.setBus(bus);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/services/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "qinglian-soap");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "hide-service-list-page", "true");
        servlet = context.registerService(Servlet.class, cxf, props);
        endpoints.forEach(this::publish);
    }

    @Deactivate
    synchronized void deactivate() {
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

    @Reference(service = SoapEndpoint.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addEndpoint(SoapEndpoint endpoint, Map<String, Object> properties) {
        endpoints.put(endpoint, properties);
        if (bus != null) {
            publish(endpoint, properties);
        }
    }

    synchronized void removeEndpoint(SoapEndpoint endpoint) {
        endpoints.remove(endpoint);
        Server server = servers.remove(endpoint);
        if (server != null) {
            server.destroy();
        }
    }

    private void publish(SoapEndpoint endpoint, Map<String, Object> properties) {
        Object name = properties.get(SoapEndpoint.NAME);
        Object module = properties.get(SoapEndpoint.MODULE);
        if (!(name instanceof String) || !(module instanceof String)) {
            LOG.error("SOAP endpoint {} lacks the '{}' or '{}' property and is not published",
                    endpoint.getClass().getName(), SoapEndpoint.NAME, SoapEndpoint.MODULE);
            return;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(endpoint.getClass().getClassLoader());
        try {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/" + name);
            factory.setServiceClass(endpoint.getClass());
            factory.setServiceBean(endpoint);
            factory.getInInterceptors().add(new PermissionInterceptor((String) module, () -> accessPolicy, () -> securityContext,
                    () -> moduleService, messages));
            factory.getOutFaultInterceptors().add(new ProblemFaultInterceptor(messages));
            servers.put(endpoint, factory.create());
            LOG.info("SOAP endpoint {} of module '{}' published at /services/{}", endpoint.getClass().getName(),
                    module, name);
        } catch (RuntimeException e) {
            LOG.error("SOAP endpoint {} could not be published", name, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
