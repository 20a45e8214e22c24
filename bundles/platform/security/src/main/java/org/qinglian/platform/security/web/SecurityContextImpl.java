package org.qinglian.platform.security.web;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.security.AccessPolicy;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.security.account.Permissions;

/**
 * The security context of the current request, as the authentication filter established it.
 * Outside an HTTP request (console, jobs) there is no caller and the scope is unrestricted.
 */
@Component(service = {SecurityContext.class, AccessPolicy.class})
public class SecurityContextImpl implements SecurityContext, AccessPolicy {

    /** The role whose holders may read sensitive records of their unit and the units it supervises. */
    static final String LEADER_ROLE = "leader";

    // optional: the unit service itself needs this context (scope) and the audit log, which needs it too
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UnitService units;

    @Reference
    private PlatformClock clock;

    public SecurityContextImpl() {
    }

    /** For tests: a context over a given unit tree and clock. */
    public SecurityContextImpl(UnitService units, PlatformClock clock) {
        this.units = units;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> caller() {
        return RequestState.current().map(s -> s.caller);
    }

    @Override
    public Scope scope() {
        return RequestState.current().map(s -> s.scope).orElse(Scope.UNRESTRICTED);
    }

    @Override
    public Optional<String> clientAddress() {
        return RequestState.current().map(s -> s.clientAddress);
    }

    @Override
    public boolean permits(String permission) {
        return caller().map(c -> Permissions.implies(c.getPermissions(), permission)).orElse(false);
    }

    @Override
    public boolean mayReadSensitive(UUID owningUnit, Collection<UUID> handlers) {
        Optional<Caller> found = caller();
        if (found.isEmpty()) {
            return RequestState.current().isEmpty();
        }
        Caller c = found.get();
        if (c.isViaToken() || !scope().includes(owningUnit)) {
            return false;
        }
        if (c.getPersonId() != null && handlers.contains(c.getPersonId())) {
            return true;
        }
        UnitService tree = units;
        return c.getRoles().contains(LEADER_ROLE) && c.getUnitId() != null && tree != null
                && tree.supervisedClosure(c.getUnitId(), clock.today()).contains(owningUnit);
    }
}
