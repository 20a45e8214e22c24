package org.qinglian.platform.security.web;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.Validator;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.Authenticated;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.PublicAccess;
import org.qinglian.platform.security.account.AccountService;
import org.qinglian.platform.security.account.LoginResult;

/**
 * Sign-in for browsers: {@code /api/v1/auth/login}, {@code session}, {@code me}, {@code password}, {@code logout}.
 * The session travels in an HttpOnly, SameSite=Strict cookie (Secure over TLS); the CSRF token
 * is answered in the body and must come back as {@code X-CSRF-Token} on every state change.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource implements RestResource {

    @Reference
    private AccountService accounts;

    @Reference
    private UnitService units;

    @POST
    @Path("login")
    @PublicAccess
    public Response login(Credentials credentials) {
        new Validator()
                .required("username", credentials == null ? null : credentials.getUsername())
                .required("password", credentials == null ? null : credentials.getPassword())
                .maxLength("username", credentials == null ? null : credentials.getUsername(), 64)
                .maxLength("password", credentials == null ? null : credentials.getPassword(), 1024)
                .throwIfInvalid();
        RequestState state = RequestState.current().orElseThrow();
        LoginResult result = accounts.login(credentials.getUsername(), credentials.getPassword(), state.clientAddress);
        if (!result.isOk()) {
            throw new ProblemException(401, "unauthenticated", "problem.loginFailed");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("csrfToken", result.getCsrfToken());
        body.put("mustChangePassword", result.isMustChangePassword());
        return Response.ok(body).header("Set-Cookie", cookie(result.getSessionId(), state.secure, false)).build();
    }

    /**
     * Whether the request comes with a live session, always 200: lets the portal decide between
     * its login page and its layout without provoking a 401.
     */
    @GET
    @Path("session")
    @PublicAccess
    public Map<String, Object> session() {
        RequestState state = RequestState.current().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedIn", state.caller != null);
        body.put("mustChangePassword", state.sessionId != null && accounts.session(state.sessionId, state.clientAddress)
                .map(s -> s.isMustChangePassword()).orElse(false));
        return body;
    }

    @GET
    @Path("me")
    @Authenticated
    public Map<String, Object> me() {
        RequestState state = RequestState.current().orElseThrow();
        Caller caller = state.caller;
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", caller.getUserId());
        user.put("username", caller.getUsername());
        user.put("personId", caller.getPersonId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        if (caller.getUnitId() != null) {
            UnitDto unit = units.get(caller.getUnitId());
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", unit.getId());
            u.put("name", unit.getName());
            u.put("kind", unit.getKind());
            u.put("level", unit.getLevel());
            body.put("unit", u);
        } else {
            body.put("unit", null);
        }
        body.put("roles", caller.getRoles());
        body.put("permissions", caller.getPermissions());
        body.put("viaToken", caller.isViaToken());
        body.put("csrfToken", state.csrfToken);
        return body;
    }

    @POST
    @Path("password")
    @Authenticated
    public Response password(PasswordChange change) {
        new Validator()
                .required("oldPassword", change == null ? null : change.getOldPassword())
                .required("newPassword", change == null ? null : change.getNewPassword())
                .throwIfInvalid();
        Caller caller = RequestState.current().orElseThrow().caller;
        accounts.changePassword(caller.getUserId(), change.getOldPassword(), change.getNewPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        RequestState state = RequestState.current().orElseThrow();
        if (state.sessionId != null) {
            accounts.logout(state.sessionId);
        }
        return Response.noContent().header("Set-Cookie", cookie("", state.secure, true)).build();
    }

    static String cookie(String value, boolean secure, boolean expire) {
        return AuthenticationFilter.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
