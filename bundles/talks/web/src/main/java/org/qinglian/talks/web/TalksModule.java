package org.qinglian.talks.web;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.api.spi.ModuleTexts;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;
import org.qinglian.talks.api.TalkService;

/** Talks as the portal sees them; also serves their UI files at {@code /modules/talks/}. */
@Component(service = PortalModule.class)
@HttpWhiteboardResource(pattern = "/modules/talks/*", prefix = "/web")
public class TalksModule implements PortalModule {

    private static final ModuleTexts TEXTS = ModuleTexts.of(TalksModule.class);

    static final String READ = "talks:read";
    static final String WRITE = "talks:write";
    static final String EXPORT = "talks:export";

    @Override
    public String id() {
        return TalkService.MODULE;
    }

    @Override
    public LocalizedText name() {
        return TEXTS.get("talks.module.name");
    }

    @Override
    public LocalizedText description() {
        return TEXTS.get("talks.module.description");
    }

    @Override
    public String icon() {
        return "chat-square-text";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("talks/register", TEXTS.get("talks.nav.register"), "journal-text", READ),
                new NavigationEntry("talks/plan", TEXTS.get("talks.nav.plan"), "calendar3", READ),
                new NavigationEntry("talks/coverage", TEXTS.get("talks.nav.coverage"), "pie-chart", READ));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(READ, TEXTS.get("talks.permission.read"),
                        Set.of("supervisor", "leader", "integrator")),
                new PermissionDefinition(WRITE, TEXTS.get("talks.permission.write"), Set.of("supervisor", "integrator")),
                new PermissionDefinition(EXPORT, TEXTS.get("talks.permission.export"), Set.of("supervisor", "leader")));
    }

    @Override
    public String entryScript() {
        return "/modules/talks/index.js";
    }
}
