package org.qinglian.platform.security.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.security.account.CallerProfile;

/**
 * The callers' profiles (roles, permissions, unit) and data scopes, kept for a few seconds so that
 * a request does not read the user, the roles and the whole organisation again. Emptied on this
 * node whenever users, roles, module grants or the organisation change; other nodes follow
 * within {@link #TTL_NANOS}. Sessions themselves are checked on every request (revocation and
 * disabling take effect at once).
 */
@Component(service = {ProfileCache.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + Topics.PLATFORM_ORGANISATION_CHANGED)
public class ProfileCache implements EventHandler {

    /** How long an entry serves: five seconds. */
    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    /** A profile with the scope computed from it. */
    public record Entry(CallerProfile profile, Scope scope, long at) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    /** The caller's entry, computed when missing or older than the TTL. */
    public Entry get(UUID userId, Supplier<Entry> compute) {
        long now = System.nanoTime();
        Entry e = entries.get(userId);
        if (e == null || now - e.at() > TTL_NANOS) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            e = compute.get();
            entries.put(userId, e);
        }
        return e;
    }

    /** Forgets everything: users, roles, grants or the organisation changed. */
    public void invalidateAll() {
        entries.clear();
    }

    @Override
    public void handleEvent(Event event) {
        invalidateAll();
    }
}
