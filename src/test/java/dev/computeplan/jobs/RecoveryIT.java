package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.ComputeplanApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts on one real H2 file: jobs survive, and jobs left solving resume from their best solution
 * (the countdown kind counts on from a warm start instead of from zero).
 */
class RecoveryIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "--server.port=0",
                "--computeplan.data-dir=" + dataDir,
                "--computeplan.jobs.workers=1",
                "--computeplan.jobs.poll-interval=100ms",
                "--computeplan.jobs.best-save-interval=10ms",
                "--computeplan.jobs.lease=2s"));
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(ComputeplanApplication.class, TestKindConfig.class)
                .run(props.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext ctx) {
        return new Http(((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    private static JsonNode await(Http http, String id, Predicate<JsonNode> condition) {
        return http.awaitJob("countdown", id, condition, Duration.ofSeconds(30));
    }

    @Test
    void finishedJobsSurviveARestartAndASolvingJobResumesFromItsBest() throws Exception {
        String finished;
        String running;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            finished = http.post("/api/v1/countdown/jobs", "{\"target\": 2, \"stepMillis\": 10, \"items\": []}")
                    .json()
                    .get("id")
                    .asText();
            await(http, finished, j -> "COMPLETED".equals(j.get("status").asText()));
            running = http.post("/api/v1/countdown/jobs", "{\"target\": 40, \"stepMillis\": 100, \"items\": []}")
                    .json()
                    .get("id")
                    .asText();
            await(http, running, j -> j.at("/progress/bestSolutions").asInt() >= 5);
        }
        // the graceful shutdown itself gave the job back: queued, no owner, its best solution and time spent kept
        try (java.sql.Connection db =
                        java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/computeplan", "sa", "");
                java.sql.PreparedStatement q =
                        db.prepareStatement("SELECT status, owner, solution, solved_ms FROM solve_job WHERE id = ?")) {
            q.setString(1, running);
            try (java.sql.ResultSet row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("QUEUED");
                assertThat(row.getString("owner")).isNull();
                assertThat(row.getString("solution")).contains("\"reached\"");
                assertThat(row.getLong("solved_ms")).isPositive();
            }
        }
        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            JsonNode done = http.get("/api/v1/countdown/jobs/" + finished).json();
            assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(http.get("/api/v1/countdown/jobs/" + finished + "/solution")
                            .json()
                            .get("reached")
                            .asInt())
                    .isEqualTo(2);

            JsonNode resumed =
                    await(http, running, j -> "COMPLETED".equals(j.get("status").asText()));
            assertThat(resumed.at("/progress/attempts").asInt()).isEqualTo(2);
            JsonNode solution =
                    http.get("/api/v1/countdown/jobs/" + running + "/solution").json();
            assertThat(solution.get("reached").asInt()).isEqualTo(40);
            assertThat(solution.get("warmStarted").asBoolean()).isTrue();
        }
    }

    @Test
    void aJobHeldByACrashedReplicaIsRequeuedWhenItsLeaseRunsOut() throws Exception {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            id = http.post("/api/v1/countdown/jobs", "{\"target\": 20, \"stepMillis\": 100, \"items\": []}")
                    .json()
                    .get("id")
                    .asText();
            await(http, id, j -> j.at("/progress/bestSolutions").asInt() >= 3);
        }
        // Leave the row as a replica that died mid-solve leaves it: SOLVING, owned by it, lease still running.
        long leaseEnd = System.currentTimeMillis() + 4000;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/computeplan", "sa", "");
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE solve_job SET status = 'SOLVING', owner = 'dead-replica', lease_until = ? WHERE id = ?")) {
            ps.setLong(1, leaseEnd);
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start("--computeplan.jobs.single-node=false")) {
            Http http = http(second);
            assertThat(http.get("/api/v1/countdown/jobs/" + id)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("SOLVING");
            JsonNode done =
                    await(http, id, j -> "COMPLETED".equals(j.get("status").asText()));
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(leaseEnd);
            assertThat(done.at("/progress/attempts").asInt()).isGreaterThanOrEqualTo(2);
            JsonNode solution =
                    http.get("/api/v1/countdown/jobs/" + id + "/solution").json();
            assertThat(solution.get("reached").asInt()).isEqualTo(20);
            assertThat(solution.get("warmStarted").asBoolean()).isTrue();
        }
    }
}
