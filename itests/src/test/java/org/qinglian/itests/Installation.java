package org.qinglian.itests;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The distribution as an operator installs it: the archive unpacked into a fresh folder, started
 * with {@code bin/start}, driven with {@code bin/client}, stopped with {@code bin/stop}. Runs with
 * an empty home folder, so no Maven settings or local repository of the build machine can help.
 */
final class Installation implements AutoCloseable {

    final Path home;
    private final Path userHome;

    private Installation(Path home, Path userHome) {
        this.home = home;
        this.userHome = userHome;
    }

    static Installation unpack(String name) throws IOException, InterruptedException {
        Path root = Files.createDirectories(Path.of("target", "installations", name + "-" + System.nanoTime()))
                .toAbsolutePath();
        run(root, List.of("tar", "xzf", Exam.distribution(), "-C", root.toString()), Map.of(), 120);
        try (var entries = Files.list(root)) {
            Path home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
            return new Installation(home, Files.createDirectories(root.resolve("empty-home")));
        }
    }

    void start() throws IOException, InterruptedException {
        run(home, List.of("bin/start"), environment(), 60);
    }

    /** Deletes the framework's cache (bundles and installed features), as on a node set up afresh. */
    void deleteFrameworkCache() throws IOException {
        Path cache = home.resolve("data/cache");
        if (Files.exists(cache)) {
            try (var files = Files.walk(cache)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs console commands in batch mode as the operator account created at first start. */
    String client(String... commands) throws IOException, InterruptedException {
        String password = Files.readString(home.resolve("data/qinglian/console-password")).trim();
        ProcessBuilder pb = new ProcessBuilder("bin/client", "-u", "qinglian", "-p", password, "-r", "10", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment());
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        return out;
    }

    /** The Karaf JVM of this installation. */
    Optional<ProcessHandle> process() {
        // Karaf writes its pid to karaf.pid (karaf.pid.file); the command line is only a fallback,
        // because the path it shows may differ from ours (symlinked or bind-mounted work folders)
        Path pidFile = home.resolve("karaf.pid");
        try {
            if (Files.exists(pidFile)) {
                Optional<ProcessHandle> byPid = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
                if (byPid.isPresent() && byPid.get().isAlive()) {
                    return byPid;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // fall through to the command line
        }
        return ProcessHandle.allProcesses().filter(ph -> ph.info().commandLine()
                .map(c -> c.contains(home.toString()) && c.contains("org.apache.karaf.main.Main")).orElse(false))
                .findFirst();
    }

    /** Resident memory of the Karaf JVM in MiB, from /proc. */
    long rssMiB() throws IOException {
        long pid = process().orElseThrow(() -> new IllegalStateException("no Karaf process for " + home)).pid();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    String log() throws IOException {
        return Files.readString(home.resolve("data/log/karaf.log"));
    }

    @Override
    public void close() throws Exception {
        Optional<ProcessHandle> karaf = process();
        run(home, List.of("bin/stop"), environment(), 60);
        karaf.ifPresent(ph -> await().atMost(Duration.ofSeconds(60)).until(() -> !ph.isAlive()));
    }

    private Map<String, String> environment() {
        return Map.of("JAVA_HOME", System.getProperty("java.home.for.karaf", System.getProperty("java.home")),
                "HOME", userHome.toString(),
                "MAVEN_OPTS", "",
                "EXTRA_JAVA_OPTS", "-Duser.home=" + userHome);
    }

    private static void run(Path dir, List<String> command, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), "commands.log")));
        pb.environment().putAll(env);
        // the distribution as an operator starts it: the first admin's password is generated
        pb.environment().remove("QINGLIAN_ADMIN_PASSWORD");
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " failed in " + dir);
        }
    }
}
