package org.qinglian.platform.api.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;

/**
 * User accounts, scoped like every record (a user is owned by their unit). An admin grants only
 * roles whose permissions they hold, to users of units in their scope; every change is audited.
 */
@ProviderType
public interface UserService {

    Set<String> SORTABLE = Set.of("username", "displayName", "lastLoginAt");

    Page<UserDto> list(UUID unitId, String text, PageRequest page);

    UserDto get(UUID id);

    /** Creates a user with an initial password they must change at first login. */
    UserDto create(UserDto user);

    /** Changes display name, unit, person and roles. */
    UserDto update(UUID id, long expectedVersion, UserDto user);

    /** Disables the account and ends its sessions, or enables it again. */
    UserDto setDisabled(UUID id, boolean disabled);

    /** Lifts every lock of the account (audited). */
    UserDto unlock(UUID id);

    /** Sets a new password chosen by an admin; the user must change it at next login. */
    void resetPassword(UUID id, String password);

    /** The user with this user name, for console use (unscoped outside requests). */
    UserDto byUsername(String username);

    /** The enabled users linked to a person of the roster, unscoped (for notifications), possibly none. */
    List<UserDto> byPerson(UUID personId);
}
