package org.qinglian.itests;

import static org.junit.Assert.assertEquals;

import java.util.HashMap;
import java.util.Map;

/** Units and users a suite creates through the REST API as the admin, by short keys. */
final class Organisation {

    private final Http admin;
    private final Map<String, String> units = new HashMap<>();

    Organisation(Http admin) {
        this.admin = admin;
    }

    /** Creates a discipline commission under a parent (by key, or null for a top unit). */
    String unit(String key, String name, String level, String parent) {
        Http.Reply r = admin.post("/api/v1/units", "{\"name\":\"" + name + "\",\"kind\":\"COMMISSION\",\"level\":\""
                + level + "\"" + (parent == null ? "" : ",\"parentId\":\"" + units.get(parent) + "\"") + "}");
        assertEquals(r.toString(), 201, r.status);
        units.put(key, r.json().get("id").asText());
        return units.get(key);
    }

    String id(String key) {
        return units.get(key);
    }

    /**
     * Creates a user of a unit with one role and an initial password, signs them in once to set
     * their own password, and answers their session.
     */
    Http user(String username, String unit, String role, String password) {
        Http.Reply r = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"unitId\":\"" + units.get(unit)
                + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + password + "-initial\"}");
        assertEquals(r.toString(), 201, r.status);
        return Http.speaking(null).loginChanging(username, password + "-initial", password);
    }
}
