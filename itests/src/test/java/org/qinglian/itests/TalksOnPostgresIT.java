package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.qinglian.platform.api.sheet.Workbook;
import org.qinglian.platform.api.sheet.XlsxReader;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The talks module in the real distribution on PostgreSQL, installed alone on the running portal
 * through the module installer: a talk's and a letter of inquiry's lifecycle over REST with the
 * signed record, need-to-know (a supervisor of the owning unit who is not a handler cannot read,
 * list, export or download a sensitive talk; its handler and the unit's leader can; every read
 * audited), what a sibling unit cannot see (list, get, coverage, export, SOAP, attachment,
 * timeline), the annual coverage and its plan, the person's timeline, then the cooperation with
 * the rectification ledger: refused while the ledger is missing, and once it is installed an
 * escalated measure proposes an admonishing talk once and a follow-up is raised into the ledger;
 * uninstall and reinstall with the data kept.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TalksOnPostgresIT {

    private static final String PASSWORD = "Talks-User-Pw-2026";
    private static final String API = "/api/v1/talks";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int YEAR = TODAY.getYear();

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
        person("topLeader", "张书记", "D1", "\"topLeader\":true");
        person("member", "李副书记", "D1", "\"leadershipMember\":true");
        person("conductor", "王主任", "C", "\"inspectionCadre\":true");
        person("cityLeader", "赵书记", "C", "\"topLeader\":true");
        USERS.put("handler", user("city-handler", "C", "supervisor", IDS.get("conductor")));
        USERS.put("city", user("city-officer", "C", "supervisor", null));
        USERS.put("leader", user("city-leader", "C", "leader", IDS.get("cityLeader")));
        USERS.put("d1", user("d1-officer", "D1", "supervisor", null));
        USERS.put("d2", user("d2-officer", "D2", "supervisor", null));
    }

    private static void person(String key, String name, String unit, String flags) {
        Http.Reply r = admin.post("/api/v1/people", "{\"name\":\"" + name + "\",\"unitId\":\"" + org.id(unit) + "\","
                + flags + "}");
        assertEquals(r.toString(), 201, r.status);
        IDS.put(key, r.json().get("id").asText());
    }

    /** A user of a unit with one role, linked to a person of the roster (or not), signed in. */
    private static Http user(String username, String unit, String role, String personId) {
        Http.Reply r = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"unitId\":\"" + org.id(unit)
                + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + PASSWORD + "-initial\""
                + (personId == null ? "" : ",\"personId\":\"" + personId + "\"") + "}");
        assertEquals(r.toString(), 201, r.status);
        return Http.speaking(null).loginChanging(username, PASSWORD + "-initial", PASSWORD);
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

    private static String talk(String who, String json) {
        Http.Reply r = as(who).post(API + "/talks", json);
        assertEquals(r.toString(), 201, r.status);
        return r.json().get("id").asText();
    }

    private static Http.Reply move(String who, String talk, String body) {
        JsonNode t = as(who).get(API + "/talks/" + talk).json().get("talk");
        return as(who).post(API + "/talks/" + talk + "/transitions", body, "application/json", t.get("version").asText());
    }

    private static JsonNode moved(String who, String talk, String body) {
        Http.Reply r = move(who, talk, body);
        assertEquals(r.toString(), 200, r.status);
        return r.json();
    }

    private static String subjects(String... keys) {
        StringBuilder s = new StringBuilder("[");
        for (String k : keys) {
            s.append(s.length() > 1 ? "," : "").append("{\"personId\":\"").append(IDS.get(k)).append("\"}");
        }
        return s.append("]").toString();
    }

    @Test
    public void a_installedAloneOnTheRunningPortalTalksServe() {
        assertEquals(404, as("city").get(API + "/talks").status);
        Modules.apply(admin, "qinglian-talks", "install");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("city").get(API + "/talks").status == 200);
        assertEquals(200, ANONYMOUS.get("/modules/talks/index.js").status);
        assertTrue(as("city").get("/api/v1/portal/modules").body.contains("\"talks/register\""));
        assertEquals("关键少数谈话", as("city").get("/ui/i18n/zh-CN.json").json().get("talks.module.name").asText());
        assertEquals(200, as("city").get("/services/TalkService?wsdl").status);
        assertEquals("the ledger is not installed", 404, as("city").get("/api/v1/rectification/problems").status);
    }

    @Test
    public void b_aTalkIsPlannedHeldFollowedUpAndAnInquirySentRepliedAssessed() {
        String political = talk("handler", "{\"kind\":\"POLITICAL\",\"reason\":\"ANNUAL_PLAN\",\"unitId\":\""
                + org.id("C") + "\",\"plannedOn\":\"" + TODAY + "\",\"subjects\":" + subjects("topLeader")
                + ",\"conductorIds\":[\"" + IDS.get("conductor") + "\"]}");
        IDS.put("political", political);
        JsonNode planned = as("handler").get(API + "/talks/" + political).json();
        assertEquals("PLANNED", planned.get("talk").get("status").asText());
        assertEquals("TOP_LEADER", planned.get("talk").get("subjects").get(0).get("role").asText());
        assertTrue(planned.get("allowedActions").toString(), planned.get("allowedActions").toString().contains("HOLD"));

        Http.Reply noSummary = move("handler", political, "{\"action\":\"HOLD\",\"heldOn\":\"" + TODAY + "\"}");
        assertEquals(noSummary.toString(), 400, noSummary.status);
        assertEquals("summary", noSummary.json().get("errors").get(0).get("field").asText());
        assertEquals("PLANNED", as("handler").get(API + "/talks/" + political).json().get("talk").get("status").asText());
        JsonNode held = moved("handler", political, "{\"action\":\"HOLD\",\"heldOn\":\"" + TODAY
                + "\",\"place\":\"委机关第一会议室\",\"summary\":\"传达全面从严治党部署要求，听取履责情况汇报\"}");
        assertEquals("HELD", held.get("talk").get("status").asText());
        JsonNode pending = moved("handler", political, "{\"action\":\"REQUIRE_FOLLOW_UP\",\"followUp\":"
                + "\"对照谈话指出的问题制定整改措施\",\"followUpDeadline\":\"" + TODAY.plusDays(30) + "\"}");
        assertEquals("FOLLOW_UP_PENDING", pending.get("talk").get("status").asText());
        Http.Reply illegal = move("handler", political, "{\"action\":\"HOLD\",\"heldOn\":\"" + TODAY
                + "\",\"summary\":\"x\"}");
        assertEquals(illegal.toString(), 409, illegal.status);
        assertEquals("problem.talks.illegalTransition", illegal.json().get("messageKey").asText());
        assertTrue(illegal.body, illegal.json().get("detail").asText().contains("待整改落实"));

        Http.Reply scan = as("handler").post(API + "/talks/" + political
                + "/attachments?filename=%E8%B0%88%E8%AF%9D%E8%AE%B0%E5%BD%95.pdf", PDF);
        assertEquals(scan.toString(), 201, scan.status);
        IDS.put("scan", scan.json().get("id").asText());
        assertEquals(200, as("handler").download("/api/v1/attachments/" + IDS.get("scan")).status());

        Http.Reply ledgerMissing = as("handler").post(API + "/talks/" + political + "/finding", "{}");
        assertEquals(ledgerMissing.toString(), 409, ledgerMissing.status);
        assertEquals("problem.talks.ledgerMissing", ledgerMissing.json().get("messageKey").asText());
        assertFalse(as("handler").get(API + "/talks/" + political).json().get("canRaiseFinding").asBoolean());

        String inquiry = talk("handler", "{\"kind\":\"INQUIRY\",\"reason\":\"PROBLEM_CLUE\",\"unitId\":\""
                + org.id("C") + "\",\"plannedOn\":\"" + TODAY + "\",\"subjects\":" + subjects("member") + "}");
        Http.Reply late = move("handler", inquiry, "{\"action\":\"SEND\",\"sentOn\":\"" + TODAY
                + "\",\"replyDeadline\":\"" + TODAY.minusDays(1) + "\"}");
        assertEquals(late.toString(), 400, late.status);
        assertEquals("replyDeadline", late.json().get("errors").get(0).get("field").asText());
        assertEquals("SENT", moved("handler", inquiry, "{\"action\":\"SEND\",\"sentOn\":\"" + TODAY
                + "\",\"replyDeadline\":\"" + TODAY.plusDays(15) + "\"}").get("talk").get("status").asText());
        assertEquals("REPLIED", moved("handler", inquiry, "{\"action\":\"RECORD_REPLY\",\"reply\":\"如实说明有关情况\"}")
                .get("talk").get("status").asText());
        JsonNode assessed = moved("handler", inquiry, "{\"action\":\"ASSESS\",\"assessment\":\"NOT_CREDIBLE\"}");
        assertEquals("NOT_CREDIBLE", assessed.get("assessment").asText());
        JsonNode closed = moved("handler", inquiry, "{\"action\":\"CLOSE\"}");
        assertEquals("CLOSED", closed.get("talk").get("status").asText());
        assertEquals(5, closed.get("timeline").size());
        assertTrue(admin.get("/api/v1/audit?action=talks.talk.assess").json().get("total").asLong() == 1);

        Http.Reply bad = as("handler").post(API + "/talks", "{\"kind\":\"REMINDER\",\"reason\":\"ROUTINE\",\"unitId\":\""
                + org.id("C") + "\",\"subjects\":[{\"personId\":\"00000000-0000-0000-0000-000000000000\"}]}");
        assertEquals(bad.toString(), 400, bad.status);
        assertTrue(bad.body, bad.body.contains("\"plannedOn\""));
    }

    @Test
    public void c_aSensitiveTalkIsReadOnlyByItsHandlersAndTheUnitsLeaders() throws Exception {
        String sensitive = talk("handler", "{\"kind\":\"REMINDER\",\"reason\":\"PROBLEM_CLUE\",\"sensitivity\":"
                + "\"SENSITIVE\",\"unitId\":\"" + org.id("C") + "\",\"heldOn\":\"" + TODAY + "\",\"summary\":"
                + "\"就反映的苗头性问题谈话提醒\",\"subjects\":" + subjects("member") + ",\"conductorIds\":[\""
                + IDS.get("conductor") + "\"]}");
        IDS.put("sensitive", sensitive);
        Http.Reply file = as("handler").post(API + "/talks/" + sensitive + "/attachments?filename=record.pdf", PDF);
        assertEquals(file.toString(), 201, file.status);

        assertEquals(200, as("handler").get(API + "/talks/" + sensitive).status);
        assertEquals("the leader of the owning unit", 200, as("leader").get(API + "/talks/" + sensitive).status);
        Http city = as("city");
        assertEquals("a supervisor of the same unit who is not a handler", 404,
                city.get(API + "/talks/" + sensitive).status);
        long seen = as("handler").get(API + "/talks").json().get("total").asLong();
        assertEquals("neither listed nor counted", seen - 1, city.get(API + "/talks").json().get("total").asLong());
        assertFalse(city.get(API + "/talks?sensitivity=SENSITIVE").body.contains(sensitive));
        assertEquals(404, city.download("/api/v1/attachments/" + file.json().get("id").asText()).status());
        assertEquals(404, city.post(API + "/talks/" + sensitive + "/attachments?filename=x.pdf", PDF).status);
        Http.Download export = city.download(API + "/talks.xlsx");
        assertEquals(200, export.status());
        String cells = XlsxReader.read(new ByteArrayInputStream(export.body())).sheets().get(0).text();
        assertTrue(cells, cells.contains("张书记") && !cells.contains("谈话提醒"));
        assertFalse("the timeline of the person leaves it out", city.get("/api/v1/people/" + IDS.get("member")
                + "/timeline").body.contains(sensitive));
        assertTrue(as("handler").get("/api/v1/people/" + IDS.get("member") + "/timeline").body.contains(sensitive));

        JsonNode reads = admin.get("/api/v1/audit?action=talks.talk.read&recordId=" + sensitive + "&size=50").json();
        Set<String> outcomes = new TreeSet<>();
        reads.get("items").forEach(e -> outcomes.add(e.get("actor").asText() + ":" + e.get("outcome").asText()));
        assertTrue(outcomes.toString(), outcomes.containsAll(Set.of("city-handler:SUCCESS", "city-leader:SUCCESS",
                "city-officer:DENIED")));
    }

    @Test
    public void d_aSiblingUnitCannotSeeCountExportOrDownloadAnything() throws Exception {
        Http d2 = as("d2");
        assertEquals(0, d2.get(API + "/talks").json().get("total").asInt());
        assertEquals(0, d2.get(API + "/talks?unitId=" + org.id("C") + "&subordinates=true").json().get("total").asInt());
        assertEquals(404, d2.get(API + "/talks/" + IDS.get("political")).status);
        assertEquals(404, d2.download("/api/v1/attachments/" + IDS.get("scan")).status());
        assertEquals(404, d2.post(API + "/talks/" + IDS.get("political") + "/finding", "{}").status);
        assertEquals(0, d2.get(API + "/coverage?year=" + YEAR + "&unitId=" + org.id("D1")).json().get("total").asInt());
        assertEquals(0, d2.get(API + "/coverage/people?year=" + YEAR).json().get("total").asInt());
        assertEquals(0, d2.get(API + "/plans/" + YEAR).json().get("held").asInt());
        Workbook sheets = XlsxReader.read(new ByteArrayInputStream(d2.download(API + "/talks.xlsx").body()));
        assertEquals("title, subtitle and header only", 2, sheets.sheets().get(0).lastRow());
        assertFalse(XlsxReader.read(new ByteArrayInputStream(d2.download(API + "/coverage.xlsx?year=" + YEAR).body()))
                .sheets().get(0).text().contains("张书记"));
        assertEquals(404, d2.get("/api/v1/people/" + IDS.get("topLeader") + "/timeline").status);
        Http.Reply soap = d2.post("/services/TalkService", envelope("<t:getTalk><id>" + IDS.get("political")
                + "</id></t:getTalk>"), "text/xml; charset=UTF-8");
        assertEquals("a SOAP fault", 500, soap.status);
        assertTrue(soap.body, soap.body.contains("status=\"404\""));
        Http.Reply list = d2.post("/services/TalkService", envelope("<t:listTalks/>"), "text/xml; charset=UTF-8");
        assertEquals(list.toString(), 200, list.status);
        assertTrue(list.body, list.body.contains("<total>0</total>"));
        // the owning unit sees them, over SOAP too; the district whose leaders were talked to does not (a superior's records)
        Http.Reply mine = as("city").post("/services/TalkService", envelope("<t:listTalks/>"), "text/xml; charset=UTF-8");
        assertTrue(mine.body, mine.body.contains("<total>2</total>") && mine.body.contains("张书记"));
        assertEquals(0, as("d1").get(API + "/talks").json().get("total").asInt());
        // every GET of the module's OpenAPI document was asked above
        Set<String> gets = PlatformContract.getPaths(admin, API);
        assertEquals(Set.of(API + "/talks", API + "/talks/{id}", API + "/talks.xlsx", API + "/plans/{year}",
                API + "/coverage", API + "/coverage/people", API + "/coverage.xlsx"), gets);
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:t=\"http://qinglian.org/talks/v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    @Test
    public void e_theCoverageCountsHeldPoliticalTalksAndThePlanFillsTheGaps() throws Exception {
        String query = "?year=" + YEAR + "&unitId=" + org.id("C") + "&subordinates=true";
        JsonNode coverage = as("city").get(API + "/coverage" + query).json();
        assertEquals(coverage.toString(), 3, coverage.get("total").asInt());
        assertEquals("张书记's political talk was held", 1, coverage.get("covered").asInt());
        JsonNode missing = as("city").get(API + "/coverage/people" + query + "&missing=true").json();
        assertEquals(2, missing.get("total").asInt());
        assertTrue(missing.toString(), missing.toString().contains("李副书记") && missing.toString().contains("赵书记"));
        Http.Reply planned = as("city").post(API + "/plans/" + YEAR + "/political", "{\"unitId\":\"" + org.id("C")
                + "\",\"subordinates\":true}");
        assertEquals(planned.toString(), 200, planned.status);
        assertEquals(2, planned.json().get("created").asInt());
        assertEquals(1, planned.json().get("skipped").asInt());
        assertEquals(0, as("city").post(API + "/plans/" + YEAR + "/political", "{\"unitId\":\"" + org.id("C")
                + "\",\"subordinates\":true}").json().get("created").asInt());
        assertEquals("planned talks do not cover", 1, as("city").get(API + "/coverage" + query).json().get("covered")
                .asInt());
        JsonNode plan = as("city").get(API + "/plans/" + YEAR).json();
        assertEquals(12, plan.get("months").size());
        assertTrue(plan.get("planned").asInt() >= 2);
        Workbook sheet = XlsxReader.read(new ByteArrayInputStream(as("city").download(API + "/coverage.xlsx" + query)
                .body()));
        assertEquals(2, sheet.sheets().size());
        assertTrue(sheet.sheets().get(0).text(), sheet.sheets().get(0).text().contains("张书记"));
        Http.Reply badYear = as("city").get(API + "/plans/19");
        assertEquals(badYear.toString(), 400, badYear.status);
        assertEquals("year", badYear.json().get("errors").get(0).get("field").asText());
        String card = as("city").get("/api/v1/portal/dashboard").body;
        assertTrue(card, card.contains("关键少数谈话") && card.contains("尚未政治谈话"));
        JsonNode timeline = as("city").get("/api/v1/people/" + IDS.get("topLeader") + "/timeline").json();
        assertTrue(timeline.toString(), timeline.size() >= 1 && "talks".equals(timeline.get(0).get("module").asText())
                && "政治谈话".equals(timeline.get(0).get("title").asText()));
    }

    @Test
    public void f_withTheLedgerInstalledAnEscalationProposesAnAdmonishingTalkOnceAndAFollowUpIsRaised()
            throws Exception {
        Modules.apply(admin, "qinglian-rectification", "install");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("city").get("/api/v1/rectification/problems").status == 200);
        Http.Reply inspection = as("city").post("/api/v1/rectification/inspections", "{\"title\":\"2026年市委第一轮巡察\","
                + "\"source\":\"CITY_INSPECTION\",\"unitId\":\"" + org.id("C") + "\",\"inspectedUnitIds\":[\""
                + org.id("D1") + "\"],\"startDate\":\"2026-01-05\"}");
        assertEquals(inspection.toString(), 201, inspection.status);
        Http.Reply problem = as("city").post("/api/v1/rectification/problems", "{\"inspectionId\":\""
                + inspection.json().get("id").asText() + "\",\"description\":\"谈心谈话开展不经常\",\"category\":\"team\","
                + "\"severity\":\"LOW\",\"unitId\":\"" + org.id("D1") + "\",\"leaderId\":\"" + IDS.get("member")
                + "\",\"measures\":[{\"content\":\"每季度谈心谈话\",\"deadline\":\"2020-01-31\"}]}");
        assertEquals(problem.toString(), 201, problem.status);
        assertEquals(0, as("city").get(API + "/talks?proposed=true").json().get("total").asInt());
        Http.Reply run = admin.post("/api/v1/jobs/rectification.escalation/run", "");
        assertEquals(run.toString(), 200, run.status);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> as("city").get(API + "/talks?proposed=true").json().get("total").asInt() == 1);
        JsonNode proposal = as("city").get(API + "/talks?proposed=true").json().get("items").get(0);
        assertEquals("ADMONISHING", proposal.get("kind").asText());
        assertEquals("OVERDUE_RECTIFICATION", proposal.get("reason").asText());
        assertEquals("owned by the supervising unit", org.id("C"), proposal.get("unitId").asText());
        assertEquals("张书记、李副书记", proposal.get("subjectNames").asText());
        assertEquals("rectification/problems/" + problem.json().get("id").asText(), proposal.get("sourceRoute").asText());
        assertTrue(as("city").get("/api/v1/portal/notices").body.contains("建议约谈"));
        admin.post("/api/v1/jobs/rectification.escalation/run", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from pf_outbox where published_at"
                + " is null") == 0);
        assertEquals("the same escalation proposes nothing twice", 1,
                count("select count(*) from tk_talk where source_module = 'rectification'"));

        String political = IDS.get("political");
        assertTrue(as("handler").get(API + "/talks/" + political).json().get("canRaiseFinding").asBoolean());
        Http.Reply raised = as("handler").post(API + "/talks/" + political + "/finding", "{\"severity\":\"HIGH\"}");
        assertEquals(raised.toString(), 200, raised.status);
        assertTrue(raised.json().get("created").asBoolean());
        String route = raised.json().get("route").asText();
        assertTrue(route, route.startsWith("rectification/problems/"));
        JsonNode ledgerProblem = as("d1").get("/api/v1/rectification/problems/" + raised.json().get("recordId").asText())
                .json().get("problem");
        assertEquals("对照谈话指出的问题制定整改措施", ledgerProblem.get("description").asText());
        assertEquals("talks", ledgerProblem.get("sourceModule").asText());
        assertEquals(route, as("handler").get(API + "/talks/" + political).json().get("talk").get("findingRoute").asText());
        assertFalse(as("handler").post(API + "/talks/" + political + "/finding", "{}").json().get("created").asBoolean());
    }

    @Test
    public void g_uninstalledTalksAreGoneAndReinstalledTheirDataIsBack() throws Exception {
        long talks = count("select count(*) from tk_talk");
        Modules.apply(admin, "qinglian-talks", "uninstall");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("city").get(API + "/talks").status == 404);
        assertEquals(404, as("handler").download("/api/v1/attachments/" + IDS.get("scan")).status());
        assertEquals(200, as("city").get("/api/v1/rectification/problems").status);
        assertEquals(talks, count("select count(*) from tk_talk"));
        Modules.apply(admin, "qinglian-talks", "install");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("city").get(API + "/talks").status == 200);
        assertEquals("FOLLOW_UP_PENDING", as("handler").get(API + "/talks/" + IDS.get("political")).json().get("talk")
                .get("status").asText());
        assertEquals(200, as("handler").download("/api/v1/attachments/" + IDS.get("scan")).status());
    }
}
