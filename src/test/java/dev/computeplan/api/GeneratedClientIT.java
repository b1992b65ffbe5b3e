package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.client.ApiClient;
import dev.computeplan.client.ApiException;
import dev.computeplan.client.ApiResponse;
import dev.computeplan.client.api.ExamplesApi;
import dev.computeplan.client.api.PlacementApi;
import dev.computeplan.client.api.PowerApi;
import dev.computeplan.client.api.ProcurementApi;
import dev.computeplan.client.model.BestEvent;
import dev.computeplan.client.model.CheckResult;
import dev.computeplan.client.model.JobView;
import dev.computeplan.client.model.PlacementExplanation;
import dev.computeplan.client.model.PlacementPlan;
import dev.computeplan.client.model.PlacementPlanAssignment;
import dev.computeplan.client.model.PlacementRequest;
import dev.computeplan.client.model.PlacementRequestWorkloadDto;
import dev.computeplan.client.model.PowerExplanation;
import dev.computeplan.client.model.PowerRequest;
import dev.computeplan.client.model.PowerRequestPowerJob;
import dev.computeplan.client.model.PowerSolution;
import dev.computeplan.client.model.PowerSolutionJobPlan;
import dev.computeplan.client.model.Problem;
import dev.computeplan.client.model.ProcurementExplanation;
import dev.computeplan.client.model.ProcurementPlan;
import dev.computeplan.client.model.ProcurementRequest;
import dev.computeplan.client.model.StatusEvent;
import dev.computeplan.client.model.Termination;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every example of {@code problems/} through the Java client generated from {@code docs/openapi.json}: read into the
 * client's typed request (an unknown field fails), given a short termination, submitted, followed to a final state,
 * and its solution and explanation read as typed objects. What the spec promises, a generated client can use.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "computeplan.jobs.default-time-limit=3s")
class GeneratedClientIT {

    /** Each example solves this long: enough for a first answer, short enough for the build. */
    private static final int SECONDS = 2;

    private static final Duration WAIT = Duration.ofSeconds(90);

    @org.junit.jupiter.api.io.TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("computeplan.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    private ApiClient client;
    private ObjectMapper strict;

    @BeforeEach
    void client() {
        client = new ApiClient().setScheme("http").setHost("localhost").setPort(port);
        strict = client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // every answer is read strictly too: a field the spec does not declare fails the test
        client.setObjectMapper(strict);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            List<Path> all = files.filter(Files::isDirectory)
                    .flatMap(GeneratedClientIT::jsonFiles)
                    .sorted()
                    .toList();
            assertThat(all).as("examples in problems/").isNotEmpty();
            return all.stream();
        }
    }

    private static Stream<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleSolvesThroughTheGeneratedClient(Path example) throws Exception {
        String kind = example.getParent().getFileName().toString();
        String name = example.getFileName().toString().replaceFirst("\\.json$", "");
        Object served = new ExamplesApi(client).getExample(name).getActualInstance();
        assertThat(served.getClass().getSimpleName()).isEqualTo(SchemaNames.capitalised(kind) + "Request");
        assertThat(served).isEqualTo(strict.readValue(example.toFile(), served.getClass()));
        switch (kind) {
            case "placement" -> placement(example);
            case "procurement" -> procurement(example);
            case "power" -> power(example);
            default -> throw new AssertionError("no typed client check for kind " + kind + " (" + example + ")");
        }
    }

    @Test
    void errorsAreProblemsOfTheDocumentedSchema() throws Exception {
        PlacementApi api = new PlacementApi(client);

        ApiException invalid = failure(() -> api.submitPlacementJob(new PlacementRequest()));
        assertThat(invalid.getCode()).isEqualTo(422);
        assertThat(invalid.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = strict.readValue(invalid.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getField()).startsWith("$"));

        ApiException missing = failure(() -> api.getPlacementSolution("no-such-job"));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(strict.readValue(missing.getResponseBody(), Problem.class).getTitle())
                .isNotBlank();
    }

