package dev.computeplan.placement.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Objects as kubectl prints them, read field by field, and a plan written back as Bindings and Evictions. */
class KubernetesImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLUSTER = """
            {"apiVersion":"v1","kind":"List","items":[
             {"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"high"},"value":1000,
              "preemptionPolicy":"Never"},
             {"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"default"},"value":-5,
              "globalDefault":true},
             {"apiVersion":"v1","kind":"Node","metadata":{"name":"g1","labels":{"topology.kubernetes.io/zone":"eu-1a",
              "topology.computeplan.dev/rack":"r7","nvidia.com/gpu.product":"NVIDIA-H100-80GB-HBM3"}},
              "spec":{"unschedulable":true},
              "status":{"allocatable":{"cpu":"95500m","memory":"1000Gi","nvidia.com/gpu":"8","pods":"110"},
               "conditions":[{"type":"Ready","status":"True"}]}},
             {"apiVersion":"v1","kind":"Node","metadata":{"name":"m1","labels":{}},
              "spec":{"taints":[{"key":"node.kubernetes.io/unreachable","effect":"NoExecute"}]},
              "status":{"allocatable":{"cpu":"32","memory":"256Gi","nvidia.com/mig-1g.10gb":"7"}}},
             {"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","namespace":"ml",
              "labels":{"scheduling.x-k8s.io/pod-group":"train","app":"x"}},
              "spec":{"nodeName":"g1","priorityClassName":"high","containers":[{"name":"c","resources":{"requests":
               {"cpu":"1500m","memory":"512Mi","nvidia.com/gpu":"2"}}}],
               "initContainers":[{"name":"i","resources":{"requests":{"cpu":"4"}}}]},
              "status":{"phase":"Running"}},
             {"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","namespace":"ml","labels":{"app":"x"}},
              "spec":{"containers":[{"name":"c","resources":{"requests":{"nvidia.com/mig-1g.10gb":"1"}}}]},
              "status":{"phase":"Pending"}},
             {"apiVersion":"v1","kind":"Pod","metadata":{"name":"done","namespace":"ml"},
              "spec":{"containers":[]},"status":{"phase":"Succeeded"}},
             {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"x","namespace":"ml"},
              "spec":{"maxUnavailable":"50%","selector":{"matchLabels":{"app":"x"}}}}
            ]}""";

    @Test
    void nodesPodsClassesAndBudgetsBecomeARequest() throws Exception {
        PlacementRequest req = new KubernetesImporter(KubernetesProperties.defaults()).read(JSON.readTree(CLUSTER));

        PlacementRequest.NodeDto g1 = req.nodes().get(0);
        assertThat(g1.capacity()).containsEntry("cpu", 95_500L).containsEntry("memory", 1_024_000L);
        assertThat(g1.gpus()).isEqualTo(8);
        assertThat(g1.gpuType()).isEqualTo("NVIDIA-H100-80GB-HBM3");
        assertThat(g1.zone()).isEqualTo("eu-1a");
        assertThat(g1.rack()).isEqualTo("r7");
        assertThat(g1.state()).isEqualTo("CORDONED");
        PlacementRequest.NodeDto m1 = req.nodes().get(1);
        assertThat(m1.state()).isEqualTo("FAILED");
        assertThat(m1.capacity()).containsEntry("nvidia.com/mig-1g.10gb", 7L);
        assertThat(m1.zone()).isEqualTo("default");

        assertThat(req.workloads()).extracting(PlacementRequest.WorkloadDto::id).containsExactly("ml/a", "ml/b");
        PlacementRequest.WorkloadDto a = req.workloads().get(0);
        // the init container's 4 CPUs exceed the 1.5 of the containers
        assertThat(a.requirements()).containsEntry("cpu", 4_000L).containsEntry("memory", 512L);
        assertThat(a.gpus()).isEqualTo(2);
        assertThat(a.currentNode()).isEqualTo("g1");
        assertThat(a.gang()).isEqualTo("ml/train");
        assertThat(a.preemptionPolicy()).isEqualTo("Never");
        PlacementRequest.WorkloadDto b = req.workloads().get(1);
        assertThat(b.requirements()).containsEntry("nvidia.com/mig-1g.10gb", 1L);
        // 1000 and the global default -5, shifted so the lowest is 1
        assertThat(a.priority()).isEqualTo(1_006L);
        assertThat(b.priority()).isEqualTo(1L);

        assertThat(req.disruptionBudgets()).singleElement().satisfies(pdb -> {
            assertThat(pdb.id()).isEqualTo("ml/x");
            assertThat(pdb.workloads()).containsExactly("ml/a", "ml/b");
            assertThat(pdb.maxUnavailable()).isEqualTo(1); // 50 % of 2
        });
        assertThat(req.gangs()).extracting(PlacementRequest.GangDto::id).containsExactly("ml/train");
    }

    @Test
    void aPlanBecomesEvictionsThenBindings() throws Exception {
        PlacementRequest req = new KubernetesImporter(KubernetesProperties.defaults()).read(JSON.readTree(CLUSTER));
        PlacementPlan plan = new PlacementPlan(
                null,
                true,
                List.of(
                        new PlacementPlan.Assignment("ml/a", null, null, "g1", false),
                        new PlacementPlan.Assignment("ml/b", "g1", List.of(0), null, false)),
                null);
        JsonNode list = KubernetesExporter.write(req, plan);
        assertThat(list.path("kind").asText()).isEqualTo("List");
        JsonNode eviction = list.path("items").get(0);
        assertThat(eviction.path("apiVersion").asText()).isEqualTo("policy/v1");
        assertThat(eviction.path("kind").asText()).isEqualTo("Eviction");
        assertThat(eviction.path("metadata").path("name").asText()).isEqualTo("a");
        assertThat(eviction.path("metadata").path("namespace").asText()).isEqualTo("ml");
        JsonNode binding = list.path("items").get(1);
        assertThat(binding.path("kind").asText()).isEqualTo("Binding");
        assertThat(binding.path("target").path("kind").asText()).isEqualTo("Node");
        assertThat(binding.path("target").path("name").asText()).isEqualTo("g1");
    }
}
