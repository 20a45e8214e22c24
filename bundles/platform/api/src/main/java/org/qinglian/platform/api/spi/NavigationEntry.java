package org.qinglian.platform.api.spi;

import java.util.Objects;

/**
 * An entry of a module's menu in the portal.
 *
 * @param route the portal route the entry opens, {@code <moduleId>/<page>} (shown as
 *        {@code /#/<moduleId>/<page>}); the module's entry script renders it
 * @param label what the menu shows
 * @param icon a Bootstrap Icons name, e.g. {@code clipboard-check}
 * @param permission the permission a user needs to see the entry
 */
public record NavigationEntry(String route, LocalizedText label, String icon, String permission) {

    public NavigationEntry {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(permission, "permission");
    }
}
