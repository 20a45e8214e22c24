package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may see what, proven against the booted distribution on PostgreSQL: the scope matrix over
 * every endpoint of the OpenAPI document, lockout, grants, CSRF, API tokens, the audit chain
 * against tampering in the database, and fuzzed input on login and users.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SecurityOnPostgresIT {

    private static final String SECURITY_CFG = "etc/org.qinglian.platform.security.cfg";
    private static final String PASSWORD = "Matrix-User-Pw-2026";

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(OptionUtils.combine(Exam.options(), Exam.postgres()),
                // the tests stand in for clients behind a reverse proxy on this machine
                editConfigurationFilePut(SECURITY_CFG, "trustedProxies", "127.0.0.1"));
    }

    private static Http anonymous = Http.speaking(null);
    private static Http admin;
    private static final Map<String, String> UNITS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> SCOPE_OF = new LinkedHashMap<>();
    private static final Map<String, Http> USERS = new LinkedHashMap<>();
    private static final Map<String, String> USER_IDS = new HashMap<>();
    private static final Map<String, String> PERSON_OF_UNIT = new HashMap<>();
    private static final Map<String, String> EDGES = new HashMap<>();

    @BeforeClass
    public static void organisation() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> anonymous.get("/api/v1/health").status == 200
                        && anonymous.post("/api/v1/auth/login", "{}").status == 400
                        && PlatformContract.adminCanSignIn());
        admin = anonymous.loginChanging("admin", PlatformContract.INITIAL_ADMIN_PASSWORD, PlatformContract.ADMIN_PASSWORD);
        unit("C", "市纪委监委", "COMMISSION", "CITY", null);
        unit("D1", "东区纪委监委", "COMMISSION", "DISTRICT", "C");
        unit("D2", "西区纪委监委", "COMMISSION", "DISTRICT", "C");
        unit("T11", "东一街道纪工委", "COMMISSION", "TOWNSHIP", "D1");
        unit("T12", "东二街道纪工委", "COMMISSION", "TOWNSHIP", "D1");
        unit("T21", "西一街道纪工委", "COMMISSION", "TOWNSHIP", "D2");
        unit("T22", "西二街道纪工委", "COMMISSION", "TOWNSHIP", "D2");
        unit("G", "派驻第一纪检监察组", "DISPATCHED_GROUP", "CITY", "C");
        unit("P", "市教育局", "SUPERVISED_BODY", "CITY", "C");
        Http.Reply edge = admin.post("/api/v1/supervisions", "{\"supervisorId\":\"" + UNITS.get("G")
                + "\",\"supervisedId\":\"" + UNITS.get("P") + "\",\"validFrom\":\"2020-01-01\"}");
        assertEquals(edge.toString(), 201, edge.status);
        EDGES.put("G", edge.json().get("id").asText());
        for (String u : UNITS.keySet()) {
            Http.Reply p = admin.post("/api/v1/people", "{\"name\":\"" + u + "的干部\",\"unitId\":\"" + UNITS.get(u) + "\"}");
            assertEquals(p.toString(), 201, p.status);
            PERSON_OF_UNIT.put(u, p.json().get("id").asText());
        }
        SCOPE_OF.put("C", Set.of("C", "D1", "D2", "T11", "T12", "T21", "T22", "G", "P"));
        SCOPE_OF.put("D1", Set.of("D1", "T11", "T12"));
        SCOPE_OF.put("T11", Set.of("T11"));
        SCOPE_OF.put("G", Set.of("G", "P"));
        for (String u : SCOPE_OF.keySet()) {
            String name = "admin-" + u.toLowerCase();
            Http.Reply created = admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + u
                    + "单位管理员\",\"unitId\":\"" + UNITS.get(u) + "\",\"roles\":[\"unit-admin\"],\"password\":\"" + PASSWORD + "\"}");
            assertEquals(created.toString(), 201, created.status);
            USER_IDS.put(u, created.json().get("id").asText());
            USERS.put(u, anonymous.loginChanging(name, PASSWORD, PASSWORD + "!"));
        }
    }

    private static void unit(String key, String name, String kind, String level, String parent) {
        Http.Reply r = admin.post("/api/v1/units", "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"level\":\""
                + level + "\"" + (parent == null ? "" : ",\"parentId\":\"" + UNITS.get(parent) + "\"") + "}");
        assertEquals(r.toString(), 201, r.status);
        UNITS.put(key, r.json().get("id").asText());
    }

    private static Set<String> keys(Set<String> unitIds) {
        Set<String> keys = new TreeSet<>();
        UNITS.forEach((k, id) -> {
            if (unitIds.contains(id)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** How each list endpoint tells the owning unit of the records it answers. */
    private static final Map<String, Function<JsonNode, List<String>>> LISTS = Map.of(
            "/api/v1/units", page -> field(page.get("items"), "id"),
            "/api/v1/units/tree", SecurityOnPostgresIT::treeIds,
            "/api/v1/people", page -> field(page.get("items"), "unitId"),
            "/api/v1/users", page -> field(page.get("items"), "unitId"),
            "/api/v1/audit", page -> field(page.get("items"), "actorUnitId"));

    /** Endpoints that answer no unit-owned records, and why. Anything else must be in the matrix. */
    private static final Map<String, String> UNSCOPED = Map.ofEntries(
            Map.entry("/api/v1/attachments", "a module's file, after the owning module's access check:"
                    + " RectificationOnPostgresIT downloads one as a sibling unit"),
            Map.entry("/api/v1/calendar", "the deployment's working-day calendar, no unit records"),
            Map.entry("/api/v1/jobs", "the deployment's scheduled jobs, no records"),
            Map.entry("/api/v1/openapi.json", "the API's description"),
            Map.entry("/api/v1/dictionaries", "deployment-wide code lists"),
            Map.entry("/api/v1/auth", "the caller's own session"),
            Map.entry("/api/v1/roles", "built-in roles and the caller's units' roles; grants are tested below"),
            Map.entry("/api/v1/tokens", "the caller's own tokens"),
            Map.entry("/api/v1/audit/verify", "the integrity of the whole chain, no entries"),
            Map.entry("/api/v1/modules", "the installed modules, no records"),
            Map.entry("/api/v1/portal", "the caller's own menu, cards, to-dos and notices: PortalOnPostgresIT"));

    private static List<String> field(JsonNode items, String name) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get(name).isNull() ? null : i.get(name).asText()));
        return ids;
    }

    private static List<String> treeIds(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> {
            ids.add(n.get("id").asText());
            ids.addAll(treeIds(n.get("children")));
        });
        return ids;
    }

    @Test
    public void a_everyEndpointOfTheOpenApiDocumentKeepsToTheCallersScope() {
        JsonNode paths = admin.get("/api/v1/openapi.json").json().get("paths");
        List<String> unclassified = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String verb = op.getKey();
                if (op.getValue().has("x-qinglian-public") || UNSCOPED.keySet().stream().anyMatch(path::startsWith)
                        && !path.startsWith("/api/v1/audit/{")) {
                    continue;
                }
                if (path.equals("/api/v1/audit/verify")) {
                    continue;
                }
                if (!path.contains("{")) {
                    if (verb.equals("get")) {
                        if (!LISTS.containsKey(path)) {
                            unclassified.add("GET " + path);
                            continue;
                        }
                        for (String user : USERS.keySet()) {
                            assertListInScope(user, path);
                            checked++;
                        }
                    }
                    continue;
                }
                String kind = path.replaceFirst("^/api/v1/([a-z]+)/.*$", "$1");
                Map<String, String> records = recordsOf(kind);
                if (records == null) {
                    unclassified.add(verb.toUpperCase() + " " + path);
                    continue;
                }
                for (String user : USERS.keySet()) {
                    for (Map.Entry<String, String> record : records.entrySet()) {
                        boolean inScope = SCOPE_OF.get(user).contains(record.getKey());
                        if (inScope && !verb.equals("get")) {
                            continue;
                        }
                        // the record's id in the first parameter; any further one (a module id) names nothing
                        String concrete = path.replaceFirst("\\{[^}]+}", record.getValue())
                                .replaceAll("\\{[^}]+}", "none");
                        Http.Reply r = call(USERS.get(user), verb, concrete, kind, user);
                        // 403: the user's roles lack the permission, so no record is reachable either way
                        if (inScope) {
                            assertTrue(user + " " + verb + " " + concrete + ": " + r, r.status == 200 || r.status == 403);
                        } else {
                            // a write may also be refused for its body before the record is looked up
                            assertTrue(user + " " + verb + " " + concrete + " (outside scope): " + r,
                                    r.status == 404 || r.status == 403 || r.status == 400 && !verb.equals("get"));
                            assertFalse(r.toString(), r.body.contains("\"version\""));
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue("endpoints that escape the scope matrix: " + unclassified, unclassified.isEmpty());
        assertTrue("checked " + checked, checked > 300);
    }

    private static Map<String, String> recordsOf(String kind) {
        switch (kind) {
            case "units":
                return UNITS;
            case "people": {
                return PERSON_OF_UNIT;
            }
            case "users": {
                Map<String, String> byUnit = new LinkedHashMap<>();
                USER_IDS.forEach(byUnit::put);
                return byUnit;
            }
            case "supervisions":
                return EDGES;
            case "audit": {
                Map<String, String> entries = new LinkedHashMap<>();
                JsonNode items = admin.get("/api/v1/audit?size=200").json().get("items");
                for (JsonNode e : items) {
                    String unitKey = e.get("actorUnitId").isNull() ? null : keys(Set.of(e.get("actorUnitId").asText()))
                            .stream().findFirst().orElse(null);
                    if (unitKey != null && !entries.containsKey(unitKey)) {
                        entries.put(unitKey, e.get("id").asText());
                    }
                }
                return entries;
            }
            default:
                return null;
        }
    }

    /** Calls an operation with a body that is valid for its record kind, so only the scope can refuse it. */
    private static Http.Reply call(Http who, String verb, String path, String kind, String user) {
        String own = UNITS.get(user);
        switch (verb) {
            case "get":
                return who.get(path);
            case "put":
                switch (kind) {
                    case "people":
                        return who.put(path, "{\"name\":\"越权修改\",\"unitId\":\"" + own + "\"}", "\"0\"");
                    case "users":
                        return who.put(path, "{\"displayName\":\"越权修改\",\"unitId\":\"" + own + "\",\"roles\":[]}", "\"0\"");
                    case "supervisions":
                        return who.put(path, "{\"supervisorId\":\"" + own + "\",\"supervisedId\":\"" + own
                                + "\",\"validFrom\":\"2020-01-01\"}", "\"0\"");
                    default:
                        return who.put(path, "{\"name\":\"越权修改\",\"kind\":\"COMMISSION\",\"level\":\"TOWNSHIP\"}", "\"0\"");
                }
            case "delete":
                return who.delete(path, "\"0\"");
            default:
                return who.post(path, "{\"password\":\"Whatever-Pw-2026\"}");
        }
    }

    private static void assertListInScope(String user, String path) {
        Http.Reply r = USERS.get(user).get(path + (path.endsWith("tree") ? "" : "?size=200"));
        if (r.status == 403) {
            return; // the user's roles lack the permission: nothing is listed
        }
        assertEquals(user + " " + path + ": " + r, 200, r.status);
        List<String> owners = LISTS.get(path).apply(r.json());
        Set<String> outside = new HashSet<>(owners);
        outside.removeIf(id -> id != null && SCOPE_OF.get(user).contains(keys(Set.of(id)).stream().findFirst().orElse("")));
        assertTrue(user + " sees records outside the scope at " + path + ": " + outside, outside.isEmpty());
        if (!path.equals("/api/v1/audit") && !path.equals("/api/v1/users")) {
            assertEquals(user + " " + path + " counts the scope", SCOPE_OF.get(user).size(), owners.size());
            if (r.json().has("total")) {
                assertEquals(SCOPE_OF.get(user).size(), r.json().get("total").asLong());
            }
        }
    }

    @Test
    public void b_fiveWrongPasswordsFromOneAddressLockTheAccountThere() {
        String name = "lockme";
        Http.Reply created = admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"unitId\":\"" + UNITS.get("T11")
                + "\",\"roles\":[\"reporter\"],\"password\":\"" + PASSWORD + "\"}");
        assertEquals(created.toString(), 201, created.status);
        Http attacker = anonymous.forwardedFor("10.9.8.7");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, attacker.post("/api/v1/auth/login", login(name, "wrong-" + i)).status);
        }
        assertEquals("the right password is refused from the locked address",
                401, attacker.post("/api/v1/auth/login", login(name, PASSWORD)).status);
        assertEquals("another address is not locked", 200,
                anonymous.forwardedFor("10.1.1.1").post("/api/v1/auth/login", login(name, PASSWORD)).status);

        Http.Reply unlocked = admin.post("/api/v1/users/" + created.json().get("id").asText() + "/unlock", "");
        assertEquals(unlocked.toString(), 200, unlocked.status);
        assertEquals(200, attacker.post("/api/v1/auth/login", login(name, PASSWORD)).status);
        JsonNode audit = admin.get("/api/v1/audit?action=user.unlock").json();
        assertEquals(1, audit.get("total").asLong());
        assertEquals("admin", audit.get("items").get(0).get("actor").asText());
        JsonNode failures = admin.get("/api/v1/audit?action=auth.login&size=200").json().get("items");
        int failed = 0;
        for (JsonNode e : failures) {
            if (!"SUCCESS".equals(e.get("outcome").asText()) && "10.9.8.7".equals(e.get("clientAddress").asText())) {
                failed++;
            }
        }
        assertTrue("failed logins are audited with their address: " + failed, failed >= 6);
    }

    private static String login(String user, String password) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    public void c_anAdminGrantsOnlyWhatTheyHoldWithinTheirScope() {
        Http districtAdmin = USERS.get("D1");
        Http.Reply auditor = districtAdmin.post("/api/v1/users", "{\"username\":\"sneaky-auditor\",\"unitId\":\""
                + UNITS.get("T11") + "\",\"roles\":[\"audit-admin\"],\"password\":\"" + PASSWORD + "\"}");
        assertProblem(auditor, 403, "roles");
        Http.Reply wide = districtAdmin.post("/api/v1/users", "{\"username\":\"sneaky-wide\",\"unitId\":\""
                + UNITS.get("T11") + "\",\"roles\":[\"system-admin\"],\"password\":\"" + PASSWORD + "\"}");
        assertEquals(wide.toString(), 403, wide.status);
        Http.Reply elsewhere = districtAdmin.post("/api/v1/users", "{\"username\":\"sneaky-west\",\"unitId\":\""
                + UNITS.get("T21") + "\",\"roles\":[\"supervisor\"],\"password\":\"" + PASSWORD + "\"}");
        assertTrue(elsewhere.toString(), elsewhere.status == 400 || elsewhere.status == 403 || elsewhere.status == 404);
        assertThat(elsewhere.body, not(containsString("\"id\"")));
        Http.Reply ok = districtAdmin.post("/api/v1/users", "{\"username\":\"east-supervisor\",\"unitId\":\""
                + UNITS.get("T11") + "\",\"roles\":[\"supervisor\"],\"password\":\"" + PASSWORD + "\"}");
        assertEquals(ok.toString(), 201, ok.status);
        assertEquals(0, admin.get("/api/v1/users?q=sneaky").json().get("total").asLong());
    }

    @Test
    public void d_aStateChangeWithoutTheCsrfTokenIsRefused() {
        long before = admin.get("/api/v1/units?size=1").json().get("total").asLong();
        Http.Reply r = admin.withoutCsrf().post("/api/v1/units",
                "{\"name\":\"伪造请求\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}");
        assertEquals(r.toString(), 403, r.status);
        assertEquals("problem.csrf", r.json().get("messageKey").asText());
        assertEquals(before, admin.get("/api/v1/units?size=1").json().get("total").asLong());
    }

    @Test
    public void e_apiTokensCarryOnlyTheirPermissionsAndDieWhenRevokedOrExpired() {
        Http.Reply created = admin.post("/api/v1/tokens", "{\"name\":\"OA对接\",\"permissions\":[\"platform:units-read\"],"
                + "\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        assertEquals(created.toString(), 201, created.status);
        String token = created.json().get("token").asText();
        assertTrue(token.startsWith("ql_"));
        Http oa = anonymous.withBearer(token);
        assertEquals(200, oa.get("/api/v1/units").status);
        Http.Reply soap = oa.soap("/services/UnitService", "<u:listUnits><page>1</page><size>5</size></u:listUnits>");
        assertEquals(soap.toString(), 200, soap.status);
        assertEquals("token without the permission", 403, oa.post("/api/v1/units",
                "{\"name\":\"令牌建单位\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}").status);
        assertEquals(403, oa.get("/api/v1/people").status);
        assertEquals(204, admin.delete("/api/v1/tokens/" + created.json().get("id").asText(), null).status);
        Http.Reply revoked = oa.get("/api/v1/units");
        assertEquals(401, revoked.status);
        assertEquals(401, anonymous.withBearer("ql_nothing_" + "x".repeat(43)).get("/api/v1/units").status);

        Http.Reply shortLived = admin.post("/api/v1/tokens", "{\"name\":\"短期\",\"permissions\":[\"platform:units-read\"],"
                + "\"expiresAt\":\"" + Instant.now().plusSeconds(3) + "\"}");
        assertEquals(shortLived.toString(), 201, shortLived.status);
        Http brief = anonymous.withBearer(shortLived.json().get("token").asText());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> brief.get("/api/v1/units").status == 401);
    }

    @Test
    public void f_theAuditChainNamesTheEntryTamperedWithInTheDatabase() throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("/api/v1/audit/verify").json().get("checked").asLong() > 20);
        JsonNode valid = admin.get("/api/v1/audit/verify").json();
        assertTrue(valid.toString(), valid.get("valid").asBoolean());
        try (Connection c = DriverManager.getConnection(Exam.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            String third = value(c, "select public_id from pf_audit where seal_seq = 3");
            String detail = value(c, "select coalesce(detail, '') from pf_audit where seal_seq = 3");
            s.executeUpdate("update pf_audit set detail = 'edited' where seal_seq = 3");
            assertBroken(third);
            s.executeUpdate("update pf_audit set detail = " + (detail.isEmpty() ? "null" : "'" + detail + "'")
                    + " where seal_seq = 3");
            assertTrue(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean());

            String fifth = value(c, "select public_id from pf_audit where seal_seq = 5");
            s.executeUpdate("update pf_audit set seal_seq = -5 where seal_seq = 5");
            s.executeUpdate("update pf_audit set seal_seq = 5 where seal_seq = 6");
            s.executeUpdate("update pf_audit set seal_seq = 6 where seal_seq = -5");
            assertBroken(value(c, "select public_id from pf_audit where seal_seq = 5"));
            assertNotEquals(fifth, value(c, "select public_id from pf_audit where seal_seq = 5"));
            s.executeUpdate("update pf_audit set seal_seq = -6 where seal_seq = 6");
            s.executeUpdate("update pf_audit set seal_seq = 6 where seal_seq = 5");
            s.executeUpdate("update pf_audit set seal_seq = 5 where seal_seq = -6");
            assertTrue(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean());

            String eighth = value(c, "select public_id from pf_audit where seal_seq = 8");
            s.executeUpdate("delete from pf_audit where seal_seq = 7");
            assertBroken(eighth);

            long newest = Long.parseLong(value(c, "select max(seal_seq) from pf_audit"));
            s.executeUpdate("delete from pf_audit where seal_seq >= " + (newest - 1));
            JsonNode afterTruncation = admin.get("/api/v1/audit/verify").json();
            assertFalse(afterTruncation.get("valid").asBoolean());
        }
    }

    private static String value(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(sql, rs.next());
            return rs.getString(1);
        }
    }

    private static void assertBroken(String entry) {
        JsonNode v = admin.get("/api/v1/audit/verify").json();
        assertFalse(v.toString(), v.get("valid").asBoolean());
        assertEquals(v.toString(), entry, v.get("firstBroken").asText());
    }

    @Test
    public void g_fuzzedLoginsAndUsersNeverAnswer500() {
        Random random = new Random(20261122);
        String[] shapes = {"", "{", "null", "[]", "\"x\"", "{\"username\":1}", "{\"username\":null,\"password\":null}",
            "{\"username\":\"admin\",\"password\":{}}", "{\"username\":\"admin\"}", "{\"password\":\"x\"}",
            "{\"username\":\"" + "a".repeat(100_000) + "\",\"password\":\"x\"}", "{\"username\":\"\\u0000\",\"password\":\"\\u0000\"}",
            "{\"username\":\"admin' or '1'='1\",\"password\":\"x\"}", "{\"username\":\"管理员\",\"password\":\"密码\"}",
            "{\"unitId\":\"not-a-uuid\"}", "{\"roles\":\"all\"}", "{\"username\":[],\"roles\":[1,2]}"};
        for (int i = 0; i < 300; i++) {
            String body = i < shapes.length * 2 ? shapes[i % shapes.length] : randomJson(random);
            for (Http.Reply r : List.of(anonymous.forwardedFor("10.7.7." + (i % 250)).post("/api/v1/auth/login", body),
                    admin.post("/api/v1/users", body))) {
                assertTrue(body + " -> " + r, r.status >= 400 && r.status < 500);
                assertThat(r.body, not(containsString("Exception")));
                assertThat(r.body, not(containsString("at org.")));
            }
        }
    }

    private static String randomJson(Random random) {
        String[] keys = {"username", "password", "displayName", "unitId", "roles", "x", "personId", "disabled"};
        String[] values = {"null", "1", "-1", "1e309", "true", "\"\"", "\"" + "长".repeat(random.nextInt(300)) + "\"",
            "[]", "{}", "\"\\ud800\"", "\"a\\nb\"", "[\"unit-admin\"]", "\"" + java.util.UUID.randomUUID() + "\""};
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append('"').append(keys[random.nextInt(keys.length)]).append("\":")
                    .append(values[random.nextInt(values.length)]);
        }
        return random.nextInt(10) == 0 ? b.toString() : b.append('}').toString();
    }

    @Test
    public void h_securityHeadersAreSetOnce() {
        Http.Reply r = anonymous.get("/api/v1/health");
        String csp = r.header("Content-Security-Policy").orElseThrow();
        assertThat(csp, containsString("frame-ancestors 'none'"));
        assertThat(csp, not(containsString("unsafe-eval")));
        assertThat(csp, not(containsString("unsafe-inline")));
        assertEquals("nosniff", r.header("X-Content-Type-Options").orElseThrow());
        Http.Reply unauthenticated = anonymous.get("/api/v1/people");
        assertEquals(401, unauthenticated.status);
        assertEquals("application/problem+json", unauthenticated.header("Content-Type").orElseThrow());
    }

    private static void assertProblem(Http.Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status);
        if (field != null) {
            boolean named = false;
            for (JsonNode e : r.json().path("errors")) {
                named |= field.equals(e.get("field").asText());
            }
            assertTrue(r + " names " + field, named);
        }
    }

}
