package dev.computeplan.placement.bench;

import dev.computeplan.common.SolveControl;
import dev.computeplan.placement.PendingPlaceability;
import dev.computeplan.placement.PlacementKind;
import dev.computeplan.placement.PlacementProperties;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.PlacementEngineSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A different game from the online benchmark: the whole 130% arrival list of seed 0 solved at once as a placement
 * job ({@link PlacementKind#solve}, the API's path, its limit covering mapping and the independent check), pending cost = the pod's GPU demand, so the medium score is the
 * unallocated GPU. Prints a table and writes target/openb-batch-table.md.
 */
final class OpenbBatch {

    private OpenbBatch() {}

    static String run(int seconds, List<String> traces, PlacementEngineSettings.Search search) throws IOException {
        Path data = OpenbTrace.dataDir();
        List<String[]> nodes = OpenbTrace.nodes(data);
        StringBuilder table = new StringBuilder(
                "| trace | search | GPU alloc (130% submitted) | pending | pending that fits | limit s | wall s | load |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        PlacementProperties defaults = PlacementProperties.defaults();
        PlacementKind kind = new PlacementKind(
                defaults.withEngine(defaults.solverSettings().engine().withSearch(search)));
        for (String trace : traces) {
            List<Pod> arrivals = OpenbTrace.arrivals(OpenbTrace.pods(data, trace), new ClusterState(nodes), 0);
            PlacementRequest req = request(nodes, arrivals);
            long capacity = 0;
            for (String[] f : nodes) {
                capacity += Integer.parseInt(f[3]) * 1000L;
            }
            // the job's own path: mapping, solving and the independent check (which fails the job) in the limit
            long start = System.nanoTime();
            PlacementPlan plan = kind.solve(req, null, SolveControl.withTimeLimit(Duration.ofSeconds(seconds)))
                    .solution();
            double wall = (System.nanoTime() - start) / 1e9;
            double allocated = (double) plan.summary().gpuAllocatedMilli() / capacity;
            int placeable = PendingPlaceability.placeable(req, plan).size();
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f%% | %d | %d | %d | %.1f | %.1f |%n",
                    trace,
                    search,
                    100 * allocated,
                    plan.summary().pending(),
                    placeable,
                    seconds,
                    wall,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.err.println("OPENB-BATCH " + trace + " " + search + " " + allocated + " " + plan.score()
                    + " pending " + plan.summary().pending() + " placeable " + placeable);
        }
        Files.writeString(Path.of("target/openb-batch-table.md"), table.toString());
        return table.toString();
    }

    private static PlacementRequest request(List<String[]> nodes, List<Pod> arrivals) {
        List<PlacementRequest.NodeDto> nodeDtos = new ArrayList<>();
        for (String[] f : nodes) {
            nodeDtos.add(new PlacementRequest.NodeDto(
                    f[0],
                    Map.of("cpu", Long.parseLong(f[1]), "memory", Long.parseLong(f[2])),
                    null,
                    "z",
                    null,
                    null,
                    Integer.parseInt(f[3]),
                    f[4],
                    null,
                    null));
        }
        List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            Pod p = arrivals.get(i);
            workloads.add(new PlacementRequest.WorkloadDto(
                    "pod-" + i,
                    Map.of("cpu", p.cpu(), "memory", p.mem()),
                    p.share() ? 0 : p.gpus(),
                    p.share() ? p.milli() : 0,
                    List.of(p.spec()),
                    List.of(),
                    Math.max(1L, p.gpuMilli()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        return new PlacementRequest(
                null, nodeDtos, null, null, null, workloads, null, null, null, null, Map.of("powerDraw", 0L), null);
    }
}
