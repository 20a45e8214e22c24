package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Installing modules on a live distribution (started as an operator starts it, on PostgreSQL, with
 * the test module's features repository registered but the feature not installed): the list and
 * dry run, who may, install/uninstall/reinstall under continuous REST load on the platform's
 * endpoints, KAR packs checked against the published checksums, and the desired feature set
 * across a restart and on a node with a fresh framework. Writes its figures to
 * target/install-figures.txt.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModuleInstallIT {

    private static final String FEATURE = "qinglian-testmodule";
    private static final String ITEMS = "/api/v1/testmod/items";
    private static final String FEATURES = "/api/v1/modules/features";
    private static final String PASSWORD = "Install-User-Pw-2026";
    private static final Path KAR = Path.of("testmodule", "target",
            "org.qinglian.itests.testmodule-" + System.getProperty("qinglian.version") + ".kar");

    private static Installation installation;
    private static Http admin;
    private static Organisation org;
    private static final StringBuilder FIGURES = new StringBuilder();

    @BeforeClass
    public static void start() throws Exception {
        Exam.resetPostgres();
        installation = Installation.unpack("modules");
        Path etc = installation.home.resolve("etc");
        Files.writeString(etc.resolve("org.ops4j.datasource-qinglian.cfg"), String.join("\n",
                "osgi.jdbc.driver.class = org.postgresql.Driver", "url = " + Exam.jdbcUrl(), "user = postgres",
                "password =", "dataSourceName = qinglian", "pool = dbcp2", "xa = true", ""));
        // the test module's features repository, resolved from the build's Maven repository
        Path mvn = etc.resolve("org.ops4j.pax.url.mvn.cfg");
        Files.writeString(mvn, Files.readString(mvn).replaceAll("(?m)^org.ops4j.pax.url.mvn.localRepository\\s*=.*$", "")
                + "\norg.ops4j.pax.url.mvn.localRepository = " + System.getProperty("maven.repo.local") + "\n");
        Path featuresCfg = etc.resolve("org.apache.karaf.features.cfg");
        Files.writeString(featuresCfg, Files.readString(featuresCfg).replaceFirst("featuresRepositories\\s*=\\s*\\\\?",
                "featuresRepositories = mvn:org.qinglian/org.qinglian.itests.testmodule/" + System.getProperty("qinglian.version")
                        + "/xml/features, \\\\"));
        Files.writeString(etc.resolve("qinglian-kars.sha256"), sha256(Files.readAllBytes(KAR)) + "  "
                + KAR.getFileName() + "\n", StandardOpenOption.APPEND);
        installation.start();
        admin = signInAdmin();
        org = new Organisation(admin);
        org.unit("C", "市纪委监委", "CITY", null);
        org.unit("D", "东区纪委监委", "DISTRICT", "C");
    }

    private static Http signInAdmin() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Http.speaking(null).get("/api/v1/health").status == 200
                        && Files.exists(installation.home.resolve("data/qinglian/initial-admin-password"))
                        && Http.speaking(null).get(FEATURES).status == 401);
        String initial = Files.readString(installation.home.resolve("data/qinglian/initial-admin-password")).trim();
        return Http.speaking(null).loginChanging("admin", initial, PlatformContract.ADMIN_PASSWORD);
    }

    @AfterClass
    public static void stop() throws Exception {
        Files.writeString(Path.of("target", "install-figures.txt"), FIGURES);
        System.out.print(FIGURES);
        if (installation != null) {
            installation.close();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonNode feature(Http who) {
        for (JsonNode f : who.get(FEATURES).json()) {
            if (f.get("name").asText().equals(FEATURE)) {
                return f;
            }
        }
        return null;
    }

    /** Starts a job and waits for its end; answers the job as it ended. */
    private static JsonNode runJob(String action) {
        Http.Reply started = admin.post(FEATURES + "/" + FEATURE + "/" + action, "");
        assertEquals(started.toString(), 202, started.status);
        String id = started.json().get("id").asText();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job[0] = admin.get(FEATURES + "/jobs/" + id).json();
            String state = job[0].get("state").asText();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        assertEquals(job[0].toString(), "SUCCEEDED", job[0].get("state").asText());
        return job[0];
    }

    @Test
    public void a_theModuleFeaturesOfTheBundledRepositoriesAndADryRun() {
        JsonNode f = feature(admin);
        assertTrue("the test module is offered", f != null);
        assertEquals("NOT_INSTALLED", f.get("state").asText());
        assertEquals("测试模块（仅用于集成测试）", f.get("description").asText());
        assertTrue(f.get("needs").toString().contains("qinglian-platform"));
        for (JsonNode x : admin.get(FEATURES).json()) {
            assertFalse("the platform is no module", x.get("name").asText().equals("qinglian-platform"));
        }
        JsonNode en = null;
        for (JsonNode x : Http.speaking("en").withSession(admin).get(FEATURES).json()) {
            en = x.get("name").asText().equals(FEATURE) ? x : en;
        }
        assertEquals("Test-only module of the integration tests", en.get("description").asText());

        Http.Reply preview = admin.get(FEATURES + "/" + FEATURE + "/preview?action=install");
        assertEquals(preview.toString(), 200, preview.status);
        assertTrue(preview.body, preview.json().get("install").toString().contains("org.qinglian.itests.testmodule"));
        assertEquals("installs never refresh", 0, preview.json().get("refresh").size());
        assertEquals("a dry run changes nothing", "NOT_INSTALLED", feature(admin).get("state").asText());
        assertEquals(404, admin.get(ITEMS).status);
        assertEquals(409, admin.get(FEATURES + "/" + FEATURE + "/preview?action=uninstall").status);
        assertEquals(404, admin.get(FEATURES + "/qinglian-nosuchmodule/preview?action=install").status);
        assertTrue("the API description names the change operation plainly", admin.get("/api/v1/openapi.json").body
                .contains("\"/api/v1/modules/features/{name}/{action}\""));
        assertEquals(404, admin.post(FEATURES + "/" + FEATURE + "/explode", "").status);
        Http.Reply badAction = admin.get(FEATURES + "/" + FEATURE + "/preview?action=explode");
        assertEquals(400, badAction.status);
        assertEquals("action", badAction.json().get("errors").get(0).get("field").asText());
    }

    @Test
    public void b_withoutThePermissionEveryInstallEndpointIsRefused() {
        Http supervisor = org.user("installsupervisor", "D", "supervisor", PASSWORD);
        Http districtAdmin = org.user("installdistrictadmin", "D", "unit-admin", PASSWORD);
        Http cityAdmin = org.user("installcityadmin", "C", "unit-admin", PASSWORD);
        String job = "/jobs/00000000-0000-4000-8000-000000000000";
        for (Http who : new Http[] {supervisor, districtAdmin}) {
            assertEquals(403, who.get(FEATURES).status);
            assertEquals(403, who.get(FEATURES + "/" + FEATURE + "/preview?action=install").status);
            for (String action : new String[] {"install", "uninstall", "upgrade"}) {
                assertEquals(action, 403, who.post(FEATURES + "/" + FEATURE + "/" + action, "").status);
            }
            assertEquals(403, who.get(FEATURES + "/jobs").status);
            assertEquals(403, who.get(FEATURES + job).status);
            assertEquals(403, who.post(FEATURES + "/kars?name=x.kar", "", "application/octet-stream").status);
        }
        assertEquals("problem.installTopUnitOnly", districtAdmin.get(FEATURES).json().get("messageKey").asText());
        assertEquals("the top unit's administrator may", 200, cityAdmin.get(FEATURES).status);
        assertEquals("NOT_INSTALLED", feature(admin).get("state").asText());
    }

    @Test
    public void c_installUninstallAndReinstallUnderLoadFailNoOtherRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        String[] paths = {"/api/v1/units?size=5", "/api/v1/health", "/api/v1/portal/modules", "/api/v1/people?size=5",
            "/api/v1/auth/session", "/api/v1/dictionaries", "/"};
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int offset = t;
            load.execute(() -> {
                HttpClient client = HttpClient.newHttpClient();
                for (int i = offset; running.get(); i++) {
                    String path = paths[i % paths.length];
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(Http.BASE + path))
                                .header("Cookie", admin.cookie()).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failures.add(path + " " + r.statusCode());
                        }
                    } catch (Exception e) {
                        failures.add(path + " " + e);
                    }
                    requests.incrementAndGet();
                }
            });
        }
        try {
            JsonNode installed = runJob("install");
            assertTrue(installed.get("steps").toString().contains("job.step.installing"));
            long served = awaitStatus(200, Duration.ofSeconds(10));
            JsonNode removed = runJob("uninstall");
            assertEquals(100, removed.get("progress").asInt());
            long gone = awaitGone(Duration.ofSeconds(1));
            runJob("install");
            long servedAgain = awaitStatus(200, Duration.ofSeconds(10));
            // the load goes on a moment after the last change
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
            FIGURES.append(String.format("module serving after install: %d ms; refused after uninstall: %d ms;"
                    + " serving after reinstall: %d ms%n", served, gone, servedAgain));
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
        FIGURES.append(String.format("requests to other endpoints during install/uninstall/reinstall: %d, failed: %d%n",
                requests.get(), failures.size()));
        assertTrue("failed requests outside the module: " + new ArrayList<>(failures), failures.isEmpty());
        assertTrue(requests.get() > 100);
        assertEquals("INSTALLED", feature(admin).get("state").asText());
        assertTrue(feature(admin).get("desired").asBoolean());
        JsonNode audit = admin.get("/api/v1/audit?action=module.install").json();
        assertEquals(2, audit.get("total").asLong());
        assertEquals("admin", audit.get("items").get(0).get("actor").asText());
        assertEquals(1, admin.get("/api/v1/audit?action=module.uninstall").json().get("total").asLong());
    }

    /** Milliseconds until the module's endpoint answers the status, at most the limit. */
    private static long awaitStatus(int status, Duration limit) {
        long t0 = System.nanoTime();
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(() -> admin.get(ITEMS).status == status);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long awaitGone(Duration limit) {
        long t0 = System.nanoTime();
        await().atMost(limit).pollInterval(Duration.ofMillis(20)).until(() -> {
            int s = admin.get(ITEMS).status;
            return s == 404 || s == 403;
        });
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    public void d_aKarPackIsInstalledOnlyIfItsChecksumWasPublished() throws Exception {
        byte[] genuine = Files.readAllBytes(KAR);
        byte[] tampered = genuine.clone();
        tampered[tampered.length / 2] ^= 0x01;
        Http.Reply refused = admin.post(FEATURES + "/kars?name=" + KAR.getFileName(), tampered);
        assertEquals(refused.toString(), 422, refused.status);
        assertEquals("problem.karNotPublished", refused.json().get("messageKey").asText());
        assertEquals(1, admin.get("/api/v1/audit?action=module.kar").json().get("total").asLong());
        Http.Reply notKar = admin.post(FEATURES + "/kars?name=evil.sh", genuine);
        assertEquals(400, notKar.status);
        assertEquals("name", notKar.json().get("errors").get(0).get("field").asText());

        Http.Reply accepted = admin.post(FEATURES + "/kars?name=" + KAR.getFileName(), genuine);
        assertEquals(accepted.toString(), 202, accepted.status);
        String id = accepted.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !admin.get(FEATURES + "/jobs/" + id).json().get("state")
                .asText().matches("QUEUED|RUNNING"));
        assertEquals("SUCCEEDED", admin.get(FEATURES + "/jobs/" + id).json().get("state").asText());
        assertEquals(200, admin.get(ITEMS).status);
    }

    @Test
    public void e_theDesiredSetSurvivesARestartAndBringsUpANewNode() throws Exception {
        installation.close();
        installation.start();
        awaitUp();
        await("a restarted node keeps its modules").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get(ITEMS).status == 200);
        assertFalse("nothing was applied: the node kept its features",
                installation.log().contains("Applying the desired feature set"));

        // a node with a fresh framework (no installed features of its own) on the same database
        installation.close();
        installation.deleteFrameworkCache();
        installation.start();
        awaitUp();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> admin.get(ITEMS).status == 200);
        assertTrue(installation.log().contains("Applying the desired feature set: INSTALL " + FEATURE));
    }

    @Test
    public void f_theConsoleDoesTheSameWithTheSameChecks() throws Exception {
        String out = installation.client("qinglian:module-uninstall " + FEATURE, "qinglian:module-install " + FEATURE,
                "qinglian:module-install " + FEATURE, "qinglian:module-install qinglian-platform");
        assertTrue(out, out.contains("正在卸载"));
        assertTrue(out, out.contains("UNINSTALL " + FEATURE + ": SUCCEEDED"));
        assertTrue(out, out.contains("INSTALL " + FEATURE + ": SUCCEEDED"));
        assertTrue("installing an installed feature is refused: " + out, out.contains("不允许执行 INSTALL"));
        assertTrue("the platform is not offered: " + out, out.contains("未找到功能模块特性（qinglian-platform）"));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get(ITEMS).status == 200);
        assertEquals(2, admin.get("/api/v1/audit?action=module.uninstall").json().get("total").asLong());
    }

    private static void awaitUp() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    admin = Http.speaking(null).login("admin", PlatformContract.ADMIN_PASSWORD);
                    return admin.get(FEATURES).status == 200;
                });
    }
}
