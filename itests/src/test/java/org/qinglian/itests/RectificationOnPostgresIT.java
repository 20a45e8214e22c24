package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.qinglian.platform.api.sheet.Sheet;
import org.qinglian.platform.api.sheet.XlsxReader;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rectification ledger in the real distribution on PostgreSQL: installed on the running
 * portal through the module installer, its workflow over REST with evidence, what a sibling unit
 * cannot see (list, get, statistics, export, attachment, SOAP), the escalation job run twice, and
 * uninstall and reinstall with the data kept.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RectificationOnPostgresIT {

    private static final String PASSWORD = "Ledger-User-Pw-2026";
    private static final String API = "/api/v1/rectification";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(Exam.options(), Exam.postgres());
    }

    private static final Http ANONYMOUS = Http.speaking(null);
    private static final Map<String, Http> USERS = new HashMap<>();
    private static final Map<String, String> IDS = new HashMap<>();
    private static Organisation org;
    private static Http admin;

    @BeforeClass
    public static void organisation() {
        admin = PlatformContract.firstAdmin();
        org = new Organisation(admin);
        org.unit("C", "清源市纪委监委", "CITY", null);
        org.unit("D1", "东城区纪委监委", "DISTRICT", "C");
        org.unit("D2", "西城区纪委监委", "DISTRICT", "C");
        USERS.put("city", org.user("city-officer", "C", "supervisor", PASSWORD));
        USERS.put("d1", org.user("d1-officer", "D1", "supervisor", PASSWORD));
        USERS.put("d1Reporter", org.user("d1-reporter", "D1", "reporter", PASSWORD));
        USERS.put("d2", org.user("d2-officer", "D2", "supervisor", PASSWORD));
        Http.Reply leader = admin.post("/api/v1/people", "{\"name\":\"张书记\",\"unitId\":\"" + org.id("D1")
                + "\",\"topLeader\":true}");
        assertEquals(leader.toString(), 201, leader.status);
        IDS.put("leader", leader.json().get("id").asText());
    }

    private static Http as(String who) {
        return USERS.get(who);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(Exam.jdbcUrl(), System.getProperty("qinglian.test.jdbc.user",
                "postgres"), System.getProperty("qinglian.test.jdbc.password", ""));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode transition(String who, String action, String note) {
        JsonNode p = as(who).get(API + "/problems/" + IDS.get("problem")).json().get("problem");
        Http.Reply r = as(who).post(API + "/problems/" + IDS.get("problem") + "/transitions", "{\"action\":\"" + action
                + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}" , "application/json", p.get("version")
                .asText());
        assertEquals(r.toString(), 200, r.status);
        return r.json();
    }

    @Test
    public void a_installedOnTheRunningPortalTheLedgerServesAndSeedsItsCategories() {
        assertEquals(404, as("d1").get(API + "/problems").status);
        Modules.apply(admin, "qinglian-rectification", "install");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("d1").get(API + "/problems").status == 200);
        JsonNode categories = as("d1").get(API + "/categories").json();
        assertEquals(7, categories.size());
        assertEquals("政治建设", categories.get(0).get("labelZh").asText());
        assertEquals(200, ANONYMOUS.get("/modules/rectification/index.js").status);
        assertTrue(as("d1").get("/api/v1/portal/modules").body.contains("\"rectification/ledger\""));
        assertEquals("整改台账", as("d1").get("/ui/i18n/zh-CN.json").json().get("rectification.module.name").asText());
    }

    @Test
    public void b_aProblemIsRegisteredRectifiedWithEvidenceAndClosedByTheSupervisingUnit() {
        Http.Reply inspection = as("city").post(API + "/inspections", "{\"title\":\"2026年市委第一轮巡察\",\"source\":"
                + "\"CITY_INSPECTION\",\"unitId\":\"" + org.id("C") + "\",\"inspectedUnitIds\":[\"" + org.id("D1")
                + "\"],\"startDate\":\"2026-01-05\"}");
        assertEquals(inspection.toString(), 201, inspection.status);
        IDS.put("inspection", inspection.json().get("id").asText());
        Http.Reply problem = as("city").post(API + "/problems", "{\"inspectionId\":\"" + IDS.get("inspection")
                + "\",\"description\":\"“第一议题”制度落实不到位\",\"category\":\"political\",\"severity\":\"HIGH\","
                + "\"unitId\":\"" + org.id("D1") + "\",\"leaderId\":\"" + IDS.get("leader") + "\",\"measures\":["
                + "{\"content\":\"制定专项整改方案\",\"deadline\":\"2030-06-30\"}]}");
        assertEquals(problem.toString(), 201, problem.status);
        assertEquals("张书记", problem.json().get("leaderName").asText());
        IDS.put("problem", problem.json().get("id").asText());

        JsonNode started = transition("d1", "START", null);
        assertEquals("IN_PROGRESS", started.get("problem").get("status").asText());
        Http.Reply illegal = as("d1").post(API + "/problems/" + IDS.get("problem") + "/transitions",
                "{\"action\":\"CLOSE\",\"note\":\"x\"}", "application/json",
                started.get("problem").get("version").asText());
        assertEquals(illegal.toString(), 409, illegal.status);
        assertEquals("problem.rectification.illegalTransition", illegal.json().get("messageKey").asText());
        assertTrue(illegal.body, illegal.json().get("detail").asText().contains("整改中"));

        String measure = started.get("measures").get(0).get("id").asText();
        Http.Reply report = as("d1Reporter").post(API + "/problems/" + IDS.get("problem") + "/progress",
                "{\"text\":\"整改方案已印发\",\"measureId\":\"" + measure + "\",\"completesMeasure\":true}");
        assertEquals(report.toString(), 201, report.status);
        Http.Reply refused = as("d1Reporter").post(API + "/progress/" + report.json().get("id").asText()
                + "/attachments?filename=x.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(refused.toString(), 400, refused.status);
        assertEquals("file", refused.json().get("errors").get(0).get("field").asText());
        Http.Reply file = as("d1Reporter").post(API + "/progress/" + report.json().get("id").asText()
                + "/attachments?filename=%E6%95%B4%E6%94%B9%E6%96%B9%E6%A1%88.pdf", PDF);
        assertEquals(file.toString(), 201, file.status);
        assertEquals("整改方案.pdf", file.json().get("filename").asText());
        IDS.put("attachment", file.json().get("id").asText());

        JsonNode requested = transition("d1Reporter", "REQUEST_CLOSURE", null);
        assertEquals("CLOSURE_REQUESTED", requested.get("problem").get("status").asText());
        assertFalse(as("d1").get(API + "/problems/" + IDS.get("problem")).json().get("allowedActions").toString()
                .contains("CLOSE"));
        Http.Reply noNote = as("city").post(API + "/problems/" + IDS.get("problem") + "/transitions",
                "{\"action\":\"CLOSE\"}", "application/json", requested.get("problem").get("version").asText());
        assertEquals(noNote.toString(), 400, noNote.status);
        assertEquals("note", noNote.json().get("errors").get(0).get("field").asText());
        JsonNode closed = transition("city", "CLOSE", "经核查整改到位，同意销号");
        assertEquals("CLOSED", closed.get("problem").get("status").asText());
        assertEquals(5, closed.get("timeline").size());
        Http.Download evidence = as("city").download("/api/v1/attachments/" + IDS.get("attachment"));
        assertEquals(200, evidence.status());
        assertArrayEquals(PDF, evidence.body());
        assertTrue(admin.get("/api/v1/audit?size=100").body.contains("rectification.problem.close"));
    }

    @Test
    public void c_aSiblingUnitCannotSeeCountExportOrDownloadAnything() throws Exception {
        Http d2 = as("d2");
        assertEquals(0, d2.get(API + "/problems").json().get("total").asInt());
        assertEquals(0, d2.get(API + "/problems?unitId=" + org.id("D1") + "&subordinates=true").json().get("total")
                .asInt());
        assertEquals(404, d2.get(API + "/problems/" + IDS.get("problem")).status);
        assertEquals(404, d2.get(API + "/inspections/" + IDS.get("inspection")).status);
        assertEquals(0, d2.get(API + "/inspections").json().get("total").asInt());
        assertEquals(0, d2.get(API + "/statistics").json().get("total").asInt());
        assertEquals(404, d2.download("/api/v1/attachments/" + IDS.get("attachment")).status());
        assertEquals(404, d2.post(API + "/problems/" + IDS.get("problem") + "/progress", "{\"text\":\"x\"}").status);
        Http.Download export = d2.download(API + "/ledger.xlsx?unitId=" + org.id("D1"));
        assertEquals(200, export.status());
        Sheet sheet = XlsxReader.read(new ByteArrayInputStream(export.body())).sheets().get(0);
        assertFalse(sheet.text(), sheet.text().contains("第一议题"));
        assertEquals("no data rows", 2, sheet.lastRow());
        Http.Reply soap = d2.post("/services/RectificationService", envelope("<r:getProblem><id>" + IDS.get("problem")
                + "</id></r:getProblem>"), "text/xml; charset=UTF-8");
        assertEquals("a SOAP fault", 500, soap.status);
        assertTrue(soap.body, soap.body.contains("messageKey=\"problem.notFound\" status=\"404\""));
        Http.Reply list = d2.post("/services/RectificationService", envelope("<r:listProblems/>"),
                "text/xml; charset=UTF-8");
        assertEquals(list.toString(), 200, list.status);
        assertTrue(list.body, list.body.contains("<total>0</total>"));
        // the responsible unit and its supervisor see it
        assertEquals(1, as("d1").get(API + "/problems").json().get("total").asInt());
        Http.Reply mine = as("d1").post("/services/RectificationService", envelope("<r:listProblems/>"),
                "text/xml; charset=UTF-8");
        assertTrue(mine.body, mine.body.contains("<total>1</total>") && mine.body.contains("第一议题"));
        assertEquals(1, as("city").get(API + "/statistics").json().get("closed").asInt());
        // every GET of the module's OpenAPI document was asked above
        Set<String> gets = PlatformContract.getPaths(admin, API);
        assertEquals(Set.of(API + "/categories", API + "/inspections", API + "/inspections/{id}", API + "/ledger.xlsx",
                API + "/problems", API + "/problems/{id}", API + "/statistics"), gets);
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:r=\"http://qinglian.org/rectification/v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    @Test
    public void d_theEscalationJobRunTwicePostsNothingTwice() throws Exception {
        Http.Reply late = as("city").post(API + "/problems", "{\"inspectionId\":\"" + IDS.get("inspection")
                + "\",\"description\":\"谈心谈话开展不经常\",\"category\":\"team\",\"severity\":\"LOW\",\"unitId\":\""
                + org.id("D1") + "\",\"measures\":[{\"content\":\"每季度谈心谈话\",\"deadline\":\"2020-01-31\"}]}");
        assertEquals(late.toString(), 201, late.status);
        Http.Reply run = admin.post("/api/v1/jobs/rectification.escalation/run", "");
        assertEquals(run.toString(), 200, run.status);
        assertEquals("SUCCESS", run.json().get("lastOutcome").asText());
        long notices = count("select count(*) from pf_notice");
        long keys = count("select count(*) from pf_job_key");
        assertEquals("overdue told to the unit, escalated to the supervising unit", 2, notices);
        admin.post("/api/v1/jobs/rectification.escalation/run", "");
        assertEquals(notices, count("select count(*) from pf_notice"));
        assertEquals(keys, count("select count(*) from pf_job_key"));
        assertEquals(1, as("city").get("/api/v1/portal/notices").json().get("total").asInt());
        String card = as("d1").get("/api/v1/portal/dashboard").body;
        assertTrue(card, card.contains("逾期问题") && card.contains("谈心谈话开展不经常"));
        assertFalse("a sibling's card lists none of its problems",
                as("d2").get("/api/v1/portal/dashboard").body.contains("谈心谈话开展不经常"));
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from pf_outbox where published_at"
                + " is null") == 0);
        assertEquals(403, as("d1").post("/api/v1/jobs/rectification.escalation/run", "").status);
    }

    @Test
    public void e_uninstalledTheLedgerIsGoneAndReinstalledItsDataIsBack() throws Exception {
        long problems = count("select count(*) from rc_problem");
        Modules.apply(admin, "qinglian-rectification", "uninstall");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("d1").get(API + "/problems").status == 404);
        assertEquals(404, as("city").download("/api/v1/attachments/" + IDS.get("attachment")).status());
        assertEquals(problems, count("select count(*) from rc_problem"));
        Modules.apply(admin, "qinglian-rectification", "install");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("d1").get(API + "/problems").status == 200);
        assertEquals(problems, as("city").get(API + "/problems").json().get("total").asLong());
        assertEquals("CLOSED", as("d1").get(API + "/problems/" + IDS.get("problem")).json().get("problem")
                .get("status").asText());
        assertEquals(200, as("city").download("/api/v1/attachments/" + IDS.get("attachment")).status());
    }
}
