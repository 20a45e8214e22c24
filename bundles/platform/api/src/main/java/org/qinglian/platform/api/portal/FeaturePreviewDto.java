package org.qinglian.platform.api.portal;

import java.util.List;

/**
 * What an action on a feature would do, from a dry run of the features service.
 *
 * @param feature the feature
 * @param action the action
 * @param install the bundle locations that would be installed
 * @param update the bundles that would be updated
 * @param uninstall the bundles that would be removed
 * @param refresh the bundles that would be refreshed (none: installs never refresh)
 */
public record FeaturePreviewDto(String feature, ModuleInstaller.Action action, List<String> install,
        List<String> update, List<String> uninstall, List<String> refresh) {
}
