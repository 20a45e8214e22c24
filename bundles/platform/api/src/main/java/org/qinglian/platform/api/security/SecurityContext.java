package org.qinglian.platform.api.security;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The caller of the current request and what they may see. Outside a request (console
 * commands, scheduled jobs) there is no caller and the scope is unrestricted; inside an
 * HTTP or SOAP request without valid credentials the scope is {@link Scope#NONE}.
 */
@ProviderType
public interface SecurityContext {

    /** The authenticated caller of the current request, if any. */
    Optional<Caller> caller();

    /** The data scope of the current request, computed once per request. */
    Scope scope();

    /** The client address of the current request (forwarded addresses only from trusted proxies). */
    Optional<String> clientAddress();

    /**
     * Need-to-know for a sensitive record: in scope, and the caller is one of its named handlers
     * or a leader of the owning unit or of a unit supervising it. A token never satisfies it.
     * Narrows scope, never widens it.
     *
     * @param owningUnit the record's owning unit
     * @param handlers the people of the roster named as the record's handlers
     */
    boolean mayReadSensitive(UUID owningUnit, Collection<UUID> handlers);

    /**
     * Need-to-know as a condition for lists: the units whose sensitive records the caller reads as
     * a leader and the person matched against handlers. Agrees with {@link #mayReadSensitive}:
     * a record in scope is readable exactly when {@link SensitiveReach#reaches} says so.
     */
    SensitiveReach sensitiveReach();
}
