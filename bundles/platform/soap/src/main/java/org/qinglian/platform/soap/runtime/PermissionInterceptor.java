package org.qinglian.platform.soap.runtime;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import javax.xml.namespace.QName;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.invoker.MethodDispatcher;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the {@link RequiresPermission} of the SOAP operation about to be invoked: an
 * operation without one, or of another module, is refused; without a signed-in caller (session
 * or API token) the answer is 401; a declared permission is asked of the {@link AccessPolicy};
 * a module's operation is refused (403) to a caller whose unit has the module switched off.
 * Fails closed while no policy is installed.
 */
final class PermissionInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(PermissionInterceptor.class);
    static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");

    private final String module;
    private final Supplier<AccessPolicy> policy;
    private final Supplier<SecurityContext> security;
    private final Supplier<ModuleService> modules;
    private final Messages messages;

    PermissionInterceptor(String module, Supplier<AccessPolicy> policy, Supplier<SecurityContext> security,
            Supplier<ModuleService> modules, Messages messages) {
        super(Phase.PRE_INVOKE);
        this.module = module;
        this.policy = policy;
        this.security = security;
        this.modules = modules;
        this.messages = messages;
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        MethodDispatcher dispatcher = (MethodDispatcher) exchange.getService().get(MethodDispatcher.class.getName());
        Method method = operation == null || dispatcher == null ? null : dispatcher.getMethod(operation);
        RequiresPermission declared = method == null ? null : method.getAnnotation(RequiresPermission.class);
        if (declared == null || !declared.value().startsWith(module + ":")) {
            LOG.error("Denied SOAP operation {}: it declares no permission of module '{}'", operation, module);
            throw denied(message, "problem.undeclaredPermission", 403);
        }
        AccessPolicy p = policy.get();
        SecurityContext s = security.get();
        if (p == null || s == null) {
            throw denied(message, "problem.securityUnavailable", 503);
        }
        if (s.caller().isEmpty()) {
            throw denied(message, "problem.unauthenticated", 401);
        }
        if (!p.permits(declared.value())) {
            throw denied(message, "problem.forbidden", 403);
        }
        if (!RestResource.PLATFORM.equals(module)) {
            ModuleService m = modules.get();
            if (m == null) {
                throw denied(message, "problem.securityUnavailable", 503);
            }
            if (!m.isActive(module, s.caller().get().getUnitId())) {
                throw denied(message, "problem.moduleInactive", 403);
            }
        }
    }

    private Fault denied(Message message, String key, int status) {
        Fault fault = new Fault(new SecurityException(messages.get(SoapLanguage.of(message), key)));
        fault.setFaultCode(CLIENT);
        fault.setStatusCode(status);
        return fault;
    }
}