    private static ApiException failure(Call call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("expected an error answer");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws ApiException;
    }

    private void placement(Path example) throws Exception {
        PlacementApi api = new PlacementApi(client);
        PlacementRequest request = strict.readValue(example.toFile(), PlacementRequest.class);
        request.termination(new Termination().seconds(SECONDS));
        assertThat(api.validatePlacement(request).getValid()).isTrue();
        JobView job = submitted(api.submitPlacementJobWithHttpInfo(request));
        JobView done = followed(() -> api.getPlacementJob(job.getId()));
        assertCompleted(done);
        assertEvents(api.streamPlacementEvents(job.getId()), done);
        assertThat(api.listPlacementJobs(0, 200).getItems())
                .extracting(JobView::getId)
                .contains(job.getId());

        PlacementPlan plan = api.getPlacementSolution(job.getId());
        PlacementRequest problem = api.getPlacementProblem(job.getId());
        assertThat(problem.getWorkloads()).hasSameSizeAs(request.getWorkloads());
        assertThat(problem.getTermination().getSeconds())
                .isEqualTo(request.getTermination().getSeconds());
        PlacementExplanation explanation = api.getPlacementExplanation(job.getId());
        List<String> workloads = request.getWorkloads().stream()
                .map(PlacementRequestWorkloadDto::getId)
                .toList();
        assertThat(plan.getAssignments())
                .extracting(PlacementPlanAssignment::getWorkload)
                .containsExactlyElementsOf(workloads);
        assertThat(plan.getAssignments()).anyMatch(a -> a.getNode() != null);
        assertThat(plan.getSummary().getAssigned() + plan.getSummary().getPending())
                .isEqualTo(workloads.size());
        assertThat(explanation.getScore()).isEqualTo(plan.getScore());
        assertThat(explanation.getFeasible()).isEqualTo(plan.getFeasible());
        assertThat(api.getPlacementRecommendations(job.getId(), workloads.get(0), 5))
                .isNotNull();
    }

    private void procurement(Path example) throws Exception {
        ProcurementApi api = new ProcurementApi(client);
        ProcurementRequest request = strict.readValue(example.toFile(), ProcurementRequest.class);
        request.termination(new Termination().seconds(SECONDS));
        assertThat(api.validateProcurement(request).getValid()).isTrue();
        JobView job = submitted(api.submitProcurementJobWithHttpInfo(request));
        JobView done = followed(() -> api.getProcurementJob(job.getId()));
        assertCompleted(done);
        assertEvents(api.streamProcurementEvents(job.getId()), done);

        ProcurementPlan plan = api.getProcurementSolution(job.getId());
        ProcurementExplanation explanation = api.getProcurementExplanation(job.getId());
        assertThat(explanation.getStatus().getValue())
                .isEqualTo(plan.getStatus().getValue());
        switch (plan.getStatus()) {
            case OPTIMAL, FEASIBLE -> {
                assertThat(api.getProcurementThroughput(request))
                        .isNotEmpty()
                        .allSatisfy(row -> assertThat(row.getPerAccelerator()).isPositive());
                assertThat(plan.getObjectiveUsd()).isPositive();
                assertThat(plan.getCosts()).isNotNull();
                assertThat(explanation.getCosts().getTotalUsd()).isPositive();
                assertThat(explanation.getSummary()).isNotBlank();
                assertThat(api.checkProcurementPlan(job.getId()).getStatus()).isEqualTo(CheckResult.StatusEnum.OK);
            }
            case INFEASIBLE -> {
                assertThat(plan.getObjectiveUsd()).isNull();
                assertThat(explanation.getConflict()).as("why it is infeasible").isNotEmpty();
            }
            default -> throw new AssertionError(example + " ended " + plan.getStatus() + ": " + plan.getMessage());
        }
    }

