package dev.computeplan.placement.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The placement kind through the HTTP API: submit, solve, solution, explanation, recommendations and errors. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"computeplan.data-dir=./target/placement-api-test", "computeplan.jobs.workers=1"})
class PlacementApiTest {

    @Autowired
    private TestRestTemplate http;

    @Test
    void submitSolveExplainAndRecommend() throws Exception {
        ObjectNode body = (ObjectNode)
                PlacementExamples.MAPPER.readTree(Files.readString(Path.of("problems/placement/placement-small.json")));
        // A long limit that the test ends itself as soon as the job reports a feasible best: no wall-clock wait.
        body.putObject("termination").put("seconds", 300);
        ResponseEntity<JsonNode> submitted =
                http.postForEntity("/api/v1/placement/jobs", json(body.toString()), JsonNode.class);
        assertThat(submitted.getStatusCode().is2xxSuccessful()).isTrue();
        String id = submitted.getBody().get("id").asText();

        JsonNode job = awaitJob(
                id, j -> j.hasNonNull("score") && j.get("score").asText().startsWith("0hard"));
        assertThat(job.get("score").asText()).startsWith("0hard");
        http.delete("/api/v1/placement/jobs/" + id);
        job = awaitJob(id, j -> j.get("status").asText().matches("COMPLETED|STOPPED|FAILED"));
        assertThat(job.get("status").asText()).isEqualTo("STOPPED");

        JsonNode solution = http.getForObject("/api/v1/placement/jobs/" + id + "/solution", JsonNode.class);
        assertThat(solution.get("feasible").asBoolean()).isTrue();
        assertThat(solution.get("assignments")).hasSize(18);

        JsonNode explanation = http.getForObject("/api/v1/placement/jobs/" + id + "/explanation", JsonNode.class);
        assertThat(explanation.get("displaced").toString()).contains("v100-2");

        JsonNode rec = http.getForObject(
                "/api/v1/placement/jobs/" + id + "/recommendations?workload=notebook-0&limit=3", JsonNode.class);
        assertThat(rec.get("workload").asText()).isEqualTo("notebook-0");
        assertThat(rec.get("options")).hasSize(3);

        ResponseEntity<JsonNode> unknown =
                http.getForEntity("/api/v1/placement/jobs/" + id + "/recommendations?workload=nope", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    }

    @Test
    void invalidReferencesAreRejectedWithTheirPaths() {
        String body = """
                {"nodes":[{"id":"n1","capacity":{"cpu":4},"zone":"z"}],
                 "workloads":[{"id":"w1","requirements":{"cpu":1,"gpu":1},"currentNode":"n9","gpuMilli":1500}]}
                """;
        ResponseEntity<JsonNode> response = http.postForEntity("/api/v1/placement/jobs", json(body), JsonNode.class);
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String text = response.getBody().toString();
        assertThat(text)
                .contains("$.workloads[0].currentNode", "$.workloads[0].requirements.gpu", "$.workloads[0].gpuMilli");
    }

    @Test
    void aBlankGpuTypeOfAProbeIsRejectedWithItsPath() {
        String body = """
                {"nodes":[{"id":"n1","capacity":{"cpu":4},"zone":"z","gpus":1,"gpuType":"T4"}],
                 "workloads":[{"id":"w1","requirements":{"cpu":1}}],
                 "fragmentationProbes":[{"id":"p","requirements":{"cpu":1},"gpus":1,"popularity":1,"gpuTypes":["T4"," "]}]}
                """;
        ResponseEntity<JsonNode> response = http.postForEntity("/api/v1/placement/jobs", json(body), JsonNode.class);
        assertThat(response.getStatusCode().is4xxClientError())
                .as(String.valueOf(response.getBody()))
                .isTrue();
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody().toString()).contains("fragmentationProbes[0].gpuTypes[1]");
    }

    private JsonNode awaitJob(String id, java.util.function.Predicate<JsonNode> until) throws InterruptedException {
        JsonNode job = null;
        for (int i = 0; i < 600; i++) {
            job = http.getForObject("/api/v1/placement/jobs/" + id, JsonNode.class);
            if (until.test(job) || job.get("status").asText().matches("COMPLETED|STOPPED|FAILED")) {
                return job;
            }
            Thread.sleep(50);
        }
        return job;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
