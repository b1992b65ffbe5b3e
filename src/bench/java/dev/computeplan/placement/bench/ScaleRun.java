package dev.computeplan.placement.bench;

import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.solver.PlacementSolver;
import dev.computeplan.placement.solver.PlacementSolverSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic scale run: a cluster of 8-GPU nodes and a seeded mix of workloads; prints the time of the first new best
 * solution with no hard violation, and the final score; then optionally an incremental re-plan. Run by
 * benchmarks/placement-scale.sh.
 */
final class ScaleRun {

    private ScaleRun() {}

    /** @param arrivals new workloads of the re-plan after the first solve (0: no re-plan) */
    static void run(int workloads, int gpus, int seconds, int arrivals) {
        PlacementRequest req = generate(gpus / 8, workloads, 42);
        if (!PlacementValidator.validate(req).isEmpty()) {
            throw new IllegalStateException(PlacementValidator.validate(req).toString());
        }
        long start = System.nanoTime();
        long[] firstFeasible = {-1};
        String[] firstScore = {null};
        PlacementSolution best = new PlacementSolver(PlacementSolverSettings.defaults())
                .solve(PlacementMapper.toDomain(req, null), Duration.ofSeconds(seconds), stop -> {}, newBest -> {
                    if (firstFeasible[0] < 0
                            && newBest.getScore().hardScore() == 0
                            && newBest.getWorkloads().stream()
                                            .filter(w -> w.isAssigned())
                                            .count()
                                    > 0) {
                        firstFeasible[0] = (System.nanoTime() - start) / 1_000_000;
                        firstScore[0] = newBest.getScore().toString();
                    }
                });
        long assigned = best.getWorkloads().stream().filter(w -> w.isAssigned()).count();
        System.out.printf(
                "SCALE nodes=%d gpus=%d workloads=%d firstFeasibleMs=%d firstScore=%s final=%s assigned=%d%n",
                gpus / 8, gpus, workloads, firstFeasible[0], firstScore[0], best.getScore(), assigned);
        if (arrivals > 0) {
            replan(req, best, arrivals, seconds);
        }
    }

    /** Incremental re-plan: everything placed now runs where it is (move cost 100), plus new arrivals. */
    static void replan(PlacementRequest req, PlacementSolution solved, int arrivals, int seconds) {
        Map<String, String> at = new java.util.HashMap<>();
        solved.getWorkloads()
                .forEach(w -> at.put(w.getId(), w.isAssigned() ? w.getNode().getId() : null));
        List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            workloads.add(new PlacementRequest.WorkloadDto(
                    w.id(),
                    w.requirements(),
                    w.gpus(),
                    w.gpuMilli(),
                    w.allowedGpuTypes(),
                    w.preferredGpuTypes(),
                    w.priority(),
                    w.service(),
                    w.gang(),
                    at.get(w.id()),
                    100L,
                    w.powerWatts(),
                    null));
        }
        PlacementRequest more = generate(1, arrivals, 7);
        for (PlacementRequest.WorkloadDto w : more.workloads()) {
            workloads.add(new PlacementRequest.WorkloadDto(
                    "new-" + w.id(),
                    w.requirements(),
                    w.gpus(),
                    w.gpuMilli(),
                    w.allowedGpuTypes(),
                    w.preferredGpuTypes(),
                    w.priority(),
                    null,
                    null,
                    null,
                    null,
                    w.powerWatts(),
                    null));
        }
        PlacementRequest next = new PlacementRequest(
                req.resources(),
                req.nodes(),
                req.racks(),
                req.services(),
                req.gangs(),
                workloads,
                req.balanceObjectives(),
                req.fragmentationProbes(),
                req.spareReserves(),
                req.moveCosts(),
                req.weights(),
                null);
        long start = System.nanoTime();
        long[] firstAllPlaced = {-1};
        PlacementSolution best = new PlacementSolver(PlacementSolverSettings.defaults())
                .solve(PlacementMapper.toDomain(next, null), Duration.ofSeconds(seconds), stop -> {}, newBest -> {
                    if (firstAllPlaced[0] < 0
                            && newBest.getScore().hardScore() == 0
                            && newBest.getWorkloads().stream().allMatch(w -> w.isAssigned())) {
                        firstAllPlaced[0] = (System.nanoTime() - start) / 1_000_000;
                    }
                });
        long moved = best.getWorkloads().stream().filter(w -> w.isMoved()).count();
        long pending = best.getWorkloads().stream().filter(w -> !w.isAssigned()).count();
        System.out.printf(
                "SCALE-REPLAN arrivals=%d firstAllPlacedMs=%d final=%s moved=%d pending=%d%n",
                arrivals, firstAllPlaced[0], best.getScore(), moved, pending);
    }

    static PlacementRequest generate(int nodeCount, int workloadCount, long seed) {
        Random random = new Random(seed);
        String[] types = {"A100", "H100", "V100M32", "L40"};
        List<PlacementRequest.NodeDto> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new PlacementRequest.NodeDto(
                    "node-" + i,
                    Map.of("cpu", 128_000L, "memory", 1_048_576L),
                    null,
                    "z" + (i % 3),
                    "nv-" + (i / 16),
                    null,
                    8,
                    types[i % types.length],
                    null,
                    800L));
        }
        List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>();
        for (int i = 0; i < workloadCount; i++) {
            int kind = random.nextInt(10);
            int gpus = kind < 3 ? 0 : kind < 6 ? 1 : kind < 8 ? 2 : kind < 9 ? 4 : 8;
            int milli = kind < 3 ? new int[] {250, 300, 500}[random.nextInt(3)] : 0;
            List<String> allowed = random.nextInt(3) == 0 ? List.of(types[random.nextInt(types.length)]) : List.of();
            long size = Math.max(1, gpus);
            workloads.add(new PlacementRequest.WorkloadDto(
                    "w-" + i,
                    Map.of("cpu", 8_000L * size, "memory", 65_536L * size),
                    gpus,
                    milli,
                    allowed,
                    List.of(),
                    (long) (1 + random.nextInt(100)),
                    null,
                    null,
                    null,
                    null,
                    300L * size,
                    null));
        }
        return new PlacementRequest(
                null,
                nodes,
                null,
                null,
                null,
                workloads,
                null,
                List.of(
                        new PlacementRequest.ProbeDto("one-gpu", Map.of("cpu", 8_000L, "memory", 65_536L), 1, 0, 4L),
                        new PlacementRequest.ProbeDto(
                                "half-gpu", Map.of("cpu", 2_000L, "memory", 16_384L), 0, 500, 2L)),
                null,
                null,
                Map.of("powerDraw", 0L),
                null);
    }
}
