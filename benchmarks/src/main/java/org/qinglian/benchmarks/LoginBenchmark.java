package org.qinglian.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Login latency with 4 concurrent logins against a running portal (Argon2id t=1, m=46 MiB, p=1
 * per login, bounded concurrency, a session row and an audit row written): sample mode, so JMH
 * prints p50 and p95. The portal and the benchmark user come from benchmarks/run.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(4)
public class LoginBenchmark {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpRequest login;

    @Setup
    public void setup() {
        String base = System.getProperty("qinglian.url", "http://localhost:8181");
        String body = "{\"username\":\"" + System.getProperty("qinglian.user", "bench") + "\",\"password\":\""
                + System.getProperty("qinglian.password", "Bench-Password-2026") + "\"}";
        login = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Benchmark
    public int login() throws Exception {
        HttpResponse<String> r = client.send(login, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().length();
    }
}
