package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.placement.api.cluster.ClusterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A kube-scheduler extender (filter and prioritize verbs) over a cluster the service keeps. */
@RestController
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/v1/placement/clusters/{id}/extender")
@Tag(name = "placement-kubernetes", description = "Kubernetes import and export")
class KubernetesExtenderController {

    private final ClusterService clusters;
    private final KubernetesExtender extender;

    KubernetesExtenderController(ClusterService clusters, KubernetesProperties props) {
        this.clusters = clusters;
        this.extender = new KubernetesExtender(props);
    }

    @Operation(
            operationId = "kubernetesExtenderFilter",
            summary = "kube-scheduler extender: filter",
            description = "Takes kube-scheduler's ExtenderArgs (the pod, and node names or nodes) and answers an"
                    + " ExtenderFilterResult: the nodes where the cluster's rules let the pod go, and the rule each"
                    + " other node breaks (failedAndUnresolvableNodes for node state, GPU type and unknown nodes).")
    @ApiResponse(responseCode = "200", description = "The ExtenderFilterResult")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @PostMapping("/filter")
    JsonNode filter(@PathVariable String id, @RequestBody JsonNode args) {
        return extender.filter(args, (workload, nodes) -> clusters.evaluate(id, workload, nodes));
    }

    @Operation(
            operationId = "kubernetesExtenderPrioritize",
            summary = "kube-scheduler extender: prioritize",
            description = "Takes kube-scheduler's ExtenderArgs and answers a HostPriorityList: per node, 0 to 10 from"
                    + " the placement engine's soft score with the pod placed there (best node 10, worst 0; a node the"
                    + " pod cannot go to 0).")
    @ApiResponse(responseCode = "200", description = "The HostPriorityList")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @PostMapping("/prioritize")
    JsonNode prioritize(@PathVariable String id, @RequestBody JsonNode args) {
        return extender.prioritize(args, (workload, nodes) -> clusters.evaluate(id, workload, nodes));
    }
}
