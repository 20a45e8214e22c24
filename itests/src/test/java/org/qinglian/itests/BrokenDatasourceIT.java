package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A datasource cfg that points at a database nobody listens on: the distribution must say so in
 * its log and answer health with 503 DOWN, and publish no half-working record endpoints.
 */
public class BrokenDatasourceIT {

    private static Installation installation;

    @BeforeClass
    public static void startWithBrokenDatasource() throws Exception {
        installation = Installation.unpack("broken");
        Files.writeString(installation.home.resolve(Exam.DATASOURCE_CFG), String.join("\n",
                "osgi.jdbc.driver.class = org.postgresql.Driver",
                "url = jdbc:postgresql://127.0.0.1:9/qinglian?connectTimeout=2",
                "user = qinglian",
                "password = wrong",
                "dataSourceName = qinglian",
                "pool = dbcp2",
                "xa = true", ""));
        installation.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> installation.log().contains("cannot migrate the platform schema")
                        && Http.speaking(null).get("/api/v1/health").status != 404);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (installation != null) {
            installation.close();
        }
    }

    @Test
    public void healthSaysDown() {
        Http.Reply health = Http.speaking(null).get("/api/v1/health");
        assertEquals(503, health.status);
        assertEquals("DOWN", health.json().get("status").asText());
    }

    @Test
    public void logNamesTheCfg() throws Exception {
        assertThat(installation.log(), containsString("Check etc/org.ops4j.datasource-qinglian.cfg"));
    }

    @Test
    public void recordEndpointsAreNotPublished() {
        assertEquals(404, Http.speaking(null).get("/api/v1/units").status);
    }
}
