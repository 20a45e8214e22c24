package org.qinglian.platform.api.portal;

import java.util.List;

/**
 * A module feature of the bundled repositories.
 *
 * @param name the feature's name, e.g. {@code qinglian-talks}
 * @param version the newest version the repositories offer
 * @param installedVersion the installed version, or null
 * @param description what the module is for, in the caller's language
 * @param state {@code INSTALLED}, {@code NOT_INSTALLED} or {@code BUSY} (a job is running for it)
 * @param needs the features it depends on
 * @param bundles how many bundles it brings
 * @param desired whether the desired feature set wants it installed (true), uninstalled (false) or does not name it (null)
 */
public record ModuleFeatureDto(String name, String version, String installedVersion, String description, String state,
        List<String> needs, int bundles, Boolean desired) {
}
