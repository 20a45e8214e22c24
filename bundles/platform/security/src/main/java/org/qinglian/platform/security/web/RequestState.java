package org.qinglian.platform.security.web;

import java.util.Optional;

import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;

/**
 * What the authentication filter learned about the current HTTP request, bound to its thread
 * for the request's duration: the caller (if any), their scope, the client address, and how
 * they authenticated.
 */
final class RequestState {

    private static final ThreadLocal<RequestState> CURRENT = new ThreadLocal<>();

    final Caller caller;
    final Scope scope;
    final String clientAddress;
    final boolean secure;
    /** The raw session id when the caller came with a session cookie. */
    final String sessionId;
    final String csrfToken;

    RequestState(Caller caller, Scope scope, String clientAddress, boolean secure, String sessionId, String csrfToken) {
        this.caller = caller;
        this.scope = scope;
        this.clientAddress = clientAddress;
        this.secure = secure;
        this.sessionId = sessionId;
        this.csrfToken = csrfToken;
    }

    static Optional<RequestState> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void bind(RequestState state) {
        CURRENT.set(state);
    }

    static void clear() {
        CURRENT.remove();
    }
}
