package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution as shipped, started as an operator starts it, offline: no remote Maven
 * repository is configured and the process has an empty home folder (no ~/.m2). It must come up
 * on H2 within 60 s, install nothing from outside system/, and be operable with bin/client using
 * the console account generated at first start. Writes its figures to target/figures.txt.
 */
public class DistributionIT {

    private static Installation installation;
    private static long startMillis;

    @BeforeClass
    public static void startOffline() throws Exception {
        installation = Installation.unpack("offline");
        long t0 = System.nanoTime();
        installation.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> healthUp());
        startMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @AfterClass
    public static void stop() throws Exception {
        if (installation != null) {
            installation.close();
        }
    }

    private static boolean healthUp() {
        try {
            return Http.speaking(null).get("/api/v1/health").status == 200;
        } catch (IllegalStateException notYetListening) {
            return false;
        }
    }

    @Test
    public void upOnTheEmbeddedDatabaseWithinAMinute() throws Exception {
        Http.Reply health = Http.speaking(null).get("/api/v1/health");
        assertEquals("{\"status\":\"UP\",\"database\":\"H2\"}", health.body);
        assertTrue(Files.exists(installation.home.resolve("data/qinglian/h2/qinglian.mv.db")));
        long rss = installation.rssMiB();
        Path archive = Path.of(Exam.distribution());
        String figures = String.format("cold start to health UP: %d ms%nRSS after start: %d MiB%n"
                + "distribution archive: %.1f MiB (%s)%n", startMillis, rss, Files.size(archive) / 1048576.0,
                archive.getFileName());
        Files.writeString(Path.of("target", "figures.txt"), figures, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        System.out.print(figures);
    }

    @Test
    public void operatorConsoleWithGeneratedCredentials() throws Exception {
        Path password = installation.home.resolve("data/qinglian/console-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        String users = Files.readString(installation.home.resolve("etc/users.properties"));
        assertFalse("no clear-text password in users.properties", users.contains(Files.readString(password).trim()));
        assertThat(users, containsString("qinglian = {CRYPT}"));

        String out = installation.client("feature:list -i", "bundle:diag",
                "qinglian:unit-add --kind COMMISSION --level CITY --code console-city 控制台市纪委",
                "qinglian:unit-list --name 控制台",
                "qinglian:demo-data --scale huge",
                "qinglian:demo-data --scale small");
        assertThat(out, containsString("qinglian-platform"));
        assertThat(out, containsString("qinglian-persistence"));
        assertThat(out, not(containsString("Unsatisfied Requirements")));
        assertThat(out, not(containsString("Failure")));
        assertThat(out, containsString("控制台市纪委"));
        assertThat(out, containsString("1 of 1 units"));
        assertThat(out, containsString("格式不正确。 (--scale)"));
        assertThat("demo data goes into an empty database only", out, containsString("演示数据只能生成到空数据库中"));
    }

    @Test
    public void operatorSwitchesModulesFromTheConsole() throws Exception {
        String added = installation.client("bundle:install -s file:" + System.getProperty("qinglian.testmodule.jar"),
                "qinglian:unit-add --kind COMMISSION --level CITY --code module-city 模块测试市纪委");
        Matcher id = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(added);
        assertTrue(added, id.find());
        String unit = id.group();
        await().atMost(Duration.ofSeconds(30)).until(() -> installation.client("qinglian:module-list")
                .contains("1 modules installed"));
        // Karaf reads options before the arguments only
        String out = installation.client("qinglian:module-deactivate --unit " + unit + " testmod",
                "qinglian:module-list --unit " + unit,
                "qinglian:module-activate --inherit --unit " + unit + " testmod",
                "qinglian:module-activate --unit " + unit + " nosuchmodule",
                "qinglian:module-activate --unit not-a-unit testmod");
        assertThat(out, containsString("testmod: inactive (own setting)"));
        assertThat(out, containsString("测试模块 / Test module"));
        assertThat(out, containsString("no     | own"));
        assertThat(out, containsString("testmod: active (inherited)"));
        assertThat(out, containsString("未找到功能模块（nosuchmodule）"));
        assertThat(out, containsString("(--unit)"));
    }

    @Test
    public void firstAdminMustChangeTheGeneratedPassword() throws Exception {
        Path file = installation.home.resolve("data/qinglian/initial-admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String initial = Files.readString(file).trim();
        assertTrue(initial.length() >= 16);
        assertThat(installation.log(), not(containsString(initial)));

        Http anonymous = Http.speaking(null);
        Http.Reply login = anonymous.post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + initial + "\"}");
        assertEquals(login.toString(), 200, login.status);
        assertTrue(login.json().get("mustChangePassword").asBoolean());
        String cookie = login.header("Set-Cookie").orElseThrow();
        assertThat(cookie, containsString("HttpOnly"));
        assertThat(cookie, containsString("SameSite=Strict"));
        Http admin = anonymous.withSession(cookie.substring(0, cookie.indexOf(';')),
                login.json().get("csrfToken").asText());
        Http.Reply refused = admin.get("/api/v1/units");
        assertEquals(403, refused.status);
        assertEquals("problem.passwordChangeRequired", refused.json().get("messageKey").asText());
        assertEquals(200, admin.get("/api/v1/auth/me").status);
        assertEquals(204, admin.post("/api/v1/auth/password", "{\"oldPassword\":\"" + initial
                + "\",\"newPassword\":\"Operator-Chosen-2026\"}").status);
        Http changed = anonymous.login("admin", "Operator-Chosen-2026");
        assertEquals(200, changed.get("/api/v1/units").status);
    }

    @Test
    public void wrongConsolePasswordIsRefused() throws Exception {
        Process p = new ProcessBuilder("bin/client", "-u", "qinglian", "-p", "wrong-password", "-r", "1", "-b")
                .directory(installation.home.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write("bundle:list\n".getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        assertThat(out, not(containsString("Active")));
    }

    @Test
    public void nothingCameFromOutsideTheDistribution() throws Exception {
        String log = installation.log();
        assertThat(log, not(containsString("Error resolving artifact")));
        assertThat(log, not(containsString("repo1.maven.org")));
        assertFalse("no local Maven repository was used", Files.exists(installation.home.getParent()
                .resolve("empty-home/.m2")));
        assertThat(Files.readString(installation.home.resolve("etc/org.apache.karaf.shell.cfg")),
                containsString("sshHost = 127.0.0.1"));
    }
}
