package dev.computeplan.placement.api.cluster;

import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.api.PlacementRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clusters kept for online decisions: create, read, delete, report changes, decide. */
@RestController
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/v1/placement/clusters")
@Tag(name = "placement clusters", description = "Online placement decisions on a cluster the service keeps")
class ClusterController {

    private final ClusterService clusters;
    private final ProblemReader reader;

    ClusterController(ClusterService clusters, ProblemReader reader) {
        this.clusters = clusters;
        this.reader = reader;
    }

    @Operation(
            operationId = "createPlacementCluster",
            summary = "Keep a cluster for online decisions",
            description = "The body is a placement request whose workloads all run (each has currentNode): nodes, "
                    + "running workloads, and the rules and objectives decisions keep (racks, services, gangs, "
                    + "balance objectives, fragmentation probes, spare reserves, weights).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = PlacementRequest.class))))
    @ApiResponse(responseCode = "201", description = "Kept; Location names it")
    @ApiResponse(responseCode = "400", description = "Unreadable body")
    @ApiResponse(responseCode = "413", description = "Body too large")
    @ApiResponse(responseCode = "422", description = "A rule is broken; errors name the fields")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClusterView> create(@RequestBody String body) {
        ClusterView view = clusters.create(reader.parseTree(body));
        return ResponseEntity.created(URI.create("/api/v1/placement/clusters/" + view.id()))
                .body(view);
    }

    @Operation(
            operationId = "getPlacementCluster",
            summary = "A cluster with its state",
            description = "Version, counts, nodes and running workloads in the placement request's vocabulary, and "
                    + "the GPU indices each running workload holds.")
    @ApiResponse(responseCode = "200", description = "The cluster")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @GetMapping("/{id}")
    ClusterView get(@PathVariable String id) {
        return clusters.get(id, true);
    }

    @Operation(operationId = "deletePlacementCluster", summary = "Forget a cluster")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        clusters.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "postPlacementClusterEvents",
            summary = "Report changes: nodes added, removed, cordoned, uncordoned, failed; workloads bound, finished",
            description = "Applied in order, all or none; the version rises by one.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ClusterEvents.class))))
    @ApiResponse(responseCode = "200", description = "Applied; the cluster's new version")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @ApiResponse(responseCode = "409", description = "expectedVersion is stale")
    @ApiResponse(responseCode = "422", description = "An event cannot apply; errors name the fields")
    @PostMapping(value = "/{id}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ClusterView events(@PathVariable String id, @RequestBody String body) {
        return clusters.events(id, reader.parseTree(body));
    }

    @Operation(
            operationId = "decidePlacement",
            summary = "Place one workload or one gang now",
            description = "Places with the batch engine's rules and weights: each workload goes to the node where the "
                    + "engine's score is best, first node on ties; a gang all or none. A placement is bound at once "
                    + "(the version rises) unless dryRun. PENDING names the rules that ruled the nodes out. "
                    + "Decisions on one cluster are serialised: two never take the same GPUs.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = DecisionRequest.class))))
    @ApiResponse(responseCode = "200", description = "PLACED with nodes and GPU indices, or PENDING with the reasons")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @ApiResponse(responseCode = "409", description = "expectedVersion is stale")
    @ApiResponse(responseCode = "422", description = "A rule is broken; errors name the fields")
    @PostMapping(value = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionView decide(@PathVariable String id, @RequestBody String body) {
        return clusters.decide(id, reader.parseTree(body));
    }
}
