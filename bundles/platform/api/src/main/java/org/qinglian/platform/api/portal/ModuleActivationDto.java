package org.qinglian.platform.api.portal;

import java.util.UUID;

/**
 * A module's activation for one unit.
 *
 * @param moduleId the module
 * @param unitId the unit
 * @param active whether the module is active for the unit
 * @param explicit whether the unit has its own setting (false: inherited)
 * @param inheritedFrom the ancestor whose setting applies, or null (own setting or the default)
 */
public record ModuleActivationDto(String moduleId, UUID unitId, boolean active, boolean explicit, UUID inheritedFrom) {
}
