package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The talk records' pages (关键少数谈话) in a real browser (Debian's headless Chromium at 1366×768)
 * against the booted distribution on PostgreSQL, with the feature qinglian-talks installed on the
 * running portal through the module installer. A supervisor of the city works with talks of a
 * district's leaders recorded over REST: the register lists them with their state tags and the
 * overdue follow-up, and records a new talk with the server's field errors shown beside the field;
 * a planned talk's detail records the talk (HOLD), which changes its state and its buttons, and
 * takes the signed record as a PDF; the plan page shows the year's talks and plans the missing
 * political talks; the coverage page draws its chart and lists the leadership member as missing
 * until his talk is held; the people roster shows a leader's talks on his timeline; and the pages
 * speak English. Every page is screenshotted under target/screenshots/ and must leave no error in
 * the browser console.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TalksBrowserIT {

    private static final String PASSWORD = "Talks-Browser-Pw-2026";
    private static final String API = "/api/v1/talks";
    private static final String REGISTER = "[data-route=\"talks/register\"]";
    private static final String GRID = "[data-testid=\"talks-register\"]";
    private static final String COVERAGE = "[data-testid=\"talks-coverage-people\"]";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(Exam.options(), Exam.postgres());
    }

    private static final Map<String, String> IDS = new HashMap<>();
    private static Organisation org;
    private static Http city;
    private static Browser browser;

    @BeforeClass
    public static void start() {
        Http anonymous = Http.speaking(null);
        Http admin = PlatformContract.firstAdmin();
        Modules.apply(admin, "qinglian-talks", "install");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> anonymous.get("/modules/talks/index.js").status == 200);
        org = new Organisation(admin);
        org.unit("C", "清源市纪委监委", "CITY", null);
        org.unit("D1", "东城区纪委监委", "DISTRICT", "C");
        city = org.user("city-officer", "C", "supervisor", PASSWORD);
        IDS.put("top", person(admin, "张书记", "D1", "topLeader"));
        IDS.put("member", person(admin, "李副书记", "D1", "leadershipMember"));
        IDS.put("cadre", person(admin, "王科长", "D1", null));
        IDS.put("officer", person(admin, "赵主任", "C", "inspectionCadre"));
        await().atMost(Duration.ofSeconds(30)).until(() -> city.get(API + "/talks").status == 200);

        String today = LocalDate.now().toString();
        // a political talk with the district's top leader, planned for today
        IDS.put("planned", created(city.post(API + "/talks", json("kind", "POLITICAL", "reason", "ANNUAL_PLAN",
                "unitId", org.id("C"), "plannedOn", today, "subjects", List.of(Map.of("personId", IDS.get("top"))),
                "conductorIds", List.of(IDS.get("officer"))))));
        // an admonishing talk held forty days ago whose follow-up is overdue: required with a deadline
        // ahead (a transition refuses a past one), then the deadline corrected to five days ago
        String held = LocalDate.now().minusDays(40).toString();
        String summary = "指出其分管领域公务接待不规范、接待清单填写不完整的问题，要求立即整改。";
        String followUp = "一个月内完成公务接待清单的补正和制度修订。";
        String admonishing = created(city.post(API + "/talks", json("kind", "ADMONISHING", "reason",
                "PROBLEM_CLUE", "unitId", org.id("C"), "heldOn", held, "place", "市纪委监委谈话室", "summary", summary,
                "subjects", List.of(Map.of("personId", IDS.get("top"))), "conductorIds", List.of(IDS.get("officer")))));
        IDS.put("admonishing", admonishing);
        Http.Reply required = city.post(API + "/talks/" + admonishing + "/transitions", json("action",
                "REQUIRE_FOLLOW_UP", "followUp", followUp, "followUpDeadline", LocalDate.now().plusDays(30).toString()),
                "application/json", version(admonishing));
        assertEquals(required.toString(), 200, required.status);
        Http.Reply corrected = city.put(API + "/talks/" + admonishing, json("kind", "ADMONISHING", "reason",
                "PROBLEM_CLUE", "unitId", org.id("C"), "heldOn", held, "place", "市纪委监委谈话室", "summary", summary,
                "subjects", List.of(Map.of("personId", IDS.get("top"))), "conductorIds", List.of(IDS.get("officer")),
                "followUp", followUp, "followUpDeadline", LocalDate.now().minusDays(5).toString()),
                version(admonishing));
        assertEquals(corrected.toString(), 200, corrected.status);
        JsonNode talk = corrected.json();
        assertEquals("FOLLOW_UP_PENDING", talk.get("status").asText());
        assertTrue(talk.toString(), talk.get("followUpOverdue").asBoolean());
        browser = new Browser();
    }

    /** A person of the roster in a unit (by key), with one flag or none; answers the id. */
    private static String person(Http admin, String name, String unit, String flag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("unitId", org.id(unit));
        if (flag != null) {
            body.put(flag, true);
        }
        Http.Reply r = admin.post("/api/v1/people", json(body));
        assertEquals(r.toString(), 201, r.status);
        return r.json().get("id").asText();
    }

    private static String created(Http.Reply r) {
        assertEquals(r.toString(), 201, r.status);
        return r.json().get("id").asText();
    }

    /** The talk's version, as its ETag and If-Match carry it. */
    private static String version(String id) {
        return city.get(API + "/talks/" + id).json().get("talk").get("version").asText();
    }

    private static String json(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return json(body);
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void noConsoleErrors(String page) {
        List<String> errors = browser.consoleErrors();
        assertTrue(page + ": errors in the browser console: " + errors, errors.isEmpty());
    }

    private static String row(String key) {
        return GRID + " .tabulator-row[data-talk-id=\"" + IDS.get(key) + "\"]";
    }

    private static String detail(String key) {
        return "[data-page=\"talks-talk\"][data-talk-id=\"" + IDS.get(key) + "\"]";
    }

    private static String coverageRow(String key) {
        return COVERAGE + " .tabulator-row[data-person-id=\"" + IDS.get(key) + "\"]";
    }

    /** Types into a Shoelace textarea (its inner textarea element), as a user does. */
    private static void typeText(String css, String value) {
        WebElement host = browser.find(css);
        WebElement area = host.getShadowRoot().findElement(By.cssSelector("textarea"));
        area.clear();
        area.sendKeys(value);
    }

    /** Picks an option of a Shoelace select, as a user does: opens it and clicks the option. */
    private static void pick(String select, String value) {
        browser.click(select);
        browser.find(select + "[open]");
        browser.click(select + " sl-option[value=\"" + value + "\"]");
        browser.gone(select + "[open]");
    }

    /**
     * Waits until the page's dialogs have closed and the toasts have gone, as a user does before
     * going on (the pointer leaves the toast, which stays while hovered).
     */
    private static void settle() {
        new Actions(browser.driver).moveToLocation(600, 20).perform();
        browser.gone("sl-dialog[open]");
        browser.gone("sl-alert[data-toast][open]");
    }

    @Test
    public void a_theRegisterListsTheTalksWithTheirStates() throws Exception {
        browser.open("/");
        browser.type("sl-input[name=\"username\"]", "city-officer");
        browser.type("sl-input[name=\"password\"]", PASSWORD);
        browser.click("[data-action=\"login\"]");
        browser.click(REGISTER);
        browser.find("[data-page=\"talks-register\"][data-route=\"talks/register\"]");
        browser.find(row("planned") + " sl-tag[data-status=\"PLANNED\"]");
        browser.find(row("admonishing") + " sl-tag[data-status=\"FOLLOW_UP_PENDING\"]");
        browser.find(row("admonishing") + " sl-badge[data-overdue=\"followUp\"]");
        assertFalse("a planned talk has no overdue badge", browser.has(row("planned") + " [data-overdue]"));
        browser.waitForText("谈话台账");
        browser.waitForText("张书记");
        browser.waitForText("约谈");
        browser.shot("talks-01-register");

        browser.click("sl-checkbox[name=\"followUpOverdue\"]");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.has(row("planned")) && browser.has(row("admonishing")));
        browser.shot("talks-02-register-overdue-only");
        browser.click("[data-action=\"reset\"]");
        browser.find(row("planned"));
        noConsoleErrors("register");
    }

    @Test
    public void b_aNewTalkShowsTheServersFieldErrorsThenIsRecorded() throws Exception {
        browser.click("[data-action=\"create-talk\"]");
        String form = "sl-dialog[data-dialog=\"talk\"][open] form[data-form=\"talk\"]";
        browser.find(form);
        pick(form + " sl-select[name=\"kind\"]", "REMINDER");
        pick(form + " sl-select[name=\"subjectUnitId\"]", org.id("D1"));
        pick(form + " sl-select[name=\"subjectPerson\"]", IDS.get("cadre"));
        browser.find(form + " tr[data-subject-row][data-person-id=\"" + IDS.get("cadre") + "\"]");
        // no planned date: the browser lets it through, the server names the field
        browser.click("[data-action=\"save-talk\"]");
        WebElement plannedOn = browser.find(form + " sl-input[name=\"plannedOn\"].ql-invalid");
        String message = plannedOn.getAttribute("help-text");
        assertTrue("the server's message beside the field: " + message, message != null
                && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        browser.find(form + " [data-form-error]");
        browser.shot("talks-03-new-talk-field-error");
        List<String> refused = browser.consoleErrors();
        assertTrue("only the refused request is logged: " + refused, !refused.isEmpty()
                && refused.stream().allMatch(e -> e.contains(API + "/talks") && e.contains("400")));

        browser.script("arguments[0].value = arguments[1]", plannedOn, LocalDate.now().plusDays(7).toString());
        browser.click("[data-action=\"save-talk\"]");
        browser.gone("sl-dialog[data-dialog=\"talk\"][open]");
        browser.waitForText("已登记谈话记录");
        JsonNode reminders = city.get(API + "/talks?kind=REMINDER&personId=" + IDS.get("cadre")).json();
        assertEquals(reminders.toString(), 1, reminders.get("total").asInt());
        IDS.put("reminder", reminders.get("items").get(0).get("id").asText());
        browser.find(row("reminder") + " sl-tag[data-status=\"PLANNED\"]");
        // a cadre without flags in the roster is talked to as "other"
        assertEquals("OTHER", reminders.get("items").get(0).get("subjects").get(0).get("role").asText());
        browser.shot("talks-04-new-talk-recorded");
        noConsoleErrors("new talk");
    }

    @Test
    public void c_theDetailRecordsTheTalkAndItsButtonsChange() throws Exception {
        settle();
        browser.click(row("planned") + " .tabulator-cell[tabulator-field=\"subjectNames\"]");
        browser.find(detail("planned") + "[data-status=\"PLANNED\"]");
        browser.find("[data-testid=\"talks-actions\"][data-actions=\"HOLD CANCEL\"]");
        browser.find("[data-testid=\"talks-subjects\"] tr[data-person-id=\"" + IDS.get("top") + "\"][data-role=\"TOP_LEADER\"]");
        browser.find("[data-testid=\"talks-timeline\"] li[data-timeline-action=\"CREATE\"]");
        browser.waitForText("赵主任");
        browser.shot("talks-05-detail-planned");

        browser.click("[data-testid=\"talks-transition-HOLD\"]");
        browser.find("sl-dialog[data-dialog=\"transition\"][open] form[data-transition=\"HOLD\"]");
        typeText("form[data-form=\"transition\"] sl-textarea[name=\"summary\"]",
                "听取其履行全面从严治党主体责任情况汇报，就落实“一岗双责”提出三点要求。");
        browser.shot("talks-06-hold-form");
        browser.click("[data-action=\"confirm-transition\"]");
        browser.find(detail("planned") + "[data-status=\"HELD\"]");
        browser.gone("[data-testid=\"talks-transition-HOLD\"]");
        browser.find("[data-testid=\"talks-actions\"][data-actions=\"REQUIRE_FOLLOW_UP CLOSE\"]");
        browser.find("[data-testid=\"talks-timeline\"] li[data-timeline-action=\"HOLD\"]");
        browser.waitForText("已办理“记录谈话”");
        JsonNode talk = city.get(API + "/talks/" + IDS.get("planned")).json();
        assertEquals("HELD", talk.get("talk").get("status").asText());
        assertEquals(LocalDate.now().toString(), talk.get("talk").get("heldOn").asText());
        browser.shot("talks-07-detail-held");
        noConsoleErrors("detail and HOLD");
    }

    @Test
    public void d_theSignedRecordIsUploaded() throws Exception {
        settle();
        Path scan = Files.createDirectories(Path.of("target", "evidence")).resolve("谈话记录（签字）.pdf").toAbsolutePath();
        Files.write(scan, PDF);
        browser.find("input[data-input=\"talk-attachment\"]").sendKeys(scan.toString());
        browser.find("[data-testid=\"talks-attachments\"] a[data-attachment-id]");
        browser.waitForText("谈话记录（签字）.pdf");
        browser.find("[data-testid=\"talks-timeline\"] li[data-timeline-action=\"ATTACH\"]");
        JsonNode attachments = city.get(API + "/talks/" + IDS.get("planned")).json().get("attachments");
        assertEquals(attachments.toString(), 1, attachments.size());
        assertEquals("谈话记录（签字）.pdf", attachments.get(0).get("filename").asText());
        String href = browser.find("[data-testid=\"talks-attachments\"] a[data-attachment-id]").getAttribute("href");
        assertTrue(href, href.endsWith("/api/v1/attachments/" + attachments.get(0).get("id").asText()));
        Http.Download file = city.download("/api/v1/attachments/" + attachments.get(0).get("id").asText());
        assertEquals(200, file.status());
        browser.script("document.querySelector('[data-section=\"attachments\"]').scrollIntoView()");
        browser.shot("talks-08-signed-record");
        noConsoleErrors("signed record");
    }

    @Test
    public void e_thePlanShowsTheYearAndPlansTheMissingPoliticalTalks() throws Exception {
        settle();
        browser.click("[data-route=\"talks/plan\"]");
        browser.find("[data-testid=\"talks-plan\"] tr[data-talk-id=\"" + IDS.get("planned") + "\"]");
        browser.find("[data-testid=\"talks-plan\"] tr[data-talk-id=\"" + IDS.get("reminder") + "\"]");
        browser.waitForText("年度谈话计划");
        browser.shot("talks-09-plan");

        browser.click("[data-testid=\"talks-plan-political\"]");
        browser.find("sl-dialog[data-dialog=\"plan-political\"][open]");
        pick("form[data-form=\"plan-political\"] sl-select[name=\"unitId\"]", org.id("D1"));
        browser.shot("talks-10-plan-political");
        browser.click("[data-action=\"confirm-plan-political\"]");
        // the top leader has his talk this year already: only the leadership member gets one
        browser.waitForText("已安排 1 人的政治谈话，1 人本年度已有安排");
        JsonNode planned = city.get(API + "/talks?kind=POLITICAL&personId=" + IDS.get("member")).json();
        assertEquals(planned.toString(), 1, planned.get("total").asInt());
        IDS.put("political", planned.get("items").get(0).get("id").asText());
        assertEquals("ANNUAL_PLAN", planned.get("items").get(0).get("reason").asText());
        browser.find("[data-testid=\"talks-plan\"] tr[data-talk-id=\"" + IDS.get("political") + "\"]");
        browser.shot("talks-11-plan-political-done");
        noConsoleErrors("plan");
    }

    @Test
    public void f_theCoverageChartsUnitsAndListsTheMemberMissingUntilCovered() throws Exception {
        settle();
        browser.click("[data-route=\"talks/coverage\"]");
        browser.find("[data-testid=\"talks-coverage-chart\"] canvas");
        browser.find(coverageRow("top") + "[data-covered=\"true\"]");
        browser.find(coverageRow("member") + "[data-covered=\"false\"]");
        assertEquals("2", browser.find("[data-figure=\"total\"] .ql-figure-value").getText().trim());
        assertEquals("1", browser.find("[data-figure=\"missing\"] .ql-figure-value").getText().trim());
        browser.shot("talks-12-coverage");

        browser.click("[data-testid=\"talks-coverage-missing\"]");
        browser.gone(coverageRow("top"));
        browser.find(coverageRow("member") + "[data-covered=\"false\"]");
        browser.shot("talks-13-coverage-missing-only");

        Http.Reply held = city.post(API + "/talks/" + IDS.get("political") + "/transitions", json("action", "HOLD",
                "heldOn", LocalDate.now().toString(), "summary", "开展年度政治谈话，听取其履职情况汇报。"),
                "application/json", version(IDS.get("political")));
        assertEquals(held.toString(), 200, held.status);
        browser.click(REGISTER);
        browser.find(row("planned"));
        browser.click("[data-route=\"talks/coverage\"]");
        browser.find(coverageRow("member") + "[data-covered=\"true\"]");
        browser.find("[data-testid=\"talks-coverage-chart\"] canvas");
        assertEquals("0", browser.find("[data-figure=\"missing\"] .ql-figure-value").getText().trim());
        browser.shot("talks-14-coverage-complete");
        noConsoleErrors("coverage");
    }

    @Test
    public void g_thePeopleRosterShowsTheLeadersTalksOnHisTimeline() throws Exception {
        browser.click("[data-route=\"admin/people\"]");
        browser.click(".tabulator-row[data-person-id=\"" + IDS.get("top") + "\"] [data-action=\"person-timeline\"]");
        String list = "sl-dialog[data-dialog=\"timeline\"][open] [data-testid=\"person-timeline\"]";
        browser.find(list + " li[data-timeline-route=\"talks/talks/" + IDS.get("planned") + "\"]");
        browser.find(list + " li[data-timeline-route=\"talks/talks/" + IDS.get("admonishing") + "\"]");
        browser.waitForText("政治谈话");
        browser.shot("talks-15-people-timeline");
        browser.click(list + " li[data-timeline-route=\"talks/talks/" + IDS.get("admonishing") + "\"] a");
        browser.find(detail("admonishing") + "[data-status=\"FOLLOW_UP_PENDING\"]");
        browser.find("[data-testid=\"talks-actions\"][data-actions=\"COMPLETE_FOLLOW_UP\"]");
        noConsoleErrors("people timeline");
    }

    @Test
    public void h_thePagesSpeakEnglish() throws Exception {
        settle();
        browser.click("[data-action=\"lang-en\"]");
        browser.waitForText("Talk register");
        browser.click(REGISTER);
        browser.find(row("admonishing") + " sl-badge[data-overdue]");
        browser.waitForText("Record a talk");
        browser.waitForText("Follow-up pending");
        browser.shot("talks-16-register-english");
        browser.click("[data-route=\"talks/coverage\"]");
        browser.find("[data-testid=\"talks-coverage-chart\"] canvas");
        browser.waitForText("Top leaders and leadership members");
        browser.shot("talks-17-coverage-english");
        browser.click("[data-action=\"lang-zh-CN\"]");
        browser.waitForText("谈话台账");
        noConsoleErrors("English");
    }
}
