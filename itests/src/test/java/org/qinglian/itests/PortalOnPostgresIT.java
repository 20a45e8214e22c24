package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
 * Modules in the portal, against the booted distribution on PostgreSQL with the test-only module
 * installed: the menu, activation per unit with inheritance (one platform mechanism refusing a
 * module's REST and SOAP endpoints), who may switch what, and to-dos and notices each user sees of their own.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PortalOnPostgresIT {

    private static final String PASSWORD = "Portal-User-Pw-2026";
    private static final String ITEMS = "/api/v1/testmod/items";

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(OptionUtils.combine(Exam.options(), Exam.postgres()), Exam.testModule());
    }

    private static final Http ANONYMOUS = Http.speaking(null);
    private static final Map<String, Http> USERS = new HashMap<>();
    private static Organisation org;
    private static Http admin;

    @BeforeClass
    public static void organisation() {
        admin = PlatformContract.firstAdmin();
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/v1/modules").body.contains("\"testmod\""));
        org = new Organisation(admin);
        org.unit("C", "市纪委监委", "CITY", null);
        org.unit("D1", "东区纪委监委", "DISTRICT", "C");
        org.unit("D2", "西区纪委监委", "DISTRICT", "C");
        org.unit("T11", "东一街道纪工委", "TOWNSHIP", "D1");
        user("cityAdmin", "C", "unit-admin");
        user("d1Admin", "D1", "unit-admin");
        user("d1User", "D1", "supervisor");
        user("d1Colleague", "D1", "supervisor");
        user("d1Reporter", "D1", "reporter");
        user("t11User", "T11", "supervisor");
        user("d2User", "D2", "supervisor");
    }

    private static void user(String name, String unit, String role) {
        USERS.put(name, org.user(name.toLowerCase(), unit, role, PASSWORD));
    }

    private static Http.Reply activate(String who, String unit, String active) {
        return USERS.get(who).put("/api/v1/units/" + org.id(unit) + "/modules/testmod", "{\"active\":" + active + "}",
                null);
    }

    /** The test module's SOAP operation, as an intranet system calls it with the user's session. */
    private static Http.Reply soapCount(String who) {
        return USERS.get(who).soap("/services/TestItemService",
                "<t:countItems xmlns:t=\"http://qinglian.org/itests/testmod/v1\"/>");
    }

    private static boolean menuHasTestModule(String who) {
        Http.Reply menu = USERS.get(who).get("/api/v1/portal/modules");
        assertEquals(menu.toString(), 200, menu.status);
        return menu.body.contains("\"testmod/items\"");
    }

    @Test
    public void a_theMenuListsActiveModulesWithTheEntriesTheUserMayOpen() {
        assertTrue(menuHasTestModule("d1User"));
        JsonNode menu = USERS.get("d1User").get("/api/v1/portal/modules").json();
        assertEquals("测试模块", menu.get(0).get("name").asText());
        assertEquals("/modules/testmod/index.js", menu.get(0).get("entryScript").asText());
        assertEquals("Test items", Http.speaking("en").withSession(USERS.get("d1User")).get("/api/v1/portal/modules").json()
                .get(0).get("navigation").get(0).get("label").asText());
        assertFalse("a reporter holds no permission of the module", menuHasTestModule("d1Reporter"));
        assertEquals(403, USERS.get("d1Reporter").get(ITEMS).status);
        assertEquals(200, USERS.get("d1User").get(ITEMS).status);
        Http.Reply soap = soapCount("d1User");
        assertEquals(soap.toString(), 200, soap.status);
        assertTrue(soap.body, soap.body.contains("<count>2</count>"));
        assertEquals(403, soapCount("d1Reporter").status);
        // the entry script is served by the module's bundle
        assertEquals(200, ANONYMOUS.get("/modules/testmod/index.js").status);
        JsonNode cards = USERS.get("d1User").get("/api/v1/portal/dashboard").json();
        assertEquals("overview", cards.get(0).get("id").asText());
        assertEquals(0, USERS.get("d1Reporter").get("/api/v1/portal/dashboard").json().size());
        // the module's permissions were granted to the built-in roles it names
        assertTrue(admin.get("/api/v1/roles").body.contains("testmod:write"));
    }

    @Test
    public void b_switchedOffForAUnitTheModuleIsRefusedThereAndBelowOnly() {
        Http.Reply off = activate("d1Admin", "D1", "false");
        assertEquals(off.toString(), 200, off.status);
        assertFalse(off.json().get("active").asBoolean());
        assertTrue(off.json().get("explicit").asBoolean());

        Http.Reply refused = USERS.get("d1User").get(ITEMS);
        assertEquals(refused.toString(), 403, refused.status);
        assertEquals("problem.moduleInactive", refused.json().get("messageKey").asText());
        assertEquals(403, USERS.get("t11User").get(ITEMS).status);
        assertEquals(403, USERS.get("d1User").post("/api/v1/testmod/signals", "").status);
        Http.Reply soap = soapCount("d1User");
        assertEquals(soap.toString(), 403, soap.status);
        assertTrue(soap.body, soap.body.contains("本单位未启用该功能模块"));
        assertEquals(200, soapCount("d2User").status);
        assertEquals(200, USERS.get("d2User").get(ITEMS).status);
        assertFalse(menuHasTestModule("d1User"));
        assertFalse(menuHasTestModule("t11User"));
        assertTrue(menuHasTestModule("d2User"));
        assertEquals(0, USERS.get("d1User").get("/api/v1/portal/dashboard").json().size());

        JsonNode t11 = USERS.get("d1Admin").get("/api/v1/units/" + org.id("T11") + "/modules").json().get(0);
        assertFalse(t11.get("active").asBoolean());
        assertFalse(t11.get("explicit").asBoolean());
        assertEquals(org.id("D1"), t11.get("inheritedFrom").asText());

        JsonNode listed = USERS.get("d1Admin").get("/api/v1/modules?unit=" + org.id("T11")).json().get(0);
        assertEquals("testmod", listed.get("id").asText());
        assertFalse(listed.get("activation").get("active").asBoolean());
        assertEquals(org.id("D1"), listed.get("activation").get("inheritedFrom").asText());
        assertEquals("activation is for those who switch modules", 403,
                USERS.get("d1User").get("/api/v1/modules?unit=" + org.id("D1")).status);
        assertEquals(404, USERS.get("d1Admin").get("/api/v1/modules?unit=" + org.id("D2")).status);

        assertEquals(200, activate("d1Admin", "T11", "true").status);
        assertEquals("a township's own setting overrides its district's", 200, USERS.get("t11User").get(ITEMS).status);
        assertEquals(200, activate("d1Admin", "T11", "null").status);
        assertEquals("back to inheriting", 403, USERS.get("t11User").get(ITEMS).status);

        assertEquals(200, activate("d1Admin", "D1", "null").status);
        assertEquals(200, USERS.get("d1User").get(ITEMS).status);
        assertEquals(200, soapCount("d1User").status);
        assertTrue(menuHasTestModule("t11User"));

        JsonNode audit = admin.get("/api/v1/audit?action=module.deactivate").json();
        assertEquals(1, audit.get("total").asLong());
        assertEquals("d1admin", audit.get("items").get(0).get("actor").asText());
        assertTrue(admin.get("/api/v1/audit?action=request.denied&size=200").body.contains("testmod"));
    }

    @Test
    public void c_aUnitAdminSwitchesOnlyUnitsInTheirScope() {
        Http.Reply other = activate("d1Admin", "D2", "false");
        assertEquals(other.toString(), 404, other.status);
        assertEquals(404, USERS.get("d1Admin").get("/api/v1/units/" + org.id("D2") + "/modules").status);
        assertEquals(404, USERS.get("d1Admin").get("/api/v1/units/" + org.id("C") + "/modules").status);
        assertEquals("a supervisor may not switch modules", 403, activate("d1User", "D1", "false").status);
        assertEquals(200, USERS.get("d2User").get(ITEMS).status);
        assertEquals("a refused switch is not recorded as done", 1,
                admin.get("/api/v1/audit?action=module.deactivate").json().get("total").asLong());

        assertEquals(200, activate("cityAdmin", "C", "false").status);
        for (String who : new String[] {"d1User", "t11User", "d2User", "cityAdmin"}) {
            assertEquals(who, 403, USERS.get(who).get(ITEMS).status);
        }
        assertEquals("a deployment-wide account is in no unit", 200, admin.get(ITEMS).status);
        assertEquals(200, activate("cityAdmin", "C", "null").status);
        assertEquals(200, USERS.get("d2User").get(ITEMS).status);
    }

    @Test
    public void d_badInputNamesTheFieldAndChangesNothing() {
        String d1 = "/api/v1/units/" + org.id("D1") + "/modules/";
        Http.Reply missing = USERS.get("d1Admin").put(d1 + "testmod", "{}", null);
        assertEquals(missing.toString(), 400, missing.status);
        assertEquals("active", missing.json().get("errors").get(0).get("field").asText());
        Http.Reply wrongType = USERS.get("d1Admin").put(d1 + "testmod", "{\"active\":\"no\"}", null);
        assertEquals(400, wrongType.status);
        assertEquals("active", wrongType.json().get("errors").get(0).get("field").asText());
        assertEquals(404, USERS.get("d1Admin").put(d1 + "nosuchmodule", "{\"active\":false}", null).status);
        Http.Reply badUnit = USERS.get("d1Admin").put("/api/v1/units/not-a-uuid/modules/testmod", "{\"active\":false}", null);
        assertEquals(400, badUnit.status);
        assertEquals("unitId", badUnit.json().get("errors").get(0).get("field").asText());
        assertEquals(200, USERS.get("d1User").get(ITEMS).status);
        assertFalse(USERS.get("d1Admin").get("/api/v1/units/" + org.id("D1") + "/modules").json().get(0)
                .get("explicit").asBoolean());
    }

    @Test
    public void e_toDosAndNoticesAreSeenByTheirRecipientsOnly() {
        Http.Reply signal = USERS.get("d1User").post("/api/v1/testmod/signals", "");
        assertEquals(signal.toString(), 200, signal.status);
        String todo = signal.json().get("todo").asText();
        String notice = signal.json().get("notice").asText();

        JsonNode mine = USERS.get("d1User").get("/api/v1/portal/summary").json();
        assertEquals(1, mine.get("openTodos").asLong());
        assertEquals(1, mine.get("unreadNotices").asLong());
        assertEquals("请核实测试事项 T-1", USERS.get("d1User").get("/api/v1/portal/todos").json().get("items").get(0)
                .get("title").asText());
        assertEquals("Check test item T-1", Http.speaking("en").withSession(USERS.get("d1User")).get("/api/v1/portal/todos").json()
                .get("items").get(0).get("title").asText());

        JsonNode colleague = USERS.get("d1Colleague").get("/api/v1/portal/summary").json();
        assertEquals("a to-do is its assignee's alone", 0, colleague.get("openTodos").asLong());
        assertEquals("a unit's notice reaches its colleagues", 1, colleague.get("unreadNotices").asLong());

        for (String outsider : new String[] {"d2User", "cityAdmin", "t11User"}) {
            Http who = USERS.get(outsider);
            assertEquals(outsider, 0, who.get("/api/v1/portal/todos").json().get("total").asLong());
            assertEquals(outsider, 0, who.get("/api/v1/portal/todos?done=true").json().get("total").asLong());
            assertEquals(outsider, 0, who.get("/api/v1/portal/notices").json().get("total").asLong());
            JsonNode summary = who.get("/api/v1/portal/summary").json();
            assertEquals(outsider, 0, summary.get("openTodos").asLong() + summary.get("unreadNotices").asLong());
            assertEquals(outsider, 404, who.post("/api/v1/portal/todos/" + todo + "/done", "").status);
            assertEquals(outsider, 404, who.post("/api/v1/portal/notices/" + notice + "/read", "").status);
        }
        assertEquals(404, USERS.get("d1Colleague").post("/api/v1/portal/todos/" + todo + "/done", "").status);

        assertEquals(200, USERS.get("d1User").post("/api/v1/portal/todos/" + todo + "/done", "").status);
        assertEquals(200, USERS.get("d1User").post("/api/v1/portal/notices/" + notice + "/read", "").status);
        mine = USERS.get("d1User").get("/api/v1/portal/summary").json();
        assertEquals(0, mine.get("openTodos").asLong() + mine.get("unreadNotices").asLong());
        assertEquals(1, USERS.get("d1User").get("/api/v1/portal/todos?done=true").json().get("total").asLong());
        assertEquals("read by one, still unread for the other", 1,
                USERS.get("d1Colleague").get("/api/v1/portal/notices?unread=true").json().get("total").asLong());
        Http.Reply badFilter = USERS.get("d1User").get("/api/v1/portal/todos?done=perhaps");
        assertEquals(400, badFilter.status);
        assertEquals("done", badFilter.json().get("errors").get(0).get("field").asText());
        assertEquals(400, USERS.get("d1User").get("/api/v1/portal/notices?size=500").status);
    }

    @Test
    public void f_theSessionProbeNeverAnswers401() {
        Http.Reply anonymous = ANONYMOUS.get("/api/v1/auth/session");
        assertEquals(200, anonymous.status);
        assertFalse(anonymous.json().get("signedIn").asBoolean());
        JsonNode signedIn = USERS.get("d1User").get("/api/v1/auth/session").json();
        assertTrue(signedIn.get("signedIn").asBoolean());
        assertFalse(signedIn.get("mustChangePassword").asBoolean());
    }
}
