package org.qinglian.platform.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.security.account.AccountService;
import org.qinglian.platform.security.account.CallerProfile;
import org.qinglian.platform.security.account.Permissions;
import org.qinglian.platform.security.account.SessionInfo;
import org.qinglian.platform.security.account.TokenInfo;

/**
 * The platform's one request filter. On every answer it sets the security headers (CSP without
 * inline scripts or eval, nosniff, no framing). On {@code /api/*} and {@code /services/*} it
 * authenticates the caller from the session cookie or an {@code Authorization: Bearer} API
 * token, computes their data scope once, refuses state-changing session requests without the
 * CSRF token and, while a password change is forced, everything but {@code /api/v1/auth/*};
 * then binds the result to the request's thread for {@link SecurityContextImpl}. Whether an
 * operation needs a caller, and which permission, is decided later by the REST and SOAP
 * runtimes from what the operation declares.
 */
@Component(service = Filter.class, configurationPid = "org.qinglian.platform.security", property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN + "=/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME + "=qinglian-security" })
public class AuthenticationFilter implements Filter {

    /** The session cookie. */
    static final String COOKIE = "QINGLIAN_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String AUTH_PATHS = "/api/v1/auth/";
    static final String LOGIN_PATH = AUTH_PATHS + "login";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ObjectClassDefinition(name = "Qinglian security: request filter")
    public @interface Config {
        @AttributeDefinition(description = "Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are trusted")
        String[] trustedProxies() default {};
    }

    @Reference
    private AccountService accounts;

    @Reference
    private UnitService units;

    @Reference
    private PlatformClock clock;

    @Reference
    private Messages messages;

    @Reference
    private ProfileCache profiles;

    private volatile Set<String> trustedProxies = Set.of();

    @Activate
    @Modified
    void configure(Config config) {
        Set<String> proxies = new HashSet<>();
        for (String value : config.trustedProxies()) {
            for (String address : value.split(",")) {
                if (!address.isBlank()) {
                    proxies.add(address.trim());
                }
            }
        }
        trustedProxies = proxies;
    }

    @Override
    public void init(FilterConfig filterConfig) {
        // configured through Declarative Services
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        securityHeaders(response);
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") && !path.startsWith("/services/")) {
            chain.doFilter(req, res);
            return;
        }
        boolean fromProxy = trustedProxies.contains(request.getRemoteAddr());
        String address = clientAddress(request, fromProxy);
        boolean secure = request.isSecure() || fromProxy && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));

        Caller caller = null;
        Scope scope = Scope.NONE;
        String sessionId = null;
        String csrf = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<TokenInfo> token = accounts.token(authorization.substring(7).trim());
            if (token.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer");
                ProblemJson.send(request, response, messages, 401, "unauthenticated", "problem.invalidToken");
                return;
            }
            ProfileCache.Entry entry = cached(token.get().getUserId());
            CallerProfile profile = entry.profile();
            Set<String> granted = new HashSet<>();
            for (String p : token.get().getPermissions()) {
                if (Permissions.implies(profile.getPermissions(), p)) {
                    granted.add(p);
                }
            }
            caller = caller(profile, granted, true);
            scope = entry.scope();
        } else {
            String cookie = cookie(request);
            Optional<SessionInfo> session = cookie == null ? Optional.empty() : accounts.session(cookie, address);
            if (session.isPresent()) {
                ProfileCache.Entry entry = cached(session.get().getUserId());
                CallerProfile profile = entry.profile();
                caller = caller(profile, profile.getPermissions(), false);
                scope = entry.scope();
                sessionId = cookie;
                csrf = session.get().getCsrfToken();
                if (!SAFE_METHODS.contains(request.getMethod()) && !LOGIN_PATH.equals(path)
                        && !sameToken(csrf, request.getHeader(CSRF_HEADER))) {
                    ProblemJson.send(request, response, messages, 403, "forbidden", "problem.csrf");
                    return;
                }
                if (session.get().isMustChangePassword() && !path.startsWith(AUTH_PATHS)) {
                    ProblemJson.send(request, response, messages, 403, "forbidden", "problem.passwordChangeRequired");
                    return;
                }
            }
        }
        RequestState.bind(new RequestState(caller, scope, address, secure, sessionId, csrf));
        try {
            chain.doFilter(req, res);
        } finally {
            RequestState.clear();
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** The client's address: the peer's, or from a trusted proxy the nearest untrusted forwarded one. */
    String clientAddress(HttpServletRequest request, boolean fromProxy) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!fromProxy || forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.asList(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }

    private Caller caller(CallerProfile profile, Set<String> permissions, boolean viaToken) {
        return new Caller(profile.getUserId(), profile.getUsername(), profile.getUnitId(), profile.getPersonId(),
                profile.getRoles(), permissions, viaToken);
    }

    /** The caller's profile and scope, from the cache or read now. */
    private ProfileCache.Entry cached(UUID userId) {
        return profiles.get(userId, () -> {
            CallerProfile profile = accounts.profile(userId);
            return new ProfileCache.Entry(profile, scope(profile), System.nanoTime());
        });
    }

    /** The caller's data scope, from the widest scope of their roles. */
    private Scope scope(CallerProfile profile) {
        UUID unit = profile.getUnitId();
        switch (profile.getScope()) {
            case ALL:
                return Scope.UNRESTRICTED;
            case SUPERVISED:
                return unit == null ? Scope.NONE : Scope.of(units.supervisedClosure(unit, clock.today()));
            default:
                return unit == null ? Scope.NONE : Scope.of(Set.of(unit));
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static boolean sameToken(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
