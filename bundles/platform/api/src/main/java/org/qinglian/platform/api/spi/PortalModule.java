package org.qinglian.platform.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A supervision module, as the portal shows it. Each module's {@code web} bundle registers one as
 * a DS service; the platform tracks them, lists them as installed, grants their permissions'
 * defaults to the built-in roles, builds each user's menu from the modules active for the user's
 * unit, and refuses the module's REST and SOAP endpoints to users whose unit has it switched off.
 */
@ConsumerType
public interface PortalModule {

    /** The module id, lower case: the first part of its permissions and its REST path, e.g. {@code talks}. */
    String id();

    /** The module's name in the menu and the module list. */
    LocalizedText name();

    /** One sentence on what the module is for. */
    LocalizedText description();

    /** A Bootstrap Icons name, e.g. {@code chat-square-text}. */
    String icon();

    /** Position in the menu: lower comes first. */
    int order();

    /** The module's menu entries; a user sees those whose permission they hold. */
    List<NavigationEntry> navigation();

    /** Every permission the module defines, with its default grants. */
    List<PermissionDefinition> permissions();

    /**
     * Where the module's UI entry script (an ES module) is served, e.g.
     * {@code /modules/talks/index.js}. The portal imports it when the module is active for the
     * user, after the platform's import map, so it shares the portal's library instances. Its
     * default export is a function {@code (route, container, portal)} that renders a route.
     */
    String entryScript();
}
