package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.jobs.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, killed with SIGKILL mid-solve and started again on the same H2 file: finished jobs are all there
 * and the job that was solving is re-queued and completes. Runs the first example scenario of the build.
 */
class JarKillRestartIT {

    private static final Path JAR = Path.of("target/computeplan.jar");

    @TempDir
    Path dataDir;

    @Test
    void killedServiceLosesNothingAndResumesItsJobs() throws Exception {
        assertThat(JAR).as("integration tests run after 'package'").exists();
        int port = freePort();
        Process first = start(port);
        String finishedId;
        String solvingId;
        String kind;
        try {
            Http http = new Http(port);
            awaitUp(http);
            JsonNode examples = http.get("/api/v1/examples").json();
            Assumptions.assumeTrue(examples.size() > 0, "no example scenarios in this build");
            kind = examples.get(0).get("kind").asText();
            String body = http.get(examples.get(0).get("href").asText()).body();
            String quick = withSeconds(body, 1);
            String slow = withSeconds(body, 60);
            finishedId = http.post("/api/v1/" + kind + "/jobs", quick)
                    .json()
                    .get("id")
                    .asText();
            await(http, kind, finishedId, j -> j.get("status").asText().matches("COMPLETED|STOPPED|FAILED"), 60);
            solvingId = http.post("/api/v1/" + kind + "/jobs", slow)
                    .json()
                    .get("id")
                    .asText();
            await(http, kind, solvingId, j -> "SOLVING".equals(j.get("status").asText()), 60);
            Thread.sleep(1500);
        } finally {
            first.destroyForcibly().waitFor();
        }
        Process second = start(port);
        try {
            Http http = new Http(port);
            awaitUp(http);
            JsonNode finished =
                    http.get("/api/v1/" + kind + "/jobs/" + finishedId).json();
            assertThat(finished.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(http.get("/api/v1/" + kind + "/jobs/" + finishedId + "/solution")
                            .status())
                    .isEqualTo(200);
            JsonNode resumed = await(
                    http,
                    kind,
                    solvingId,
                    j -> "SOLVING".equals(j.get("status").asText())
                            && j.at("/progress/attempts").asInt() == 2,
                    60);
            assertThat(resumed.at("/progress/attempts").asInt()).isEqualTo(2);
            assertThat(http.delete("/api/v1/" + kind + "/jobs/" + solvingId).status())
                    .isEqualTo(200);
            JsonNode stopped = await(
                    http, kind, solvingId, j -> "STOPPED".equals(j.get("status").asText()), 60);
            assertThat(stopped.get("score")).isNotNull();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process start(int port) throws IOException {
        Path log = dataDir.resolve("service-" + port + "-" + System.nanoTime() + ".log");
        return new ProcessBuilder(List.of(
                        javaBin(),
                        "-Xmx1g",
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + port,
                        "--computeplan.data-dir=" + dataDir,
                        "--computeplan.jobs.workers=1",
                        "--logging.level.root=WARN"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String withSeconds(String body, int seconds) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode node =
                (com.fasterxml.jackson.databind.node.ObjectNode) Http.JSON.readTree(body);
        node.putObject("termination").put("seconds", seconds);
        return node.toString();
    }

    private static void awaitUp(Http http) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not start");
    }

    private static JsonNode await(Http http, String kind, String id, Predicate<JsonNode> condition, int seconds) {
        return http.awaitJob(kind, id, condition, Duration.ofSeconds(seconds));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
