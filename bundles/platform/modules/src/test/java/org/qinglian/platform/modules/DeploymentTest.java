package org.qinglian.platform.modules;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.qinglian.platform.api.portal.FeaturePreviewDto;
import org.qinglian.platform.api.portal.ModuleInstaller.Action;

/** Reading Karaf's dry-run report, and the list settings of the .cfg file. */
public class DeploymentTest {

    @Test
    public void theDryRunReportBecomesListsOfBundles() {
        List<String> lines = List.of(
                "Adding features: qinglian-testmodule/[0.1.0.SNAPSHOT,0.1.0.SNAPSHOT]",
                "Changes to perform:",
                "  Region: root",
                "    Bundles to uninstall:",
                "      old.bundle/1.0.0",
                "    Bundles to update:",
                "      mvn:org.example/updated/2.0.0",
                "    Bundles to install:",
                "      mvn:org.qinglian/org.qinglian.itests.testmodule/0.1.0-SNAPSHOT",
                "      mvn:org.example/helper/1.0.0",
                "  Bundles to refresh:",
                "    org.example.user/1.0.0 (Wired to org.example.helper/1.0.0 which is being refreshed)");
        FeaturePreviewDto p = Deployment.parse("qinglian-testmodule", Action.INSTALL, lines);
        assertEquals(List.of("mvn:org.qinglian/org.qinglian.itests.testmodule/0.1.0-SNAPSHOT",
                "mvn:org.example/helper/1.0.0"), p.install());
        assertEquals(List.of("mvn:org.example/updated/2.0.0"), p.update());
        assertEquals(List.of("old.bundle/1.0.0"), p.uninstall());
        assertEquals(1, p.refresh().size());
        assertEquals(Action.INSTALL, p.action());
    }

    @Test
    public void noChangeMeansEmptyLists() {
        FeaturePreviewDto p = Deployment.parse("f", Action.UNINSTALL, List.of("No deployment change."));
        assertEquals(List.of(), p.install());
        assertEquals(List.of(), p.uninstall());
        assertEquals(List.of(), p.refresh());
    }

    @Test
    public void aCfgListIsOneStringWithCommas() {
        assertEquals(Set.of("qinglian-platform", "qinglian-cxf"),
                ModuleInstallerImpl.listed(new String[] {"qinglian-platform, qinglian-cxf", " "}));
        assertEquals(Set.of("a", "b"), ModuleInstallerImpl.listed(new String[] {"a", "b"}));
    }

    @Test
    public void versionsCompareAsOsgiVersions() {
        assertEquals(1, Integer.signum(ModuleInstallerImpl.version("0.10.0").compareTo(ModuleInstallerImpl.version("0.9.1"))));
        assertEquals(0, ModuleInstallerImpl.version("0.1.0-SNAPSHOT").compareTo(ModuleInstallerImpl.version("0.1.0.SNAPSHOT")));
    }
}
