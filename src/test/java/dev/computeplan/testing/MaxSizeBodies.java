package dev.computeplan.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.computeplan.procurement.bench.ScenarioGenerator;
import java.time.LocalDateTime;
import java.util.Random;

/** Seeded request bodies at a chosen size, for the tests that hold the service to its size and time limits. */
public final class MaxSizeBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    private MaxSizeBodies() {}

    /**
     * {@code jobs} one-GPU jobs on {@code steps} 30-minute steps under a cap that binds: each job runs 1-24 h in a window of
     * up to three times that, at one of three A100-like power levels; every job may be late.
     */
    public static ObjectNode power(int jobs, int steps, long seed) {
        Random random = new Random(seed);
        ObjectNode body = JSON.objectNode();
        ObjectNode grid = body.putObject("grid");
        grid.put("start", START.toString());
        grid.put("stepMinutes", 30);
        grid.put("steps", steps);
        ArrayNode carbon = grid.putArray("carbonGPerKwh");
        ArrayNode price = grid.putArray("priceUsdPerMwh");
        ArrayNode cap = grid.putArray("capKw");
        double hours = 0;
        ObjectNode[] list = new ObjectNode[jobs];
        for (int j = 0; j < jobs; j++) {
            int durationSteps = 2 + random.nextInt(47);
            int windowSteps = Math.min(steps, durationSteps * (1 + random.nextInt(3)));
            int release = random.nextInt(Math.max(1, steps - windowSteps + 1));
            ObjectNode job = JSON.objectNode();
            job.put("id", "job-" + j);
            job.put("release", START.plusMinutes(30L * release).toString());
            job.put("deadline", START.plusMinutes(30L * (release + windowSteps)).toString());
            job.put("workGpuHours", durationSteps / 2.0);
            job.put("gpus", 1);
            job.put("interruptible", random.nextInt(4) == 0);
            job.put("minRunMinutes", 0);
            job.put("checkpointOverheadMinutes", 0);
            job.put("priority", 1 + random.nextInt(3));
            job.put("mayBeLate", true);
            job.put("mayBeDropped", false);
            ArrayNode levels = job.putArray("levels");
            addLevel(levels, "300W", 1.0, 300);
            addLevel(levels, "250W", 0.93, 250);
            addLevel(levels, "200W", 0.8, 200);
            list[j] = job;
            hours += durationSteps / 2.0;
        }
        // about 60 % of the average draw at full power: the cap binds at busy times
        double capKw = Math.max(0.6, 0.6 * 0.3 * hours / (steps / 2.0));
        for (int t = 0; t < steps; t++) {
            int hour = (t / 2) % 24;
            price.add(hour >= 8 && hour < 20 ? 300.0 : 150.0);
            carbon.add(300 + 100 * Math.round(Math.sin(t * Math.PI / 24) * 10) / 10.0);
            cap.add(Math.round(capKw * 10) / 10.0);
        }
        ArrayNode array = body.putArray("jobs");
        for (ObjectNode job : list) {
            array.add(job);
        }
        ObjectNode weights = body.putObject("weights");
        weights.put("co2PriceUsdPerTonne", 100.0);
        weights.put("includeEnergyCost", true);
        weights.put("latePenaltyUsdPerHour", 10.0);
        weights.put("dropPenaltyUsd", 0.0);
        return body;
    }

    private static void addLevel(ArrayNode levels, String name, double speed, double watts) {
        ObjectNode level = levels.addObject();
        level.put("name", name);
        level.put("relativeSpeed", speed);
        level.put("powerW", watts);
    }

    /**
     * {@code nodes} GPU nodes in racks of 16 over 4 zones, {@code workloads} running workloads (a third with GPUs) in
     * 200 services, each placed on a node; every field a real cluster export carries.
     */
    public static ObjectNode placement(int nodes, int workloads, long seed) {
        Random random = new Random(seed);
        ObjectNode body = JSON.objectNode();
        ArrayNode resources = body.putArray("resources");
        resources.addObject().put("id", "cpu");
        resources.addObject().put("id", "memory");
        ArrayNode nodeArray = body.putArray("nodes");
        ArrayNode racks = body.putArray("racks");
        for (int n = 0; n < nodes; n++) {
            ObjectNode node = nodeArray.addObject();
            node.put("id", "node-" + n);
            ObjectNode capacity = node.putObject("capacity");
            capacity.put("cpu", 128_000);
            capacity.put("memory", 1_048_576);
            node.put("zone", "zone-" + n % 4);
            node.put("rack", "rack-" + n / 16);
            node.put("gpus", 8);
            node.put("gpuType", n % 3 == 0 ? "H100" : "A100");
            node.put("idlePowerWatts", 600);
            if (n % 16 == 0) {
                racks.addObject().put("id", "rack-" + n / 16).put("powerCapWatts", 60_000);
            }
        }
        ArrayNode services = body.putArray("services");
        for (int s = 0; s < 200; s++) {
            services.addObject().put("id", "service-" + s).put("spreadMin", 2);
        }
        ArrayNode workloadArray = body.putArray("workloads");
        for (int w = 0; w < workloads; w++) {
            ObjectNode workload = workloadArray.addObject();
            workload.put("id", "workload-" + w);
            ObjectNode requirements = workload.putObject("requirements");
            requirements.put("cpu", 1000 + random.nextInt(8) * 1000);
            requirements.put("memory", 4096 + random.nextInt(16) * 4096);
            if (w % 3 == 0) {
                workload.put("gpus", 1);
            }
            workload.put("priority", 1 + random.nextInt(10));
            workload.put("service", "service-" + w % 200);
            workload.put("currentNode", "node-" + random.nextInt(nodes));
            workload.put("powerWatts", 300);
        }
        return body;
    }

    /** The benchmark's generated procurement scenario as a request body. */
    public static ObjectNode procurement(int skus, int quarters, int sites, int workloads, int variants, long seed) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectNode body = mapper.valueToTree(ScenarioGenerator.generate(skus, quarters, sites, workloads, seed));
        ArrayNode list = body.putArray("variants");
        for (int v = 0; v < variants; v++) {
            list.addObject().put("name", "variant-" + v).put("demandFactor", 1.0 + 0.1 * (v + 1));
        }
        return body;
    }
}
