package org.qinglian.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the portal's REST and SOAP endpoints, as an integrator calls them. */
public final class Http {

    public static final String BASE = "http://localhost:8181";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String language;
    private String sessionCookie;
    private String csrfToken;
    private String bearer;
    private String forwardedFor;

    /** A client whose requests carry {@code Accept-Language}; null sends none. */
    public static Http speaking(String language) {
        Http h = new Http();
        h.language = language;
        return h;
    }

    /** A copy of this client that sends the session cookie and CSRF token of a login. */
    public Http withSession(String cookie, String csrf) {
        Http h = copy();
        h.sessionCookie = cookie;
        h.csrfToken = csrf;
        return h;
    }

    /** A copy of this client that carries another client's session (its cookie and CSRF token). */
    public Http withSession(Http other) {
        return withSession(other.sessionCookie, other.csrfToken);
    }

    /** A copy of this client that sends the session cookie but no CSRF token. */
    public Http withoutCsrf() {
        Http h = copy();
        h.csrfToken = null;
        return h;
    }

    /** A copy of this client that authenticates with an API token. */
    public Http withBearer(String token) {
        Http h = copy();
        h.bearer = token;
        h.sessionCookie = null;
        h.csrfToken = null;
        return h;
    }

    /** A copy of this client whose requests claim to be forwarded for an address. */
    public Http forwardedFor(String address) {
        Http h = copy();
        h.forwardedFor = address;
        return h;
    }

    private Http copy() {
        Http h = new Http();
        h.language = language;
        h.sessionCookie = sessionCookie;
        h.csrfToken = csrfToken;
        h.bearer = bearer;
        h.forwardedFor = forwardedFor;
        return h;
    }

    /** Logs in; answers a client carrying the new session, or fails with the answer. */
    public Http login(String username, String password) {
        Reply r = post("/api/v1/auth/login", "{\"username\":" + JSON.valueToTree(username) + ",\"password\":"
                + JSON.valueToTree(password) + "}");
        if (r.status != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        String cookie = r.header("Set-Cookie").orElseThrow();
        return withSession(cookie.substring(0, cookie.indexOf(';')), r.json().get("csrfToken").asText());
    }

    /** Logs in, changing the password first if the account must. */
    public Http loginChanging(String username, String initialPassword, String newPassword) {
        Reply first = post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":"
                + JSON.valueToTree(initialPassword) + "}");
        if (first.status == 200 && first.json().get("mustChangePassword").asBoolean()) {
            Http forced = login(username, initialPassword);
            Reply changed = forced.post("/api/v1/auth/password", "{\"oldPassword\":" + JSON.valueToTree(initialPassword)
                    + ",\"newPassword\":" + JSON.valueToTree(newPassword) + "}");
            if (changed.status != 204) {
                throw new AssertionError("password change failed: " + changed);
            }
        }
        return login(username, newPassword);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return post(path, json, "application/json");
    }

    /** Posts raw bytes as {@code application/octet-stream}, e.g. a KAR pack. */
    public Reply post(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download: the status and the body's bytes (an export, an attachment). */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a download with its status and type. */
    public record Download(int status, byte[] body, String contentType) {
    }

    /** The session cookie ({@code name=value}), for clients of one's own. */
    public String cookie() {
        return sessionCookie;
    }

    public Reply post(String path, String body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts with an {@code If-Match} version, as transitions of a versioned record need. */
    public Reply post(String path, String body, String contentType, String ifMatch) {
        return send(request(path).header("Content-Type", contentType).header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, String json, String ifMatch) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    public Reply delete(String path, String ifMatch) {
        HttpRequest.Builder b = request(path).DELETE();
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    public Reply soap(String path, String body) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:u=\"http://qinglian.org/platform/unit/v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
        return send(request(path).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (sessionCookie != null) {
            b.header("Cookie", sessionCookie);
        }
        if (csrfToken != null) {
            b.header("X-CSRF-Token", csrfToken);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            return new Reply(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers, body, and the body as JSON when it is JSON. */
    public static final class Reply {
        public final int status;
        public final String body;
        private final HttpResponse<String> response;

        Reply(HttpResponse<String> response) {
            this.response = response;
            this.status = response.statusCode();
            this.body = response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
