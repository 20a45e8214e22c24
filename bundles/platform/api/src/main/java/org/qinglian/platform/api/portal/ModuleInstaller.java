package org.qinglian.platform.api.portal;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installing modules on a live system: the module features of the distribution's bundled
 * repositories (never an arbitrary URL), a dry run of what a change would do, and the change
 * itself as an asynchronous job with progress. Installs never refresh unrelated bundles. Each
 * act is audited and recorded in the desired feature set, which every node applies at start.
 * Callers must hold {@code platform:modules-install}; the console and jobs run as the system.
 */
@ProviderType
public interface ModuleInstaller {

    /** What a job does to a feature. */
    enum Action {
        INSTALL, UNINSTALL, UPGRADE
    }

    /** The module features of the bundled repositories, with their state, in the caller's language. */
    List<ModuleFeatureDto> features(Locale locale);

    /** A dry run: the bundles the action would add, update, remove or refresh. 404 for an unknown feature. */
    FeaturePreviewDto preview(String feature, Action action);

    /**
     * Starts the action as a job and answers it at once; 409 if the feature is busy or the action
     * makes no sense in its state (installing an installed feature), 404 for an unknown feature.
     */
    InstallJobDto submit(String feature, Action action);

    /** A job of this node, while the node runs. */
    Optional<InstallJobDto> job(UUID id);

    /** The jobs of this node since it started, newest first. */
    List<InstallJobDto> jobs();

    /**
     * Installs a KAR pack after checking its SHA-256 against the checksum list published with the
     * distribution; a pack not on the list is refused (422) and nothing is installed.
     */
    InstallJobDto submitKar(String fileName, InputStream content);
}
