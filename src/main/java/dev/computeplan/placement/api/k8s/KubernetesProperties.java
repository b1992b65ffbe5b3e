package dev.computeplan.placement.api.k8s;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cluster objects are read ({@code computeplan.placement.kubernetes.*}): the label and resource names that carry
 * zone, rack, network domain, GPU type, GPUs, MIG slices and pod groups.
 *
 * @param zoneLabel          node label of the zone
 * @param rackLabel          node label of the rack (no standard one exists)
 * @param networkLabel       node label of the network or NVLink domain (default: the zone)
 * @param gpuProductLabel    node label of the GPU type
 * @param gpuResource        extended resource of whole GPUs
 * @param migResourcePrefix  prefix of MIG slice resources, each read as a resource of its own
 * @param podGroupLabel      pod label of the coscheduling plugin's pod group
 * @param kueuePodGroupLabel pod label of a Kueue pod group
 */
@ConfigurationProperties("computeplan.placement.kubernetes")
public record KubernetesProperties(
        @DefaultValue("topology.kubernetes.io/zone") String zoneLabel,
        @DefaultValue("topology.computeplan.dev/rack") String rackLabel,
        @DefaultValue("nvidia.com/gpu.clique") String networkLabel,
        @DefaultValue("nvidia.com/gpu.product") String gpuProductLabel,
        @DefaultValue("nvidia.com/gpu") String gpuResource,
        @DefaultValue("nvidia.com/mig-") String migResourcePrefix,
        @DefaultValue("scheduling.x-k8s.io/pod-group") String podGroupLabel,
        @DefaultValue("kueue.x-k8s.io/pod-group-name") String kueuePodGroupLabel) {

    public static KubernetesProperties defaults() {
        return new KubernetesProperties(
                "topology.kubernetes.io/zone",
                "topology.computeplan.dev/rack",
                "nvidia.com/gpu.clique",
                "nvidia.com/gpu.product",
                "nvidia.com/gpu",
                "nvidia.com/mig-",
                "scheduling.x-k8s.io/pod-group",
                "kueue.x-k8s.io/pod-group-name");
    }
}
