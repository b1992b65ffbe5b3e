package dev.computeplan.placement.bench;

import dev.computeplan.placement.PendingPlaceability;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementChecker;
import dev.computeplan.placement.solver.PlacementSolver;
import dev.computeplan.placement.solver.PlacementSolverSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A different game from the online benchmark: the whole 130% arrival list of seed 0 solved at once by the engine
 * (Timefold, the same path as the API), pending cost = the pod's GPU demand, so the medium score is the
 * unallocated GPU. Prints a table and writes target/openb-batch-table.md.
 */
final class OpenbBatch {

    private OpenbBatch() {}

    static String run(int seconds, List<String> traces) throws IOException {
        Path data = OpenbTrace.dataDir();
        List<String[]> nodes = OpenbTrace.nodes(data);
        StringBuilder table = new StringBuilder(
                "| trace | policy | GPU alloc (130% submitted) | pending | pending that fits | seconds |\n"
                        + "|---|---|---|---|---|---|\n");
        for (String trace : traces) {
            List<Pod> arrivals = OpenbTrace.arrivals(OpenbTrace.pods(data, trace), new ClusterState(nodes), 0);
            PlacementRequest req = request(nodes, arrivals);
            long capacity = 0;
            for (String[] f : nodes) {
                capacity += Integer.parseInt(f[3]) * 1000L;
            }
            PlacementSolution best = new PlacementSolver(PlacementSolverSettings.defaults())
                    .solve(PlacementMapper.toDomain(req, null), Duration.ofSeconds(seconds), stop -> {}, b -> {});
            PlacementPlan plan = PlacementMapper.toPlan(best);
            PlacementChecker.Report report = PlacementChecker.check(req, plan);
            if (!report.feasible()) {
                throw new IllegalStateException("batch answer infeasible: " + report.violations());
            }
            double allocated = (double) plan.summary().gpuAllocatedMilli() / capacity;
            int placeable = PendingPlaceability.placeable(req, plan).size();
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | engine batch (Timefold) | %.2f%% | %d | %d | %d |%n",
                    trace,
                    100 * allocated,
                    plan.summary().pending(),
                    placeable,
                    seconds));
            System.err.println("OPENB-BATCH " + trace + " " + allocated + " " + best.getScore() + " pending "
                    + plan.summary().pending() + " placeable " + placeable);
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
                null, nodeDtos, null, null, null, workloads, null, null, null, null, Map.of("powerDraw", 0L));
    }
}
