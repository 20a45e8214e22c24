package org.qinglian.platform.api.portal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.spi.PortalModule;

/**
 * The installed modules ({@link PortalModule} services) and their activation per unit. A unit
 * without its own setting inherits its parent's; a module nobody switched off is active.
 */
@ProviderType
public interface ModuleService {

    /** The installed modules, in menu order. */
    List<PortalModule> installed();

    /** The installed module of an id. */
    Optional<PortalModule> module(String id);

    /**
     * Whether a module is active for a unit: the unit's own setting, else the nearest ancestor's,
     * else active. A null unit (a deployment-wide account) sees every installed module active.
     * Answers from a cache refreshed on every change and at most a few seconds old.
     */
    boolean isActive(String moduleId, UUID unitId);

    /** The activation of every installed module for a unit in the caller's scope (404 outside it). */
    List<ModuleActivationDto> activations(UUID unitId);

    /**
     * Switches a module on or off for a unit in the caller's scope, or back to inheriting
     * ({@code active == null}). Audited. 404 for an unknown module or a unit outside the scope.
     */
    ModuleActivationDto setActive(UUID unitId, String moduleId, Boolean active);
}
