package dev.computeplan.jobs;

import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The solve-job API, the same for every problem kind. The OpenAPI document publishes these operations once per kind
 * ({@code submitPlacementJob} at {@code /api/v1/placement/jobs}, ...) with the kind's own types; the annotations here
 * give their summaries and the submit answer's Location header.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
        name = "computeplan.jobs.enabled",
        havingValue = "true",
        matchIfMissing = true)
@Validated
@RequestMapping("/api/v1/{kind}")
@Tag(
        name = "jobs",
        description = "Submit, follow, stop and explain solve jobs of any kind (placement, procurement, power)")
class JobController {

    private final JobService jobs;
    private final JobEvents events;
    private final JobArchives archives;

    JobController(JobService jobs, JobEvents events, JobArchives archives) {
        this.jobs = jobs;
        this.events = events;
        this.archives = archives;
    }

    @Operation(
            summary = "Submit a problem to solve",
            description =
                    "The body is the problem of the kind, plus an optional \"termination\": {\"seconds\": N}. Answers 202 with the job.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the job is queued; Location names it",
            headers = @Header(name = "Location", description = "the job's URL", schema = @Schema(type = "string")))
    @PostMapping(path = "/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> submit(
            @Parameter(description = "placement, procurement or power") @PathVariable String kind,
            @RequestBody String body) {
        JobView job = jobs.submit(kind, jobs.reader().parseTree(body));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(job.links().self()))
                .body(job);
    }

    @Operation(summary = "List jobs of a kind, newest first")
    @GetMapping("/jobs")
    JobPage list(
            @PathVariable String kind,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return jobs.list(kind, page, size);
    }

    @Operation(summary = "A job's status, score, timestamps and progress")
    @GetMapping("/jobs/{id}")
    JobView get(@PathVariable String kind, @PathVariable String id) {
        return jobs.get(kind, id);
    }

    @Operation(
            summary = "The job's problem as submitted, with the termination it runs under",
            description = "Lets a client that did not submit the job show it beside its solution, or resubmit it.")
    @GetMapping(path = "/jobs/{id}/problem", produces = MediaType.APPLICATION_JSON_VALUE)
    Object problem(@PathVariable String kind, @PathVariable String id) {
        return jobs.problem(kind, id);
    }

    @Operation(summary = "The best solution so far, or the final one (409 while there is none)")
    @GetMapping("/jobs/{id}/solution")
    Object solution(@PathVariable String kind, @PathVariable String id) {
        return jobs.solution(kind, id);
    }

    @Operation(summary = "Why the solution is what it is: the score by constraint, with the facts to blame")
    @GetMapping("/jobs/{id}/explanation")
    Object explanation(@PathVariable String kind, @PathVariable String id) {
        return jobs.explanation(kind, id);
    }

    @Operation(summary = "Server-Sent Events: 'best' for each new best solution, 'status' for each state change")
    @GetMapping(path = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String kind, @PathVariable String id) {
        return events.open(jobs.record(kind, id, JobStore.Load.SUMMARY));
    }

    @Operation(
            summary = "Stop a queued or solving job (it keeps its best solution), or delete a finished one",
            description = "A queued or solving job is stopped and answered 200 with its state (STOPPED once the "
                    + "solver has let go; the best solution stays). A finished job (COMPLETED, STOPPED, FAILED) is "
                    + "deleted with its problem and solution and answered 204; its id answers 404 afterwards. "
                    + "So two DELETEs remove a running job.")
    @ApiResponse(responseCode = "200", description = "Stop requested; the job as it is now")
    @ApiResponse(responseCode = "204", description = "The finished job was deleted")
    @DeleteMapping("/jobs/{id}")
    ResponseEntity<JobView> stop(@PathVariable String kind, @PathVariable String id) {
        return jobs.stopOrDelete(kind, id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(
            summary = "A finished job's problem and solution as one document (409 while it runs or without a solution)",
            description = "Keep it elsewhere, or POST it to .../jobs/import here or on another service.")
    @GetMapping("/jobs/{id}/archive")
    JobArchive archive(@PathVariable String kind, @PathVariable String id) {
        return archives.export(kind, id);
    }

    @Operation(
            summary = "Import an exported job as a finished job of the caller's tenant",
            description = "The archive's problem is read and validated as a submitted one, and its solution re-checked "
                    + "by the kind's independent checker; a kind, problem or solution that does not fit answers 422 "
                    + "naming the fields. Nothing is solved: the job is stored as it was, with a new id.")
    @ApiResponse(
            responseCode = "201",
            description = "Imported: Location names the new job",
            headers = @Header(name = "Location", description = "the job's URL", schema = @Schema(type = "string")))
    @PostMapping(path = "/jobs/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> importArchive(@PathVariable String kind, @RequestBody String body) {
        JobView job = archives.importArchive(kind, jobs.reader().parseTree(body));
        return ResponseEntity.created(URI.create(job.links().self())).body(job);
    }

    @Operation(summary = "Check a problem without solving it: the list of problems found (empty when valid)")
    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ValidationReport validate(@PathVariable String kind, @RequestBody String body) {
        List<Violation> problems;
        try {
            problems = jobs.validate(kind, jobs.reader().parseTree(body));
        } catch (InvalidInputException e) {
            problems = e.violations();
        }
        return new ValidationReport(problems.isEmpty(), problems);
    }

    /** Result of the validate endpoint. */
    record ValidationReport(boolean valid, List<Violation> problems) {}
}
