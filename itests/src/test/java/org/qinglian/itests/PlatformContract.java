package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the platform promises over HTTP and SOAP, run against the booted distribution: health,
 * unit and people CRUD with versions, paging, sorting and filters, problem documents that name
 * the field for every kind of bad input with nothing written, both languages, the OpenAPI
 * document and the SOAP UnitService. Subclasses boot it on H2 and on PostgreSQL.
 */
public abstract class PlatformContract {

    /** The initial password of 'admin' in the distributions the tests start (QINGLIAN_ADMIN_PASSWORD). */
    static final String INITIAL_ADMIN_PASSWORD = System.getProperty("qinglian.it.admin.password");
    static final String ADMIN_PASSWORD = "Admin-Changed-Pw-2026!";

    /** The admin's session for this class's distribution. */
    private static Http admin;

    protected final Http anonymous = Http.speaking(null);
    protected Http zh;
    protected Http en;

    /** The database product the health endpoint must name. */
    protected abstract String databaseProduct();

    /** Whether the distribution came up for this class; null until the first test waited for it. */
    private static Boolean ready;

    @org.junit.BeforeClass
    public static void notYetWaited() {
        ready = null;
    }

    @Before
    public void platformIsUp() {
        if (Boolean.FALSE.equals(ready)) {
            throw new AssertionError("the distribution did not come up (see the first test's failure)");
        }
        if (ready == null) {
            ready = false;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> anonymous.get("/api/v1/health").status == 200
                            && anonymous.get("/api/v1/units").status == 401
                            && anonymous.get("/services/UnitService?wsdl").status == 200
                            && anonymous.post("/api/v1/auth/login", "{}").status == 400
                            && adminCanSignIn());
            admin = anonymous.loginChanging("admin", INITIAL_ADMIN_PASSWORD, ADMIN_PASSWORD);
            ready = true;
        }
        zh = admin;
        en = Http.speaking("en-US,en;q=0.9").withSession(admin);
    }

    /**
     * Waits until the booted distribution answers and its first admin can sign in, signs in as
     * that admin once changing the initial password, and answers the session.
     */
    static Http firstAdmin() {
        Http anonymous = Http.speaking(null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> anonymous.get("/api/v1/health").status == 200 && adminCanSignIn());
        return anonymous.loginChanging("admin", INITIAL_ADMIN_PASSWORD, ADMIN_PASSWORD);
    }

    /** The paths of the OpenAPI document under a prefix that answer GET: what a scope test must ask. */
    static Set<String> getPaths(Http admin, String prefix) {
        Set<String> gets = new TreeSet<>();
        admin.get("/api/v1/openapi.json").json().get("paths").fields().forEachRemaining(p -> {
            if (p.getKey().startsWith(prefix) && p.getValue().has("get")) {
                gets.add(p.getKey());
            }
        });
        return gets;
    }

    /** The first admin exists once the security schema is migrated and its components are up. */
    static boolean adminCanSignIn() {
        return Http.speaking(null).post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\""
                + INITIAL_ADMIN_PASSWORD + "\"}").status == 200;
    }

    @Test
    public void healthNamesTheDatabase() {
        Http.Reply r = zh.get("/api/v1/health");
        assertEquals(200, r.status);
        assertEquals("UP", r.json().get("status").asText());
        assertEquals(databaseProduct(), r.json().get("database").asText());
    }

    @Test
    public void unitLifecycleWithVersions() {
        String city = createUnit("{\"name\":\"测试市纪委监委\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}");
        Http.Reply created = zh.get("/api/v1/units/" + city);
        assertEquals(200, created.status);
        assertEquals("\"0\"", created.header("ETag").orElseThrow());
        assertEquals("测试市纪委监委", created.json().get("name").asText());

        String body = "{\"name\":\"测试市纪委监委（改）\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}";
        Http.Reply noIfMatch = zh.put("/api/v1/units/" + city, body, null);
        assertProblem(noIfMatch, 428, "If-Match");

        Http.Reply updated = zh.put("/api/v1/units/" + city, body, "\"0\"");
        assertEquals(200, updated.status);
        assertEquals(1, updated.json().get("version").asLong());
        assertEquals("\"1\"", updated.header("ETag").orElseThrow());

        Http.Reply stale = zh.put("/api/v1/units/" + city, "{\"name\":\"又改\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}", "\"0\"");
        assertEquals(stale.toString(), 412, stale.status);
        assertEquals("测试市纪委监委（改）", zh.get("/api/v1/units/" + city).json().get("name").asText());

        createUnitUnder(city);
        String leaf = createUnitUnder(city);
        assertEquals(428, zh.delete("/api/v1/units/" + leaf, null).status);
        assertEquals(204, zh.delete("/api/v1/units/" + leaf, "\"0\"").status);
        assertProblem(zh.get("/api/v1/units/" + leaf), 404, null);
        Http.Reply refused = zh.delete("/api/v1/units/" + city, "\"1\"");
        assertEquals(refused.toString(), 409, refused.status);
        assertEquals("problem.unitHasChildren", refused.json().get("messageKey").asText());
    }

    @Test
    public void listsPageSortAndFilter() {
        String root = createUnit("{\"name\":\"分页市\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}");
        for (int i = 0; i < 5; i++) {
            createUnit("{\"name\":\"分页区" + i + "\",\"kind\":\"COMMISSION\",\"level\":\"DISTRICT\",\"parentId\":\"" + root + "\"}");
        }
        JsonNode page = zh.get("/api/v1/units?parentId=" + root + "&size=2&page=2&sort=-name").json();
        assertEquals(5, page.get("total").asLong());
        assertEquals(2, page.get("page").asInt());
        assertEquals(2, page.get("size").asInt());
        assertEquals(2, page.get("items").size());
        assertEquals("分页区2", page.get("items").get(0).get("name").asText());
        assertEquals("分页区1", page.get("items").get(1).get("name").asText());

        JsonNode byName = zh.get("/api/v1/units?name=" + enc("分页区3")).json();
        assertEquals(1, byName.get("total").asLong());

        JsonNode tree = zh.get("/api/v1/units/tree").json();
        JsonNode node = find(tree, root);
        assertNotNull("root unit in the tree", node);
        assertEquals(5, node.get("children").size());
    }

    @Test
    public void badInputAnswersAProblemNamingTheFieldAndWritesNothing() {
        String parent = createUnit("{\"name\":\"坏输入市\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}");
        long before = unitCount();

        assertProblem(zh.post("/api/v1/units", "{\"name\":\"x\","), 400, null);
        assertProblem(zh.post("/api/v1/units", "{\"name\":\"x\",\"kind\":\"COMMISSION\",\"level\":\"CITY\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(zh.post("/api/v1/units", "{\"name\":\"x\",\"kind\":\"COMMISSION\",\"level\":\"CITY\",\"parentId\":\""
                + UUID.randomUUID() + "\"}"), 400, "parentId");
        assertProblem(zh.post("/api/v1/units", "{\"name\":\"" + "长".repeat(101) + "\",\"kind\":\"COMMISSION\",\"level\":\"CITY\"}"), 400, "name");
        assertProblem(zh.post("/api/v1/units", "{\"name\":\"x\",\"kind\":\"PLANET\",\"level\":\"CITY\"}"), 400, "kind");
        assertProblem(zh.post("/api/v1/units", "{\"kind\":\"COMMISSION\",\"level\":\"CITY\"}"), 400, "name");
        assertProblem(zh.post("/api/v1/units", "{\"name\":\"x\",\"kind\":\"COMMISSION\",\"level\":\"CITY\",\"parentId\":\"not-a-uuid\"}"), 400, "parentId");
        assertProblem(zh.get("/api/v1/units?size=100000"), 400, "size");
        assertProblem(zh.get("/api/v1/units?page=abc"), 400, "page");
        assertProblem(zh.get("/api/v1/units?sort=password"), 400, "sort");
        assertProblem(zh.post("/api/v1/units", "name=x", "application/x-www-form-urlencoded"), 415, null);

        String child = createUnit("{\"name\":\"坏输入区\",\"kind\":\"COMMISSION\",\"level\":\"DISTRICT\",\"parentId\":\"" + parent + "\"}");
        String grandchild = createUnit("{\"name\":\"坏输入镇\",\"kind\":\"COMMISSION\",\"level\":\"TOWNSHIP\",\"parentId\":\"" + child + "\"}");
        long withFamily = unitCount();
        Http.Reply cycle = zh.put("/api/v1/units/" + parent,
                "{\"name\":\"坏输入市\",\"kind\":\"COMMISSION\",\"level\":\"CITY\",\"parentId\":\"" + grandchild + "\"}", "\"0\"");
        assertProblem(cycle, 400, "parentId");
        assertTrue(zh.get("/api/v1/units/" + parent).json().get("parentId").isNull());
        assertEquals(before + 2, withFamily);
        assertEquals(withFamily, unitCount());
    }

    @Test
    public void problemsSpeakTheCallersLanguage() {
        Http.Reply chinese = zh.get("/api/v1/units?size=0");
        Http.Reply english = en.get("/api/v1/units?size=0");
        assertThat(chinese.json().get("errors").get(0).get("message").asText(), containsString("之间"));
        assertEquals("Must be between 1 and 200.", english.json().get("errors").get(0).get("message").asText());
        assertEquals("zh-CN", chinese.header("Content-Language").orElseThrow());
        assertEquals("en", english.header("Content-Language").orElseThrow());
        assertEquals("nosniff", chinese.header("X-Content-Type-Options").orElseThrow());
    }

    @Test
    public void peopleWithPositionsAndFilters() {
        String unit = createUnit("{\"name\":\"人员测试区\",\"kind\":\"SUPERVISED_BODY\",\"level\":\"DISTRICT\"}");
        String other = createUnit("{\"name\":\"人员测试另区\",\"kind\":\"SUPERVISED_BODY\",\"level\":\"DISTRICT\"}");
        Http.Reply created = zh.post("/api/v1/people", "{\"name\":\"张三\",\"gender\":\"male\",\"unitId\":\"" + unit
                + "\",\"rank\":\"division-chief\",\"topLeader\":true,\"positions\":[{\"title\":\"局长\",\"startDate\":\"2024-01-01\"}]}");
        assertEquals(created.toString(), 201, created.status);
        zh.post("/api/v1/people", "{\"name\":\"李四\",\"unitId\":\"" + other + "\"}");
        JsonNode list = zh.get("/api/v1/people?unitId=" + unit).json();
        assertEquals(1, list.get("total").asLong());
        assertEquals("张三", list.get("items").get(0).get("name").asText());
        assertEquals("局长", list.get("items").get(0).get("positions").get(0).get("title").asText());
        assertEquals(1, zh.get("/api/v1/people?name=" + enc("李")).json().get("total").asLong());
        assertEquals(1, zh.get("/api/v1/people?topLeader=true&unitId=" + unit).json().get("total").asLong());

        assertProblem(zh.post("/api/v1/people", "{\"name\":\"王五\",\"unitId\":\"" + unit + "\",\"rank\":\"emperor\"}"), 400, "rank");
        assertProblem(zh.post("/api/v1/people", "{\"name\":\"王五\",\"unitId\":\"" + unit
                + "\",\"positions\":[{\"title\":\"科长\",\"startDate\":\"2024-05-01\",\"endDate\":\"2024-01-01\"}]}"), 400,
                "positions[0].endDate");
        assertProblem(zh.post("/api/v1/people", "{\"name\":\"王五\",\"unitId\":\"" + unit + "\",\"topLeader\":null}"), 400,
                "topLeader");
        assertEquals(1, zh.get("/api/v1/people?unitId=" + unit).json().get("total").asLong());
    }

    @Test
    public void dictionariesAreSeededInBothLanguages() {
        JsonNode ranks = zh.get("/api/v1/dictionaries/rank/items").json();
        assertTrue(ranks.size() >= 5);
        assertEquals("正厅级", ranks.get(0).get("labelZh").asText());
        assertEquals("Bureau chief", ranks.get(0).get("labelEn").asText());
        assertProblem(zh.get("/api/v1/dictionaries/nothing/items"), 404, null);
    }

    @Test
    public void openApiDocumentDeclaresEveryOperation() {
        JsonNode doc = zh.get("/api/v1/openapi.json").json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        for (String p : new String[] {"/api/v1/health", "/api/v1/units", "/api/v1/units/{id}", "/api/v1/units/tree",
                "/api/v1/people", "/api/v1/people/{id}", "/api/v1/supervisions", "/api/v1/dictionaries"}) {
            assertTrue("documented: " + p, paths.has(p));
        }
        Set<String> undeclared = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (!op.getValue().has("x-qinglian-permission") && !op.getValue().has("x-qinglian-public")
                        && !op.getValue().has("x-qinglian-authenticated")) {
                    undeclared.add(op.getKey() + " " + path.getKey());
                }
            });
        }
        assertTrue("operations without a declared permission: " + undeclared, undeclared.isEmpty());
        assertTrue(paths.get("/api/v1/health").get("get").get("x-qinglian-public").asBoolean());
        assertEquals("platform:units-write", paths.get("/api/v1/units").get("post").get("x-qinglian-permission").asText());
    }

    @Test
    public void soapUnitServiceSharesTheServices() {
        String unit = createUnit("{\"name\":\"SOAP测试单位\",\"kind\":\"COMMISSION\",\"level\":\"CITY\",\"code\":\"soap-" + System.nanoTime() + "\"}");
        Http.Reply wsdl = zh.get("/services/UnitService?wsdl");
        assertEquals(200, wsdl.status);
        assertThat(wsdl.body, containsString("listUnits"));
        Http.Reply got = zh.soap("/services/UnitService", "<u:getUnit><id>" + unit + "</id></u:getUnit>");
        assertEquals(got.body, 200, got.status);
        assertThat(got.body, containsString(unit));
        Http.Reply listed = zh.soap("/services/UnitService",
                "<u:listUnits><name>SOAP测试</name><page>1</page><size>5</size></u:listUnits>");
        assertThat(listed.body, containsString("<total>1</total>"));
        Http.Reply fault = en.soap("/services/UnitService", "<u:getUnit><id>nope</id></u:getUnit>");
        Http.Reply anonymousCall = anonymous.soap("/services/UnitService", "<u:getUnit><id>" + unit + "</id></u:getUnit>");
        assertEquals(401, anonymousCall.status);
        assertFalse(anonymousCall.body.contains("SOAP测试单位"));
        assertEquals(500, fault.status);
        assertThat(fault.body, containsString("soap:Client"));
        assertThat(fault.body, containsString("field=\"id\""));
        assertThat(fault.body, containsString("Must be a valid id (UUID)."));
        assertFalse("no stack trace in faults", fault.body.contains("at org."));
        Http.Reply missing = zh.soap("/services/UnitService", "<u:getUnit><id>" + UUID.randomUUID() + "</id></u:getUnit>");
        assertThat(missing.body, containsString("未找到单位"));
    }

    protected String createUnit(String json) {
        Http.Reply r = zh.post("/api/v1/units", json);
        assertEquals(r.toString(), 201, r.status);
        assertTrue(r.header("Location").orElseThrow().endsWith(r.json().get("id").asText()));
        return r.json().get("id").asText();
    }

    private String createUnitUnder(String parent) {
        return createUnit("{\"name\":\"下级" + System.nanoTime() + "\",\"kind\":\"COMMISSION\",\"level\":\"DISTRICT\",\"parentId\":\""
                + parent + "\"}");
    }

    protected long unitCount() {
        return zh.get("/api/v1/units?size=1").json().get("total").asLong();
    }

    protected static void assertProblem(Http.Reply r, int status, String field) {
        assertEquals(r.toString(), status, r.status);
        assertEquals("application/problem+json", r.header("Content-Type").orElseThrow());
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("type").asText().startsWith("urn:qinglian:problem:"));
        assertFalse(p.get("detail").asText().isBlank());
        assertFalse("no stack trace", r.body.contains("Exception"));
        if (field != null) {
            boolean named = false;
            for (JsonNode e : p.get("errors")) {
                named |= field.equals(e.get("field").asText()) && !e.get("message").asText().isBlank();
            }
            assertTrue(r + " names " + field, named);
        }
    }

    private static JsonNode find(JsonNode nodes, String id) {
        for (JsonNode n : nodes) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
            JsonNode inChildren = find(n.get("children"), id);
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
