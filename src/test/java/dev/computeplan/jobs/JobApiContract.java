package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The job API over real HTTP, run against each database (H2 file, PostgreSQL) by a subclass that boots the service
 * on a random port with the test-only {@link CountdownKind}.
 */
abstract class JobApiContract {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String body(int target, int stepMillis, int seconds) {
        return "{\"target\": " + target + ", \"stepMillis\": " + stepMillis
                + ", \"items\": [{\"name\": \"a\", \"weight\": 1}]," + " \"termination\": {\"seconds\": " + seconds
                + "}}";
    }

    String submit(String body) {
        Http.Response r = http.post("/api/v1/countdown/jobs", body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    JsonNode awaitJob(String id, Predicate<JsonNode> condition, Duration timeout) {
        return http.awaitJob("countdown", id, condition, timeout);
    }

    static Predicate<JsonNode> status(String s) {
        return j -> s.equals(j.path("status").asText());
    }

    @Test
    void fullLifecycleFromSubmitToExplanation() throws Exception {
        Http.Response submitted = http.post("/api/v1/countdown/jobs", body(5, 20, 30));
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        assertThat(submitted.header("Location")).isEqualTo("/api/v1/countdown/jobs/" + id);
        assertThat(submitted.json().get("status").asText()).isIn("QUEUED", "SOLVING");

        JsonNode done = awaitJob(id, status("COMPLETED"), Duration.ofSeconds(20));
        assertThat(done.get("score").asText()).isEqualTo("-0remaining");
        assertThat(done.get("solverName").asText()).isEqualTo("test-counter");
        assertThat(done.get("createdAt").asText()).isNotBlank();
        assertThat(done.get("finishedAt").asText()).isNotBlank();
        assertThat(done.at("/progress/bestSolutions").asInt()).isEqualTo(5);
        assertThat(done.at("/progress/timeLimitSeconds").asDouble()).isEqualTo(30.0);

        JsonNode solution =
                http.get("/api/v1/countdown/jobs/" + id + "/solution").json();
        assertThat(solution.get("reached").asInt()).isEqualTo(5);
        JsonNode explanation =
                http.get("/api/v1/countdown/jobs/" + id + "/explanation").json();
        assertThat(explanation.get("remaining").asInt()).isZero();
        Http.Response problem = http.get("/api/v1/countdown/jobs/" + id + "/problem");
        assertThat(problem.status()).isEqualTo(200);
        assertThat(problem.header("Content-Type")).startsWith("application/json");
        assertThat(problem.json()).isEqualTo(Http.JSON.readTree(body(5, 20, 30)));

        String newer = submit(body(1, 10, 5));
        JsonNode page = http.get("/api/v1/countdown/jobs?page=0&size=2").json();
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(newer);
        assertThat(page.get("items").get(1).get("id").asText()).isEqualTo(id);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        awaitJob(newer, status("COMPLETED"), Duration.ofSeconds(20));
    }

    @Test
    void eventsStreamEveryNewBestAndTheFinalState() throws Exception {
        String id = submit(body(4, 150, 30));
        List<String> lines = http.eventLines("/api/v1/countdown/jobs/" + id + "/events", Duration.ofSeconds(30));
        List<String> events = lines.stream().filter(l -> l.startsWith("event:")).toList();
        assertThat(events).contains("event:best", "event:status");
        assertThat(events.get(events.size() - 1)).isEqualTo("event:status");
        String lastData = lines.stream()
                .filter(l -> l.startsWith("data:"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(lastData).contains("\"status\":\"COMPLETED\"");
        assertThat(lines.stream()
                        .filter(l -> l.startsWith("data:") && l.contains("\"bestSolutions\""))
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anExportedJobImportsAsAFinishedJobWithANewId() throws Exception {
        String id = submit(body(3, 10, 20));
        awaitJob(id, status("COMPLETED"), Duration.ofSeconds(20));
        Http.Response exported = http.get("/api/v1/countdown/jobs/" + id + "/archive");
        assertThat(exported.status()).isEqualTo(200);
        JsonNode archive = exported.json();
        assertThat(archive.get("format").asText()).isEqualTo("computeplan-job-archive/1");
        assertThat(archive.get("sourceJob").asText()).isEqualTo(id);
        assertThat(archive.get("problem")).isEqualTo(Http.JSON.readTree(body(3, 10, 20)));
        assertThat(archive.at("/solution/reached").asInt()).isEqualTo(3);

        Http.Response imported = http.post("/api/v1/countdown/jobs/import", archive.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String copy = imported.json().get("id").asText();
        assertThat(copy).isNotEqualTo(id);
        assertThat(imported.header("Location")).isEqualTo("/api/v1/countdown/jobs/" + copy);
        JsonNode job = http.get("/api/v1/countdown/jobs/" + copy).json();
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("score").asText()).isEqualTo("-0remaining");
        assertThat(http.get("/api/v1/countdown/jobs/" + copy + "/solution").json())
                .isEqualTo(archive.get("solution"));
        assertThat(http.get("/api/v1/countdown/jobs/" + copy + "/problem").json())
                .isEqualTo(archive.get("problem"));
        assertThat(http.get("/api/v1/countdown/jobs/" + copy + "/explanation").status())
                .isEqualTo(200);
        // exported again, it is the same document but for its id and timestamps
        JsonNode again = http.get("/api/v1/countdown/jobs/" + copy + "/archive").json();
        assertThat(again.get("solution")).isEqualTo(archive.get("solution"));
    }

    @Test
    void anArchiveThatDoesNotFitIsRefused422WithTheFieldsNamed() throws Exception {
        String id = submit(body(2, 10, 20));
        awaitJob(id, status("COMPLETED"), Duration.ofSeconds(20));
        String archive = http.get("/api/v1/countdown/jobs/" + id + "/archive").body();
        // a solution its own checker rejects: the counter past the target
        Http.Response tampered =
                http.post("/api/v1/countdown/jobs/import", archive.replace("\"reached\":2", "\"reached\":7"));
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(422);
        assertThat(tampered.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tampered.json().at("/errors/0/field").asText()).isEqualTo("$.solution");
        // a problem that breaks a rule: the path points into the archive
        Http.Response badProblem =
                http.post("/api/v1/countdown/jobs/import", archive.replace("\"target\":2", "\"target\":0"));
        assertThat(badProblem.status()).isEqualTo(422);
        assertThat(badProblem.json().at("/errors/0/field").asText()).isEqualTo("$.problem.target");
        // another kind's archive
        Http.Response otherKind = http.post(
                "/api/v1/countdown/jobs/import", archive.replace("\"kind\":\"countdown\"", "\"kind\":\"power\""));
        assertThat(otherKind.status()).isEqualTo(422);
        assertThat(otherKind.json().at("/errors/0/field").asText()).isEqualTo("$.kind");
        assertThat(http.post("/api/v1/countdown/jobs/import", "[1]").status()).isEqualTo(400);
    }

    @Test
    void aJobStillSolvingCannotBeExported() throws Exception {
        String id = submit(body(10_000, 50, 60));
        awaitJob(id, status("SOLVING"), Duration.ofSeconds(20));
        Http.Response r = http.get("/api/v1/countdown/jobs/" + id + "/archive");
        assertThat(r.status()).isEqualTo(409);
        http.delete("/api/v1/countdown/jobs/" + id);
    }

    @Test
    void stopKeepsTheBestSolution() throws Exception {
        String id = submit(body(10_000, 50, 60));
        awaitJob(id, j -> j.at("/progress/bestSolutions").asInt() >= 3, Duration.ofSeconds(20));
        Http.Response stopped = http.delete("/api/v1/countdown/jobs/" + id);
        assertThat(stopped.status()).isEqualTo(200);
        JsonNode job = awaitJob(id, status("STOPPED"), Duration.ofSeconds(10));
        int reached = http.get("/api/v1/countdown/jobs/" + id + "/solution")
                .json()
                .get("reached")
                .asInt();
        assertThat(reached)
                .isGreaterThanOrEqualTo(3)
                .isEqualTo(job.at("/progress/bestSolutions").asInt());
        assertThat(job.get("score").asText()).isEqualTo("-" + (10_000 - reached) + "remaining");
    }

    @Test
    void deleteStopsARunningJobAndDeletesAFinishedOne() throws Exception {
        String id = submit(body(10_000, 50, 60));
        awaitJob(id, status("SOLVING"), Duration.ofSeconds(20));
        assertThat(http.delete("/api/v1/countdown/jobs/" + id).status()).isEqualTo(200);
        awaitJob(id, status("STOPPED"), Duration.ofSeconds(10));
        assertThat(http.delete("/api/v1/countdown/jobs/" + id).status()).isEqualTo(204);
        for (String path : List.of("", "/solution", "/explanation")) {
            assertThat(http.get("/api/v1/countdown/jobs/" + id + path).status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(http.delete("/api/v1/countdown/jobs/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownIdsKindsAndRoutesAnswer404AsProblemJson() {
        for (String path : List.of(
                "/api/v1/countdown/jobs/nope",
                "/api/v1/countdown/jobs/nope/solution",
                "/api/v1/countdown/jobs/nope/problem",
                "/api/v1/nosuchkind/jobs",
                "/api/v1/examples/nope",
                "/no/such/route")) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
        }
        assertThat(http.delete("/api/v1/countdown/jobs/nope").status()).isEqualTo(404);
    }

    @Test
    void pathsTheServletContainerRefusesAnswer400AsProblemJson() {
        for (String path : List.of(
                "/api/v1/examples/..%2f..%2fetc%2fpasswd", "/api/v1/examples/a%00b", "/api/v1/examples/a%5Cb")) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).as(path).isEqualTo(400);
        }
    }

    @Test
    void solutionOfAJobWithoutOneIs409() throws Exception {
        String id = submit(body(10_000, 5_000, 60));
        Http.Response r = http.get("/api/v1/countdown/jobs/" + id + "/solution");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        http.delete("/api/v1/countdown/jobs/" + id);
        awaitJob(id, status("STOPPED"), Duration.ofSeconds(10));
    }

    @Test
    void invalidInputIs400Or422WithFieldPaths() {
        Http.Response malformed = http.post("/api/v1/countdown/jobs", "{\"target\": 5,");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/field").asText()).isEqualTo("$");

        Http.Response wrongType = http.post(
                "/api/v1/countdown/jobs",
                "{\"target\": 5, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": \"heavy\"}]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/errors/0/field").asText()).isEqualTo("$.items[0].weight");

        Http.Response unknownField = http.post(
                "/api/v1/countdown/jobs", "{\"target\": 5, \"stepMillis\": 10, \"items\": [], \"colour\": 1}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/errors/0/message").asText()).contains("colour");

        Http.Response outOfRange = http.post(
                "/api/v1/countdown/jobs",
                "{\"target\": 0, \"stepMillis\": 10, \"items\": [{\"name\": \"\", \"weight\": -1}]}");
        assertThat(outOfRange.status()).isEqualTo(422);
        assertThat(outOfRange.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        outOfRange.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("$.target", "$.items[0].name", "$.items[0].weight");

        Http.Response missing = http.post("/api/v1/countdown/jobs", "{\"target\": 3, \"stepMillis\": 10}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/errors/0/field").asText()).isEqualTo("$.items");

        Http.Response unknownRef = http.post(
                "/api/v1/countdown/jobs",
                "{\"target\": 3, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": 1, \"dependsOn\": \"zz\"}]}");
        assertThat(unknownRef.status()).isEqualTo(422);
        assertThat(unknownRef.json().at("/errors/0/field").asText()).isEqualTo("$.items[0].dependsOn");

        Http.Response badTermination = http.post("/api/v1/countdown/jobs", body(3, 10, 0));
        assertThat(badTermination.status()).isEqualTo(422);
        assertThat(badTermination.json().at("/errors/0/field").asText()).isEqualTo("$.termination.seconds");

        Http.Response notJson = http.post("/api/v1/countdown/jobs", "target=5", "text/plain");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void validateListsProblemsWithoutSolving() {
        JsonNode ok = http.post("/api/v1/countdown/validate", body(3, 10, 5)).json();
        assertThat(ok.get("valid").asBoolean()).isTrue();
        JsonNode bad = http.post(
                        "/api/v1/countdown/validate",
                        "{\"target\": 3, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": 1}, {\"name\": \"a\", \"weight\": 1}]}")
                .json();
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.at("/problems/0/field").asText()).isEqualTo("$.items[1].name");
    }

    @Test
    void bodiesAboveTheLimitAre413() {
        String big = "{\"target\": 3, \"stepMillis\": 10, \"items\": [], \"pad\": \"" + "x".repeat(30_000) + "\"}";
        Http.Response r = http.post("/api/v1/countdown/jobs", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        List<String> ids = new ArrayList<>();
        Http.Response rejected = null;
        for (int i = 0; i < 12 && rejected == null; i++) {
            Http.Response r = http.post("/api/v1/countdown/jobs", body(10_000, 1_000, 120));
            if (r.status() == 429) {
                rejected = r;
            } else {
                assertThat(r.status()).isEqualTo(202);
                ids.add(r.json().get("id").asText());
            }
        }
        try {
            assertThat(rejected)
                    .as("no 429 after " + ids.size() + " submissions")
                    .isNotNull();
            assertThat(rejected.header("Retry-After")).matches("\\d+");
            assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        } finally {
            for (String id : ids) {
                http.delete("/api/v1/countdown/jobs/" + id);
            }
            for (String id : ids) {
                awaitJob(id, j -> j.get("status").asText().matches("STOPPED|COMPLETED"), Duration.ofSeconds(20));
            }
        }
    }

    @Test
    void aFailingSolveEndsFailedWithTheReason() throws Exception {
        String id = submit("{\"target\": 5, \"stepMillis\": 10, \"items\": [], \"fail\": true}");
        JsonNode job = awaitJob(id, status("FAILED"), Duration.ofSeconds(20));
        assertThat(job.get("error").asText()).contains("asked to fail");
    }

    @Test
    void healthAndMetricsAreExposed() {
        assertThat(http.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics/computeplan.jobs").status()).isEqualTo(200);
    }
}
