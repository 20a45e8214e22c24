package org.qinglian.platform.api.security;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Roles: the built-in ones and those units define. */
@ProviderType
public interface RoleService {

    /** Built-in roles and custom roles of units in the caller's scope. */
    List<RoleDto> list();

    RoleDto get(UUID id);

    /** A custom role of the caller's unit; only permissions the caller holds, a scope no wider than theirs. */
    RoleDto create(RoleDto role);

    RoleDto update(UUID id, long expectedVersion, RoleDto role);

    void delete(UUID id, long expectedVersion);
}
