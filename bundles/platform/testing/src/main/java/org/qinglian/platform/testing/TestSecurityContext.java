package org.qinglian.platform.testing;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.security.SensitiveReach;

/**
 * A security context whose caller, scope and client address (null for none) a unit test sets, standing in for the request
 * filter's. Starts as the console does: no caller, unrestricted scope. The real one is tested
 * by the security bundle's tests and the integration tests.
 */
public final class TestSecurityContext implements SecurityContext {

    // volatile: the services under test may read the context on threads of their own
    private volatile Caller caller;
    private volatile Scope scope = Scope.UNRESTRICTED;
    private volatile String clientAddress = "127.0.0.1";
    private volatile Set<UUID> leaderOf = Set.of();

    public TestSecurityContext as(Caller value, Scope valueScope) {
        this.caller = value;
        this.scope = valueScope;
        this.leaderOf = Set.of();
        return this;
    }

    /**
     * The units whose sensitive records the caller reads as a leader (the real context derives
     * them from the leader role and the supervision tree); none until set, and reset by {@link #as}.
     */
    public TestSecurityContext leaderOf(Set<UUID> units) {
        this.leaderOf = Set.copyOf(units);
        return this;
    }

    /** Back to the console: no caller, unrestricted scope. */
    public TestSecurityContext system() {
        return as(null, Scope.UNRESTRICTED);
    }

    /** Another caller (or none), keeping the scope. */
    public TestSecurityContext caller(Caller value) {
        this.caller = value;
        return this;
    }

    public TestSecurityContext scope(Scope value) {
        this.scope = value;
        return this;
    }

    public TestSecurityContext clientAddress(String value) {
        this.clientAddress = value;
        return this;
    }

    @Override
    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    @Override
    public boolean mayReadSensitive(UUID owningUnit, Collection<UUID> handlers) {
        return scope.includes(owningUnit) && sensitiveReach().reaches(owningUnit, handlers);
    }

    @Override
    public SensitiveReach sensitiveReach() {
        Caller c = caller;
        if (c == null) {
            return SensitiveReach.EVERYTHING;
        }
        return c.isViaToken() ? SensitiveReach.NONE : new SensitiveReach(false, leaderOf, c.getPersonId());
    }
}
