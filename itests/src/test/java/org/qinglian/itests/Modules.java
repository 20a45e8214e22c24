package org.qinglian.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Module features installed on the running portal as an administrator does it: through the installer's jobs. */
final class Modules {

    private Modules() {
    }

    /**
     * Installs, uninstalls or upgrades a feature and waits until its job succeeded.
     *
     * @param action {@code install}, {@code uninstall} or {@code upgrade}
     * @return the finished job
     */
    static JsonNode apply(Http admin, String feature, String action) {
        Http.Reply started = admin.post("/api/v1/modules/features/" + feature + "/" + action, "");
        assertEquals(started.toString(), 202, started.status);
        String id = started.json().get("id").asText();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = admin.get("/api/v1/modules/features/jobs/" + id).json();
            return Set.of("SUCCEEDED", "FAILED").contains(job[0].get("state").asText());
        });
        assertEquals(job[0].toString(), "SUCCEEDED", job[0].get("state").asText());
        return job[0];
    }
}
