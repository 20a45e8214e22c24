package org.qinglian.platform.modules;

import java.util.ArrayList;
import java.util.List;

import org.qinglian.platform.api.portal.FeaturePreviewDto;
import org.qinglian.platform.api.portal.ModuleInstaller.Action;

/**
 * Reads the deployment Karaf's features service prints for a dry run:
 * <pre>
 * Changes to perform:
 *   Region: root
 *     Bundles to uninstall: / Bundles to update: / Bundles to install:
 *       mvn:…
 *   Bundles to refresh:
 *     name/version (reason)
 * </pre>
 */
final class Deployment {

    private Deployment() {
    }

    static FeaturePreviewDto parse(String feature, Action action, List<String> lines) {
        List<String> install = new ArrayList<>();
        List<String> update = new ArrayList<>();
        List<String> uninstall = new ArrayList<>();
        List<String> refresh = new ArrayList<>();
        List<String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.endsWith(":")) {
                current = switch (line) {
                    case "Bundles to install:" -> install;
                    case "Bundles to update:" -> update;
                    case "Bundles to uninstall:" -> uninstall;
                    case "Bundles to refresh:" -> refresh;
                    default -> null;
                };
            } else if (current != null && raw.startsWith("    ")) {
                current.add(line);
            } else {
                current = null;
            }
        }
        return new FeaturePreviewDto(feature, action, install, update, uninstall, refresh);
    }
}
