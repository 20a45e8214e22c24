package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/**
 * The portal in a real browser (Debian's headless Chromium at 1366×768) against the booted
 * distribution on PostgreSQL with the test-only module: the login page, the forced password
 * change, the menu made of the active modules, the module's own page, every admin page, a unit
 * admin switching the module off and the entry vanishing for that unit's user, the language
 * switch and logout. Every page is screenshotted under target/screenshots/ and must leave no
 * error in the browser console. Writes the time to first paint to target/browser-figures.txt.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PortalBrowserIT {

    private static final String PASSWORD = "Browser-User-Pw-2026";
    private static final String MODULE_ENTRY = "[data-route=\"testmod/items\"]";

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(OptionUtils.combine(Exam.options(), Exam.postgres()), Exam.testModule());
    }

    private static Organisation org;
    private static Browser browser;
    private static Http admin;

    @BeforeClass
    public static void start() {
        Http anonymous = Http.speaking(null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> anonymous.get("/api/v1/health").status == 200 && PlatformContract.adminCanSignIn()
                        && anonymous.get("/modules/testmod/index.js").status == 200);
        browser = new Browser();
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

    private static void signIn(String username, String password) {
        browser.open("/");
        browser.type("sl-input[name=\"username\"]", username);
        browser.type("sl-input[name=\"password\"]", password);
        browser.click("[data-action=\"login\"]");
    }

    private static void signOut() {
        browser.gone("sl-alert[open]"); // as a user waits for the last toast to go
        browser.click("[data-action=\"user-menu\"]");
        browser.click("sl-menu-item[data-action=\"logout\"]");
        browser.find("sl-input[name=\"username\"]");
    }

    @Test
    public void a_theLoginPageComesFirstInChinese() throws Exception {
        long t0 = System.nanoTime();
        browser.open("/");
        browser.find("sl-input[name=\"username\"]");
        long ready = (System.nanoTime() - t0) / 1_000_000;
        Object paint = browser.script("const e = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return e ? Math.round(e.startTime) : null;");
        String figures = String.format("shell first contentful paint: %s ms%nlogin form ready: %d ms%n", paint, ready);
        Files.writeString(Path.of("target", "browser-figures.txt"), figures);
        System.out.print(figures);
        assertEquals("zh-CN", browser.script("return document.documentElement.lang"));
        browser.waitForText("登录");
        browser.shot("01-login");
        noConsoleErrors("login");
    }

    @Test
    public void b_theFirstAdminMustChangeTheInitialPassword() throws Exception {
        signIn("admin", PlatformContract.INITIAL_ADMIN_PASSWORD);
        browser.find("sl-input[name=\"newPassword\"]");
        browser.waitForText("修改密码");
        browser.shot("02-forced-password-change");
        browser.type("sl-input[name=\"oldPassword\"]", PlatformContract.INITIAL_ADMIN_PASSWORD);
        browser.type("sl-input[name=\"newPassword\"]", PlatformContract.ADMIN_PASSWORD);
        browser.type("sl-input[name=\"confirmPassword\"]", PlatformContract.ADMIN_PASSWORD + "x");
        browser.click("[data-action=\"change-password\"]");
        browser.waitForText("两次输入的新密码不一致");
        browser.type("sl-input[name=\"confirmPassword\"]", PlatformContract.ADMIN_PASSWORD);
        browser.click("[data-action=\"change-password\"]");
        browser.find(MODULE_ENTRY);
        browser.waitForText("测试事项概况"); // the test module's dashboard card
        browser.find("[data-card=\"testmod/overview\"] canvas");
        browser.shot("03-dashboard");
        noConsoleErrors("forced password change and dashboard");
        admin = Http.speaking(null).login("admin", PlatformContract.ADMIN_PASSWORD);
    }

    @Test
    public void c_theModulePageRendersInsideThePortal() throws Exception {
        browser.click(MODULE_ENTRY);
        browser.find("[data-testid=\"testmod-items\"]");
        browser.waitForText("T-2");
        browser.shot("04-module-page");
        noConsoleErrors("module page");
    }

    @Test
    public void d_everyAdminPageOpensWithoutErrors() throws Exception {
        org = new Organisation(admin);
        org.unit("C", "市纪委监委", "CITY", null);
        org.unit("D", "东区纪委监委", "DISTRICT", "C");
        org.user("cityadmin", "C", "unit-admin", PASSWORD);
        org.user("eastuser", "D", "supervisor", PASSWORD);
        Map<String, String> pages = Map.of(
                "admin/units", "东区纪委监委",
                "admin/people", "",
                "admin/users", "eastuser",
                "admin/roles", "单位管理员",
                "admin/modules", "测试模块",
                "admin/audit", "unit.create",
                "todos", "",
                "notices", "");
        int n = 5;
        for (String route : new String[] {"admin/units", "admin/people", "admin/users", "admin/roles", "admin/modules",
            "admin/audit", "todos", "notices"}) {
            browser.click("[data-route=\"" + route + "\"]");
            if (!pages.get(route).isEmpty()) {
                browser.waitForText(pages.get(route));
            }
            browser.shot(String.format("%02d-%s", n++, route.replace('/', '-')));
            noConsoleErrors(route);
        }
    }

    @Test
    public void e_aUnitsUserSeesTheActiveModule() throws Exception {
        signOut();
        signIn("eastuser", PASSWORD);
        browser.find(MODULE_ENTRY);
        browser.waitForText("东区纪委监委");
        browser.shot("13-unit-user-menu");
        noConsoleErrors("unit user");
    }

    @Test
    public void f_aUnitAdminSwitchesTheModuleOffForTheDistrict() throws Exception {
        signOut();
        signIn("cityadmin", PASSWORD);
        browser.click("[data-route=\"admin/modules\"]");
        browser.click("sl-tree-item[data-unit-id=\"" + org.id("D") + "\"]");
        browser.click("sl-radio-group[data-module-id=\"testmod\"] sl-radio-button[data-action=\"module-off\"]");
        browser.shot("14-module-switched-off");
        noConsoleErrors("module activation");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/units/" + org.id("D") + "/modules")
                .body.contains("\"active\":false"));
    }

    @Test
    public void g_theEntryIsGoneForThatUnitsUser() throws Exception {
        signOut();
        signIn("eastuser", PASSWORD);
        browser.waitForText("东区纪委监委");
        browser.find("[data-route=\"dashboard\"]");
        assertFalse("the switched-off module is not in the menu", browser.has(MODULE_ENTRY));
        browser.shot("15-entry-gone");
        noConsoleErrors("menu without the module");
    }

    @Test
    public void h_theLanguageSwitchesToEnglishAndBack() throws Exception {
        browser.click("[data-action=\"lang-en\"]");
        browser.waitForText("Home");
        browser.waitForText("Sign out");
        assertEquals("en", browser.script("return document.documentElement.lang"));
        browser.shot("16-english");
        browser.click("[data-action=\"lang-zh-CN\"]");
        browser.waitForText("首页");
        noConsoleErrors("language switch");
    }

    @Test
    public void i_anAdministratorRemovesAndInstallsAModuleWithADryRunAndProgress() throws Exception {
        signOut();
        signIn("admin", PlatformContract.ADMIN_PASSWORD);
        browser.click("[data-route=\"admin/install\"]");
        String row = "[data-feature=\"qinglian-testmodule\"]";
        browser.click(row + "[data-action=\"preview-uninstall\"]");
        browser.find("sl-dialog[data-dialog=\"preview\"][open] [data-preview=\"uninstall\"]");
        browser.waitForText("org.qinglian.itests.testmodule");
        browser.shot("18-install-preview-uninstall");
        browser.click("[data-action=\"confirm-change\"]");
        browser.find("[data-job-state=\"SUCCEEDED\"]");
        browser.gone(MODULE_ENTRY);
        browser.shot("19-uninstalled");
        browser.click("[data-action=\"close-job\"]");
        browser.gone("[data-job-state]");

        browser.click(row + "[data-action=\"preview-install\"]");
        browser.find("sl-dialog[data-dialog=\"preview\"][open] [data-preview=\"install\"]");
        browser.click("[data-action=\"confirm-change\"]");
        browser.find("progress[data-job-progress]");
        browser.find("[data-job-state=\"SUCCEEDED\"]");
        browser.find(MODULE_ENTRY);
        browser.shot("20-installed-with-progress");
        noConsoleErrors("module installation");
    }

    @Test
    public void j_logoutReturnsToTheLoginPage() throws Exception {
        signOut();
        browser.shot("21-logged-out");
        assertEquals(200, Http.speaking(null).get("/api/v1/auth/session").status);
        noConsoleErrors("logout");
    }
}
