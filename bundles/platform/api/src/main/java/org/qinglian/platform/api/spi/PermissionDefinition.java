package org.qinglian.platform.api.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A permission a module defines, and the built-in roles that receive it when the module is first
 * installed. Administrators may take a default grant away later; the platform never grants it again.
 *
 * @param permission {@code <moduleId>:<action>}, e.g. {@code talks:read}
 * @param label what the role editor shows
 * @param defaultRoles codes of built-in roles granted the permission by default, e.g. {@code supervisor}
 */
public record PermissionDefinition(String permission, LocalizedText label, Set<String> defaultRoles) {

    public PermissionDefinition {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(label, "label");
        defaultRoles = Set.copyOf(defaultRoles);
    }
}
