package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.testing.MaxSizeBodies;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in a JVM of its own with a 1 GB heap, hit by 14 validations and 14 submissions of the largest placement
 * problem at once (5,000 nodes, 50,000 workloads): every answer is a success or a refusal (4xx, or 429/503 with
 * Retry-After), the health check answers within a second throughout, and the heap never runs out.
 */
@Tag("slow")
class LoadLimitsSlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EACH = 14;

    @TempDir
    Path dataDir;

    @Test
    void largestBodiesAtOnceAreServedOrRefusedWithoutStallingTheHealthCheck() throws Exception {
        int port = freePort();
        // kept after the test: the service's own account of a failure
        Path log = Path.of("target/load-limits-service.log");
        Process service = start(port, log);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool())
                .build();
        String base = "http://localhost:" + port;
        HealthPoller health = new HealthPoller(client, base);
        try {
            awaitUp(client, base);
            ObjectNode problem = MaxSizeBodies.placement(5000, 50_000, 1);
            problem.putObject("termination").put("seconds", 5);
            String body = JSON.writeValueAsString(problem);
            System.out.printf("body %.1f MB%n", body.length() / 1e6);
            Thread poller = new Thread(health, "health-poller");
            poller.start();
            List<Answer> answers = new ArrayList<>(fire(client, base, body));
            // and one submission on its own, so that a job of the largest size is solved in this heap too
            Answer alone = post(client, base + "/api/v1/placement/jobs", body);
            assertThat(alone.status()).as(alone.toString()).isEqualTo(202);
            answers.add(alone);
            List<String> accepted = answers.stream()
                    .filter(a -> a.status() == 202)
                    .map(a -> a.body().get("id").asText())
                    .distinct()
                    .toList();
            awaitFinished(client, base, accepted);
            health.stop();
            poller.join();

            System.out.println("answers: "
                    + answers.stream()
                            .collect(Collectors.groupingBy(a -> a.path() + " " + a.status(), Collectors.counting())));
            System.out.printf(
                    "slowest answer %.2f s; health: %d polls, slowest %d ms%n",
                    answers.stream().mapToLong(Answer::millis).max().orElse(0) / 1000.0,
                    health.polls.get(),
                    health.slowestMillis.get());
            for (Answer a : answers) {
                assertThat(a.status()).as(a.toString()).isIn(200, 202, 400, 413, 422, 429, 503);
                if (a.status() == 429 || a.status() == 503) {
                    assertThat(a.retryAfter()).as(a.toString()).isNotNull();
                    assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                }
            }
            assertThat(answers).anyMatch(a -> a.status() == 200 || a.status() == 202);
            assertThat(health.failures.get())
                    .as("health checks not answered 200")
                    .isZero();
            assertThat(health.slowestMillis.get())
                    .as("slowest health check, ms")
                    .isLessThan(1000);
        } finally {
            health.stop();
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        String text = Files.readString(log);
        assertThat(text).doesNotContain("OutOfMemoryError");
    }

    private static List<Answer> fire(HttpClient client, String base, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * EACH);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                futures.add(pool.submit(() -> post(client, base + "/api/v1/placement/validate", body)));
                futures.add(pool.submit(() -> post(client, base + "/api/v1/placement/jobs", body)));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(5, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer post(HttpClient client, String url, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofMinutes(4))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // no answer at all (the connection broke): reported with the others, and fails the test
            return new Answer(
                    URI.create(url).getPath(), -1, null, e.toString(), null, (System.nanoTime() - start) / 1_000_000);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
        return new Answer(
                URI.create(url).getPath(),
                r.statusCode(),
                r.headers().firstValue("Retry-After").orElse(null),
                r.headers().firstValue("Content-Type").orElse(""),
                json,
                millis);
    }

    private static void awaitFinished(HttpClient client, String base, List<String> ids) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (String id : ids) {
            while (true) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/placement/jobs/" + id))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String status = JSON.readTree(r.body()).get("status").asText();
                if (status.matches("COMPLETED|STOPPED|FAILED")) {
                    System.out.println("job " + id + " " + status);
                    break;
                }
                assertThat(System.nanoTime()).as("job %s still %s", id, status).isLessThan(end);
                Thread.sleep(500);
            }
        }
    }

    record Answer(String path, int status, String retryAfter, String contentType, JsonNode body, long millis) {}

    /** GET /actuator/health every 100 ms: the slowest answer and the ones that were not 200. */
    private static final class HealthPoller implements Runnable {
        private final HttpClient client;
        private final String base;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong slowestMillis = new AtomicLong();
        final AtomicLong polls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();

        HealthPoller(HttpClient client, String base) {
            this.client = client;
            this.base = base;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                polls.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The application from the test's class path without the test classes, in a JVM with a 1 GB heap. */
    private Process start(int port, Path log) throws Exception {
        String classPath = Arrays.stream(
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                                .split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Xlog:gc:file=target/load-limits-gc.log",
                        "-cp",
                        classPath,
                        "dev.computeplan.ComputeplanApplication",
                        "--server.port=" + port,
                        "--computeplan.data-dir=" + dataDir,
                        "--logging.level.root=WARN"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitUp(HttpClient client, String base) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not start");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
