package org.qinglian.platform.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether the current caller holds a declared permission. The REST and SOAP runtimes
 * ask it for every operation that declares {@link RequiresPermission}; the security bundle
 * provides the real policy.
 */
@ProviderType
public interface AccessPolicy {

    /**
     * @param permission the declared permission, {@code <module>:<action>}
     * @return whether the current caller may perform the operation
     */
    boolean permits(String permission);
}
