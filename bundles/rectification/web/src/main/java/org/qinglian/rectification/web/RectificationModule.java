package org.qinglian.rectification.web;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.api.spi.ModuleTexts;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;
import org.qinglian.rectification.api.RectificationService;

/** The ledger as the portal sees it; also serves its UI files at {@code /modules/rectification/}. */
@Component(service = PortalModule.class)
@HttpWhiteboardResource(pattern = "/modules/rectification/*", prefix = "/web")
public class RectificationModule implements PortalModule {

    private static final ModuleTexts TEXTS = ModuleTexts.of(RectificationModule.class);

    static final String READ = "rectification:read";
    static final String WRITE = "rectification:write";
    static final String REPORT = "rectification:report";
    static final String CLOSE = "rectification:close";
    static final String EXPORT = "rectification:export";
    static final String IMPORT = "rectification:import";

    @Override
    public String id() {
        return RectificationService.MODULE;
    }

    @Override
    public LocalizedText name() {
        return TEXTS.get("rectification.module.name");
    }

    @Override
    public LocalizedText description() {
        return TEXTS.get("rectification.module.description");
    }

    @Override
    public String icon() {
        return "clipboard2-check";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("rectification/ledger", TEXTS.get("rectification.nav.ledger"), "journal-check", READ),
                new NavigationEntry("rectification/inspections", TEXTS.get("rectification.nav.inspections"), "search",
                        READ),
                new NavigationEntry("rectification/statistics", TEXTS.get("rectification.nav.statistics"), "bar-chart",
                        READ));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(READ, TEXTS.get("rectification.permission.read"),
                        Set.of("supervisor", "leader", "reporter", "unit-admin", "integrator")),
                new PermissionDefinition(WRITE, TEXTS.get("rectification.permission.write"),
                        Set.of("supervisor", "integrator")),
                new PermissionDefinition(REPORT, TEXTS.get("rectification.permission.report"),
                        Set.of("supervisor", "reporter", "integrator")),
                new PermissionDefinition(CLOSE, TEXTS.get("rectification.permission.close"),
                        Set.of("supervisor", "leader")),
                new PermissionDefinition(EXPORT, TEXTS.get("rectification.permission.export"),
                        Set.of("supervisor", "leader")),
                new PermissionDefinition(IMPORT, TEXTS.get("rectification.permission.import"), Set.of("supervisor")));
    }

    @Override
    public String entryScript() {
        return "/modules/rectification/index.js";
    }
}
