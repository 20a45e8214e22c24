package org.qinglian.itests.testmodule;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;

/** The test module as the portal sees it; also serves its entry script at /modules/testmod/. */
@Component(service = PortalModule.class)
@HttpWhiteboardResource(pattern = "/modules/testmod/*", prefix = "/web")
public class TestModule implements PortalModule {

    static final String ID = "testmod";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return new LocalizedText("测试模块", "Test module");
    }

    @Override
    public LocalizedText description() {
        return new LocalizedText("仅用于集成测试的功能模块。", "A module for the integration tests only.");
    }

    @Override
    public String icon() {
        return "clipboard-check";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("testmod/items", new LocalizedText("测试事项", "Test items"), "list-check",
                "testmod:read"));
    }

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition("testmod:read", new LocalizedText("查看测试事项", "Read test items"),
                        Set.of("supervisor", "unit-admin", "leader")),
                new PermissionDefinition("testmod:write", new LocalizedText("编辑测试事项", "Edit test items"),
                        Set.of("supervisor")));
    }

    @Override
    public String entryScript() {
        return "/modules/testmod/index.js";
    }
}
