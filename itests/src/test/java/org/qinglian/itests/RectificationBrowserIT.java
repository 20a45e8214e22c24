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
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rectification ledger's pages in a real browser (Debian's headless Chromium at 1366×768)
 * against the booted distribution on PostgreSQL, with the feature qinglian-rectification installed
 * on the running portal through the module installer: the ledger lists the problems registered
 * over REST (state tags, the overdue badge, the overdue filter), a problem's detail shows its
 * timeline, the START transition changes the state and the buttons, a progress report uploads its
 * evidence, the inspections page lists its inspection, the statistics page draws its three charts,
 * and the pages speak English too. Every page is screenshotted under target/screenshots/ and must
 * leave no error in the browser console.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RectificationBrowserIT {

    private static final String PASSWORD = "Ledger-Browser-Pw-2026";
    private static final String API = "/api/v1/rectification";
    private static final String LEDGER = "[data-route=\"rectification/ledger\"]";
    private static final String GRID = "[data-testid=\"rectification-problems\"]";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String REGISTERED = "“第一议题”制度落实不到位，学习研讨流于形式";
    private static final String OVERDUE = "公务接待管理不规范，接待清单填写不完整";
    private static final String IN_PROGRESS = "干部队伍结构不尽合理，年轻干部储备不足";

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(Exam.options(), Exam.postgres());
    }

    private static final Map<String, String> IDS = new HashMap<>();
    private static Organisation org;
    private static Http city;
    private static Http district;
    private static Browser browser;

    @BeforeClass
    public static void start() {
        Http anonymous = Http.speaking(null);
        Http admin = PlatformContract.firstAdmin();
        Modules.apply(admin, "qinglian-rectification", "install");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> anonymous.get("/modules/rectification/index.js").status == 200);
        org = new Organisation(admin);
        org.unit("C", "清源市纪委监委", "CITY", null);
        org.unit("D1", "东城区纪委监委", "DISTRICT", "C");
        city = org.user("city-officer", "C", "supervisor", PASSWORD);
        district = org.user("d1-officer", "D1", "supervisor", PASSWORD);
        Http.Reply leader = admin.post("/api/v1/people", "{\"name\":\"张书记\",\"unitId\":\"" + org.id("D1")
                + "\",\"topLeader\":true}");
        assertEquals(leader.toString(), 201, leader.status);
        await().atMost(Duration.ofSeconds(30)).until(() -> district.get(API + "/categories").status == 200);
        JsonNode categories = district.get(API + "/categories").json();
        assertEquals(categories.toString(), 7, categories.size());

        Http.Reply inspection = city.post(API + "/inspections", "{\"title\":\"2026年市委第一轮巡察\",\"source\":"
                + "\"CITY_INSPECTION\",\"unitId\":\"" + org.id("C") + "\",\"inspectedUnitIds\":[\"" + org.id("D1")
                + "\"],\"startDate\":\"2026-01-05\",\"endDate\":\"2026-02-28\",\"team\":\"组长：李明\"}");
        assertEquals(inspection.toString(), 201, inspection.status);
        IDS.put("inspection", inspection.json().get("id").asText());
        String future = LocalDate.now().plusMonths(6).toString();
        String past = LocalDate.now().minusDays(30).toString();
        IDS.put("registered", problem(REGISTERED, categories.get(0).get("code").asText(), "HIGH",
                leader.json().get("id").asText(), future));
        IDS.put("overdue", problem(OVERDUE, categories.get(3).get("code").asText(), "MEDIUM", null, past));
        IDS.put("inProgress", problem(IN_PROGRESS, categories.get(1).get("code").asText(), "LOW", null, future));
        JsonNode p = district.get(API + "/problems/" + IDS.get("inProgress")).json().get("problem");
        Http.Reply started = district.post(API + "/problems/" + IDS.get("inProgress") + "/transitions",
                "{\"action\":\"START\"}", "application/json", p.get("version").asText());
        assertEquals(started.toString(), 200, started.status);
        browser = new Browser();
    }

    /** Registers a problem of the district with one measure, as the city; answers its id. */
    private static String problem(String description, String category, String severity, String leaderId,
            String deadline) {
        Http.Reply r = city.post(API + "/problems", "{\"inspectionId\":\"" + IDS.get("inspection")
                + "\",\"description\":\"" + description + "\",\"category\":\"" + category + "\",\"severity\":\""
                + severity + "\",\"unitId\":\"" + org.id("D1") + "\""
                + (leaderId == null ? "" : ",\"leaderId\":\"" + leaderId + "\"")
                + ",\"measures\":[{\"content\":\"制定专项整改方案，明确责任分工和完成时限\",\"ownerName\":\"王五\","
                + "\"deadline\":\"" + deadline + "\",\"longTerm\":false,\"milestones\":[]}]}");
        assertEquals(r.toString(), 201, r.status);
        return r.json().get("id").asText();
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
        return GRID + " .tabulator-row[data-problem-id=\"" + IDS.get(key) + "\"]";
    }

    /** Types into a Shoelace textarea (its inner textarea element), as a user does. */
    private static void typeText(String css, String value) {
        WebElement host = browser.find(css);
        WebElement area = host.getShadowRoot().findElement(By.cssSelector("textarea"));
        area.clear();
        area.sendKeys(value);
    }

    /** Waits until a page's dialog has closed and the toasts have gone, as a user does before going on. */
    private static void settle() {
        browser.gone("sl-dialog[open]");
        browser.gone("sl-alert[open]");
    }

    @Test
    public void a_theLedgerListsTheRegisteredProblems() throws Exception {
        browser.open("/");
        browser.type("sl-input[name=\"username\"]", "d1-officer");
        browser.type("sl-input[name=\"password\"]", PASSWORD);
        browser.click("[data-action=\"login\"]");
        browser.click(LEDGER);
        browser.find("[data-page=\"rectification-ledger\"][data-route=\"rectification/ledger\"]");
        browser.find(row("registered"));
        browser.find(row("overdue"));
        browser.find(row("inProgress"));
        browser.waitForText(REGISTERED);
        browser.waitForText("整改台账");
        browser.find(row("registered") + " sl-tag[data-status=\"REGISTERED\"]");
        browser.find(row("inProgress") + " sl-tag[data-status=\"IN_PROGRESS\"]");
        browser.find(row("overdue") + " sl-badge[data-overdue]");
        assertFalse("a problem on time has no overdue badge", browser.has(row("registered") + " [data-overdue]"));
        browser.shot("rect-01-ledger");

        browser.click("sl-checkbox[name=\"overdue\"]");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.has(row("registered")) && browser.has(row("overdue")));
        browser.shot("rect-02-ledger-overdue-only");
        browser.click("[data-action=\"reset\"]");
        browser.find(row("registered"));
        noConsoleErrors("ledger");
    }

    @Test
    public void b_theDetailShowsItsTimelineAndStartChangesTheButtons() throws Exception {
        browser.click(row("registered") + " .tabulator-cell[tabulator-field=\"description\"]");
        String page = "[data-page=\"rectification-problem\"][data-problem-id=\"" + IDS.get("registered") + "\"]";
        browser.find(page + "[data-status=\"REGISTERED\"]");
        browser.find("[data-testid=\"rectification-timeline\"] li[data-timeline-action=\"REGISTER\"]");
        browser.find("[data-testid=\"rectification-measures\"] tr[data-measure-id]");
        browser.waitForText("张书记");
        browser.find("[data-testid=\"rectification-actions\"][data-actions=\"START\"]");
        browser.shot("rect-03-detail");

        browser.click("[data-testid=\"rectification-actions\"] sl-button[data-action=\"START\"]");
        browser.find("sl-dialog[data-dialog=\"transition\"][open]");
        browser.shot("rect-04-start-dialog");
        browser.click("[data-action=\"confirm-transition\"]");
        browser.find(page + "[data-status=\"IN_PROGRESS\"]");
        browser.gone("[data-testid=\"rectification-actions\"] sl-button[data-action=\"START\"]");
        browser.find("[data-testid=\"rectification-actions\"] sl-button[data-action=\"REQUEST_CLOSURE\"]");
        browser.find("[data-testid=\"rectification-timeline\"] li[data-timeline-action=\"START\"]");
        browser.waitForText("已办理“开始整改”");
        assertEquals("IN_PROGRESS", district.get(API + "/problems/" + IDS.get("registered")).json().get("problem")
                .get("status").asText());
        browser.shot("rect-05-started");
        noConsoleErrors("problem detail and START");
    }

    @Test
    public void c_aProgressReportUploadsItsEvidence() throws Exception {
        settle();
        Path evidence = Files.createDirectories(Path.of("target", "evidence")).resolve("整改方案.pdf").toAbsolutePath();
        Files.write(evidence, PDF);
        typeText("form[data-form=\"progress\"] sl-textarea[name=\"text\"]", "已印发专项整改方案，召开专题会议部署。");
        browser.find("input[data-input=\"evidence\"]").sendKeys(evidence.toString());
        browser.find("sl-tag[data-file=\"整改方案.pdf\"]");
        browser.click("[data-action=\"submit-progress\"]");
        browser.find("[data-testid=\"rectification-progress\"] a[data-attachment-id]");
        browser.waitForText("整改进展已报送");
        browser.find("[data-testid=\"rectification-timeline\"] li[data-timeline-action=\"PROGRESS\"]");
        JsonNode progress = district.get(API + "/problems/" + IDS.get("registered")).json().get("progress");
        assertEquals(progress.toString(), 1, progress.size());
        assertEquals("整改方案.pdf", progress.get(0).get("attachments").get(0).get("filename").asText());
        browser.script("document.querySelector('[data-section=\"progress\"]').scrollIntoView()");
        browser.shot("rect-06-progress");
        noConsoleErrors("progress report");
    }

    @Test
    public void d_theInspectionsPageListsTheInspection() throws Exception {
        settle();
        browser.click("[data-route=\"rectification/inspections\"]");
        browser.find("[data-testid=\"rectification-inspections\"] .tabulator-row[data-inspection-id=\""
                + IDS.get("inspection") + "\"]");
        browser.waitForText("2026年市委第一轮巡察");
        browser.shot("rect-07-inspections");
        noConsoleErrors("inspections");
    }

    @Test
    public void e_theStatisticsPageDrawsItsThreeCharts() throws Exception {
        browser.click("[data-route=\"rectification/statistics\"]");
        browser.find("[data-page=\"rectification-statistics\"]");
        for (String chart : new String[] {"by-unit", "by-category", "by-month"}) {
            browser.find("[data-chart=\"" + chart + "\"] canvas");
        }
        WebElement total = browser.find("[data-figure=\"total\"] .ql-figure-value");
        assertEquals("3", total.getText().trim());
        browser.find("[data-figure=\"overdue\"] .ql-figure-value.danger");
        browser.shot("rect-08-statistics");
        noConsoleErrors("statistics");
    }

    @Test
    public void f_thePagesSpeakEnglish() throws Exception {
        browser.click("[data-action=\"lang-en\"]");
        browser.waitForText("Include subordinates");
        browser.click(LEDGER);
        browser.find(row("overdue") + " sl-badge[data-overdue]");
        browser.waitForText("Register problem");
        browser.waitForText("Overdue");
        browser.shot("rect-09-ledger-english");
        browser.click("[data-action=\"lang-zh-CN\"]");
        browser.waitForText("整改台账");
        noConsoleErrors("English");
    }
}
