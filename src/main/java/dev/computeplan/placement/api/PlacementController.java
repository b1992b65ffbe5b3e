package dev.computeplan.placement.api;

import dev.computeplan.common.ConflictException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementRecommendation;
import dev.computeplan.placement.explain.PlacementRecommender;
import dev.computeplan.placement.solver.PlacementSolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Placement-only endpoints: where could one workload of a solved job go, and why not elsewhere. */
@RestController
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@Validated
@RequestMapping("/api/v1/placement/jobs/{id}")
@Tag(name = "placement", description = "Placement recommendations")
class PlacementController {

    private final JobService jobs;
    private final ProblemKind<PlacementRequest, PlacementPlan> kind;
    private final PlacementRecommender recommender = new PlacementRecommender(PlacementSolver.solutionManager());

    PlacementController(JobService jobs, ProblemKind<PlacementRequest, PlacementPlan> kind) {
        this.jobs = jobs;
        this.kind = kind;
    }

    @Operation(
            operationId = "getPlacementRecommendations",
            summary = "Rank the nodes one workload could run on",
            description =
                    "Takes the workload out of the job's best solution, scores it on every node with the rest fixed, "
                            + "and returns the nodes best first with their score difference; nodes it cannot go on name the hard "
                            + "constraints that rule them out, summarised per node type.")
    @ApiResponse(responseCode = "200", description = "The nodes, best first")
    @ApiResponse(responseCode = "404", description = "No such job, or no such workload in it")
    @ApiResponse(responseCode = "409", description = "The job has no solution yet")
    @GetMapping("/recommendations")
    PlacementRecommendation recommendations(
            @PathVariable String id,
            @RequestParam @NotBlank String workload,
            @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        JobService.Stored<PlacementRequest, PlacementPlan> stored = jobs.stored(kind, id);
        if (stored.solution() == null) {
            throw new ConflictException("Job " + id + " has no solution yet; ask again once it has one.");
        }
        PlacementSolution solution = PlacementMapper.toDomain(stored.problem(), stored.solution());
        PlacementSolver.solutionManager().update(solution);
        return recommender
                .recommend(solution, workload, limit)
                .orElseThrow(() -> new NotFoundException("Job " + id + " has no workload '" + workload + "'."));
    }
}
