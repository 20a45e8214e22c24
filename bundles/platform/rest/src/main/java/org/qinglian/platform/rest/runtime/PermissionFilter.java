package org.qinglian.platform.rest.runtime;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.Authenticated;
import org.qinglian.platform.api.security.PublicAccess;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces what every operation declares: {@link PublicAccess} or {@link Authenticated}
 * (platform only), or a {@link RequiresPermission} of the operation's own module, granted by the
 * {@link AccessPolicy} to the caller the security bundle authenticated. An operation that
 * declares nothing is denied; without a signed-in caller a protected operation answers 401;
 * without the permission 403, recorded on the audit trail; and an operation of a module that
 * is not active for the caller's unit 403 as well ({@code problem.moduleInactive}), so no module
 * has to check its own activation. Fails closed: while no access policy
 * is installed, nothing but public operations answers.
 */
@Priority(Priorities.AUTHORIZATION)
final class PermissionFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PermissionFilter.class);

    @Context
    private ResourceInfo resourceInfo;

    private final String module;
    private final Supplier<AccessPolicy> policy;
    private final Supplier<SecurityContext> security;
    private final Supplier<AuditLog> audit;
    private final Supplier<ModuleService> modules;
    private final Problems problems;

    PermissionFilter(String module, Supplier<AccessPolicy> policy, Supplier<SecurityContext> security,
            Supplier<AuditLog> audit, Supplier<ModuleService> modules, Problems problems) {
        this.module = module;
        this.policy = policy;
        this.security = security;
        this.audit = audit;
        this.modules = modules;
        this.problems = problems;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        Declaration d = Declaration.of(type, method);
        boolean platform = RestResource.PLATFORM.equals(module);
        if (d.isPublic() && platform) {
            return;
        }
        AccessPolicy p = policy.get();
        SecurityContext s = security.get();
        if (p == null || s == null) {
            request.abortWith(problems.response(new ProblemException(503, "unavailable", "problem.securityUnavailable"),
                    request));
            return;
        }
        boolean signedIn = s.caller().isPresent();
        if (d.isAuthenticated() && platform) {
            if (!signedIn) {
                request.abortWith(problems.response(unauthenticated(), request));
            }
            return;
        }
        if (d.permission() == null || !d.permission().startsWith(module + ":")) {
            LOG.error("Denied {}.{}: it declares no permission of module '{}'", type.getName(), method.getName(), module);
            deny(request, "problem.undeclaredPermission", null);
            return;
        }
        if (!signedIn) {
            request.abortWith(problems.response(unauthenticated(), request));
            return;
        }
        if (!p.permits(d.permission())) {
            deny(request, "problem.forbidden", d.permission());
            return;
        }
        if (!platform) {
            ModuleService m = modules.get();
            if (m == null) {
                request.abortWith(problems.response(new ProblemException(503, "unavailable",
                        "problem.securityUnavailable"), request));
            } else if (!m.isActive(module, s.caller().get().getUnitId())) {
                deny(request, "problem.moduleInactive", module);
            }
        }
    }

    static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated", "problem.unauthenticated");
    }

    private void deny(ContainerRequestContext request, String key, String permission) {
        AuditLog log = audit.get();
        if (log != null) {
            log.recordSeparately(AuditEvent.of("request.denied", "endpoint",
                    request.getMethod() + " " + request.getUriInfo().getPath())
                    .outcome(AuditEvent.Outcome.DENIED).detail(permission));
        }
        request.abortWith(problems.response(new ProblemException(403, "forbidden", key), request));
    }

    /** What an operation declares: the method's annotation wins over the class's. */
    static final class Declaration {
        private final String permission;
        private final boolean open;
        private final boolean authenticated;

        private Declaration(String permission, boolean open, boolean authenticated) {
            this.permission = permission;
            this.open = open;
            this.authenticated = authenticated;
        }

        static Declaration of(Class<?> type, Method method) {
            Declaration onMethod = of(method);
            return onMethod != null ? onMethod : of(type) != null ? of(type) : new Declaration(null, false, false);
        }

        private static Declaration of(java.lang.reflect.AnnotatedElement e) {
            RequiresPermission required = e.getAnnotation(RequiresPermission.class);
            if (required != null) {
                return new Declaration(required.value(), false, false);
            }
            if (e.isAnnotationPresent(PublicAccess.class)) {
                return new Declaration(null, true, false);
            }
            if (e.isAnnotationPresent(Authenticated.class)) {
                return new Declaration(null, false, true);
            }
            return null;
        }

        String permission() {
            return permission;
        }

        boolean isPublic() {
            return open;
        }

        boolean isAuthenticated() {
            return authenticated;
        }
    }
}
