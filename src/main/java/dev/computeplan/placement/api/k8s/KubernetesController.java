package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.ConflictException;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Kubernetes in and out: a cluster's objects to a placement request, a solved job's plan to Bindings and Evictions. */
@RestController
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@Tag(name = "placement-kubernetes", description = "Kubernetes import and export")
class KubernetesController {

    private final JobService jobs;
    private final ProblemKind<PlacementRequest, PlacementPlan> kind;
    private final KubernetesImporter importer;

    KubernetesController(
            JobService jobs, ProblemKind<PlacementRequest, PlacementPlan> kind, KubernetesProperties props) {
        this.jobs = jobs;
        this.kind = kind;
        this.importer = new KubernetesImporter(props);
    }

    @Operation(
            operationId = "importKubernetesCluster",
            summary = "Read a cluster's objects into a placement request",
            description = "Takes the v1 List that `kubectl get nodes,pods,priorityclasses,poddisruptionbudgets -o json`"
                    + " prints and returns the placement request for it, ready to submit as a placement job.")
    @ApiResponse(responseCode = "200", description = "The placement request")
    @PostMapping("/api/v1/placement/kubernetes/import")
    PlacementRequest importCluster(@RequestBody JsonNode list) {
        return importer.read(list);
    }

    @Operation(
            operationId = "getPlacementKubernetesObjects",
            summary = "A solved job's plan as Bindings and Evictions",
            description = "A v1 List: a policy/v1 Eviction per running pod the plan evicts or moves, then a Binding"
                    + " per pending pod it places.")
    @ApiResponse(responseCode = "200", description = "The v1 List")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job has no solution yet")
    @GetMapping("/api/v1/placement/jobs/{id}/kubernetes")
    JsonNode objects(@PathVariable String id) {
        JobService.Stored<PlacementRequest, PlacementPlan> stored = jobs.stored(kind, id);
        if (stored.solution() == null) {
            throw new ConflictException("Job " + id + " has no solution yet; ask again once it has one.");
        }
        return KubernetesExporter.write(stored.problem(), stored.solution());
    }
}
