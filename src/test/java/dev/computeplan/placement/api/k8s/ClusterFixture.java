package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * A seeded Kubernetes cluster as {@code kubectl get nodes,pods,priorityclasses,poddisruptionbudgets -o json} prints
 * it: 50 nodes (44 with 8 A100s over two zones and four racks, one of them cordoned; 4 with MIG slices; 2 CPU-only)
 * and 400 pods (running and pending, priorities low/high/never-preempting, a 4-pod gang of 8-GPU workers, a web
 * deployment under a PodDisruptionBudget, MIG pods).
 */
final class ClusterFixture {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ClusterFixture() {}

    static ObjectNode cluster(long seed) {
        Random random = new Random(seed);
        ObjectNode list = F.objectNode().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        priorityClass(items, "low", 100, false, null);
        priorityClass(items, "standard", 500, true, null);
        priorityClass(items, "high", 1000, false, null);
        priorityClass(items, "opportunistic", 800, false, "Never");
        int[] gpuFree = new int[50];
        for (int n = 0; n < 50; n++) {
            ObjectNode node = items.addObject().put("apiVersion", "v1").put("kind", "Node");
            ObjectNode meta = node.putObject("metadata").put("name", "node-" + n);
            ObjectNode labels = meta.putObject("labels")
                    .put("kubernetes.io/hostname", "node-" + n)
                    .put("topology.kubernetes.io/zone", n % 2 == 0 ? "zone-a" : "zone-b")
                    .put("topology.computeplan.dev/rack", "rack-" + (n % 4));
            ObjectNode alloc = node.putObject("status").putObject("allocatable");
            alloc.put("cpu", "63500m").put("memory", "500Gi").put("pods", "110");
            if (n < 44) {
                labels.put("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB");
                alloc.put("nvidia.com/gpu", "8");
                gpuFree[n] = 8;
            } else if (n < 48) {
                labels.put("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB-MIG");
                alloc.put("nvidia.com/mig-1g.10gb", "56");
            }
            node.with("status")
                    .putArray("conditions")
                    .addObject()
                    .put("type", "Ready")
                    .put("status", "True");
            if (n == 7) {
                node.putObject("spec").put("unschedulable", true);
                node.with("spec")
                        .putArray("taints")
                        .addObject()
                        .put("key", "node.kubernetes.io/unschedulable")
                        .put("effect", "NoSchedule");
            }
        }
        int pods = 0;
        // gang: 4 pending 8-GPU workers of high priority
        for (int i = 0; i < 4; i++, pods++) {
            ObjectNode p = pod(items, "train-" + i, "ml", "high", 8, "8", "64Gi", null);
            labels(p).put("scheduling.x-k8s.io/pod-group", "train");
        }
        // web deployment: 12 running 1-GPU replicas under a PDB (minAvailable 75 %)
        for (int i = 0; i < 12; i++, pods++) {
            int n = (i * 3) % 44 == 7 ? 8 : (i * 3) % 44;
            gpuFree[n] -= 1;
            labels(pod(items, "web-" + i, "web", "standard", 1, "4", "16Gi", "node-" + n))
                    .put("app", "web");
        }
        // MIG pods: 40 running, 20 pending
        for (int i = 0; i < 60; i++, pods++) {
            ObjectNode p = pod(
                    items, "mig-" + i, "notebooks", "standard", 0, "1", "8Gi", i < 40 ? "node-" + (44 + i % 4) : null);
            ((ObjectNode) p.get("spec")
                            .get("containers")
                            .get(0)
                            .get("resources")
                            .get("requests"))
                    .put("nvidia.com/mig-1g.10gb", "1");
        }
        // the rest: running low-priority batch on GPU nodes until they are about 85 % full, then pending pods
        while (pods < 400) {
            int gpus = 1 + random.nextInt(4);
            int n = random.nextInt(44);
            boolean running = pods < 330 && n != 7 && gpuFree[n] >= gpus;
            if (running) {
                gpuFree[n] -= gpus;
            }
            String cls = running ? "low" : (random.nextInt(3) == 0 ? "opportunistic" : "standard");
            labels(pod(
                            items,
                            "job-" + pods,
                            "batch",
                            cls,
                            gpus,
                            (2 * gpus) + "",
                            (8 * gpus) + "Gi",
                            running ? "node-" + n : null))
                    .put("app", "batch");
            pods++;
        }
        ObjectNode pdb = items.addObject().put("apiVersion", "policy/v1").put("kind", "PodDisruptionBudget");
        pdb.putObject("metadata").put("name", "web").put("namespace", "web");
        ObjectNode spec = pdb.putObject("spec").put("minAvailable", "75%");
        spec.putObject("selector").putObject("matchLabels").put("app", "web");
        return list;
    }

    private static ObjectNode labels(ObjectNode pod) {
        return (ObjectNode) pod.get("metadata").get("labels");
    }

    private static void priorityClass(ArrayNode items, String name, int value, boolean globalDefault, String policy) {
        ObjectNode pc =
                items.addObject().put("apiVersion", "scheduling.k8s.io/v1").put("kind", "PriorityClass");
        pc.putObject("metadata").put("name", name);
        pc.put("value", value).put("globalDefault", globalDefault);
        if (policy != null) {
            pc.put("preemptionPolicy", policy);
        }
    }

    private static ObjectNode pod(
            ArrayNode items, String name, String ns, String cls, int gpus, String cpu, String mem, String node) {
        ObjectNode p = items.addObject().put("apiVersion", "v1").put("kind", "Pod");
        p.putObject("metadata").put("name", name).put("namespace", ns).putObject("labels");
        ObjectNode spec = p.putObject("spec").put("priorityClassName", cls).put("schedulerName", "default-scheduler");
        if (node != null) {
            spec.put("nodeName", node);
        }
        ObjectNode requests = spec.putArray("containers")
                .addObject()
                .put("name", "main")
                .put("image", "registry.example/" + ns + ":1")
                .putObject("resources")
                .putObject("requests")
                .put("cpu", cpu)
                .put("memory", mem);
        if (gpus > 0) {
            requests.put("nvidia.com/gpu", String.valueOf(gpus));
            ((ObjectNode) spec.get("containers").get(0).get("resources"))
                    .putObject("limits")
                    .put("nvidia.com/gpu", String.valueOf(gpus));
        }
        p.putObject("status").put("phase", node == null ? "Pending" : "Running");
        return p;
    }
}