    private void power(Path example) throws Exception {
        PowerApi api = new PowerApi(client);
        PowerRequest request = strict.readValue(example.toFile(), PowerRequest.class);
        request.termination(new Termination().seconds(SECONDS));
        assertThat(api.validatePower(request).getValid()).isTrue();
        JobView job = submitted(api.submitPowerJobWithHttpInfo(request));
        JobView done = followed(() -> api.getPowerJob(job.getId()));
        assertCompleted(done);
        assertEvents(api.streamPowerEvents(job.getId()), done);

        PowerSolution schedule = api.getPowerSolution(job.getId());
        PowerExplanation explanation = api.getPowerExplanation(job.getId());
        List<String> jobs =
                request.getJobs().stream().map(PowerRequestPowerJob::getId).toList();
        assertThat(schedule.getJobs())
                .extracting(PowerSolutionJobPlan::getJobId)
                .containsExactlyInAnyOrderElementsOf(jobs);
        assertThat(schedule.getJobs())
                .filteredOn(j -> !Boolean.TRUE.equals(j.getDropped()))
                .allSatisfy(j -> assertThat(j.getRuns())
                        .isNotEmpty()
                        .allSatisfy(run -> assertThat(LocalDateTime.parse(run.getEnd()))
                                .isAfter(LocalDateTime.parse(run.getStart()))));
        assertThat(schedule.getEnergyKwh()).isPositive();
        assertThat(explanation.getJobs()).hasSameSizeAs(jobs);
        assertThat(api.getPowerJobStory(job.getId(), jobs.get(0)).getJob().getJobId())
                .isEqualTo(jobs.get(0));
        assertThat(explanation.getSummary().getStatus().getValue())
                .isEqualTo(schedule.getStatus().getValue());
    }

    /** The stream of a finished job: its last best solution, then its final state, each payload of its schema. */
    private void assertEvents(File stream, JobView done) throws IOException {
        List<String> lines = Files.readAllLines(stream.toPath());
        Files.deleteIfExists(stream.toPath());
        String event = null;
        List<StatusEvent> statuses = new ArrayList<>();
        List<BestEvent> bests = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                String data = line.substring("data:".length());
                switch (String.valueOf(event)) {
                    case "status" -> statuses.add(strict.readValue(data, StatusEvent.class));
                    case "best" -> bests.add(strict.readValue(data, BestEvent.class));
                    default -> throw new AssertionError("undocumented event " + event + " in " + lines);
                }
            }
        }
        assertThat(statuses).extracting(StatusEvent::getStatus).containsExactly(StatusEvent.StatusEnum.COMPLETED);
        int best = done.getProgress().getBestSolutions();
        assertThat(bests).extracting(BestEvent::getBestSolutions).isEqualTo(best > 0 ? List.of(best) : List.of());
    }

    /** The submit answer: 202, with Location naming the job. */
    private static JobView submitted(ApiResponse<JobView> response) {
        assertThat(response.getStatusCode()).isEqualTo(202);
        JobView job = response.getData();
        List<String> location = response.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Location"))
                .flatMap(h -> h.getValue().stream())
                .toList();
        assertThat(location)
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith(job.getLinks().getSelf()));
        return job;
    }

    private static JobView followed(Read read) throws ApiException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JobView job = read.job();
        while (!isFinal(job.getStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = read.job();
        }
        return job;
    }

    private static boolean isFinal(JobView.StatusEnum status) {
        return status == JobView.StatusEnum.COMPLETED
                || status == JobView.StatusEnum.STOPPED
                || status == JobView.StatusEnum.FAILED;
    }

    private static void assertCompleted(JobView job) {
        assertThat(job.getStatus())
                .as("job %s (error: %s)", job.getId(), job.getError())
                .isEqualTo(JobView.StatusEnum.COMPLETED);
        assertThat(job.getScore()).isNotBlank();
    }

    @FunctionalInterface
    private interface Read {
        JobView job() throws ApiException;
    }
}
