package org.qinglian.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.api.security.UserService;

/**
 * Users linked to people of the roster, as the security bundle answers {@link #byPerson} for the
 * jobs that tell people things (to-dos, notices). Nothing else of the user service is needed by
 * the modules' unit tests; the real one is tested by the security bundle.
 */
public final class PeopleUsers implements UserService {

    private final Map<UUID, List<UserDto>> users = new ConcurrentHashMap<>();

    /** Links a new user to the person; answers the user's id. */
    public UUID link(UUID personId) {
        UserDto u = new UserDto();
        u.setId(UUID.randomUUID());
        users.merge(personId, List.of(u), (a, b) -> {
            List<UserDto> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        });
        return u.getId();
    }

    @Override
    public List<UserDto> byPerson(UUID personId) {
        return users.getOrDefault(personId, List.of());
    }

    @Override
    public Page<UserDto> list(UUID unitId, String text, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto get(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto create(UserDto user) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto update(UUID id, long expectedVersion, UserDto user) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto setDisabled(UUID id, boolean disabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto unlock(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resetPassword(UUID id, String password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserDto byUsername(String username) {
        throw new UnsupportedOperationException();
    }
}
