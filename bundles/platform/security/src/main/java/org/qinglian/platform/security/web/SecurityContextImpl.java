package org.qinglian.platform.security.web;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.qinglian.platform.api.security.SensitiveReach;
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
        return scope().includes(owningUnit) && sensitiveReach().reaches(owningUnit, handlers);
    }

    @Override
    public SensitiveReach sensitiveReach() {
        Optional<Caller> found = caller();
        if (found.isEmpty()) {
            return RequestState.current().isEmpty() ? SensitiveReach.EVERYTHING : SensitiveReach.NONE;
        }
        Caller c = found.get();
        if (c.isViaToken()) {
            return SensitiveReach.NONE;
        }
        Set<UUID> led = Set.of();
        UnitService tree = units;
        if (c.getRoles().contains(LEADER_ROLE) && c.getUnitId() != null && tree != null) {
            Scope scope = scope();
            led = tree.supervisedClosure(c.getUnitId(), clock.today()).stream().filter(scope::includes)
                    .collect(Collectors.toSet());
        }
        return new SensitiveReach(false, led, c.getPersonId());
    }
}
