package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.domain.WorkloadDifficultyComparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A fast first placement for big clusters: the construction heuristic scores every node for every workload
 * (|W| x |N| full score updates), this phase checks the simple hard rules with plain counters and puts each
 * unassigned plain workload (no gang, no spread rule, no dependency) on the fitting node with the least free GPU
 * left (best fit), searching nodes in order of free GPU so a placement usually looks at a few nodes only. What it
 * cannot place is left to the construction heuristic. If the score says it broke a hard rule after all, it undoes
 * everything it did.
 */
public class QuickFitPhase implements PhaseCommand<PlacementSolution> {

    private static final String VARIABLE = "node";

    @Override
    public void changeWorkingSolution(ScoreDirector<PlacementSolution> sd, BooleanSupplier isPhaseTerminated) {
        PlacementSolution solution = sd.getWorkingSolution();
        Cluster cluster = new Cluster(solution);
        List<Workload> todo = plainUnassigned(solution);
        todo.sort(new WorkloadDifficultyComparator().reversed());
        long hardBefore = score(sd).hardScore();
        // This phase only adds load, so a shape that fit nowhere fits nowhere later either.
        Set<List<Object>> failedShapes = new HashSet<>();
        List<Workload> placed = new ArrayList<>();
        for (Workload w : todo) {
            if (isPhaseTerminated.getAsBoolean()) {
                break;
            }
            List<Object> shape = shapeOf(w);
            if (failedShapes.contains(shape)) {
                continue;
            }
            Tracker best = cluster.bestFit(w);
            if (best == null) {
                failedShapes.add(shape);
                continue;
            }
            cluster.place(best, w);
            sd.beforeVariableChanged(w, VARIABLE);
            w.setNode(best.node);
            sd.afterVariableChanged(w, VARIABLE);
            placed.add(w);
        }
        sd.triggerVariableListeners();
        if (score(sd).hardScore() < hardBefore) {
            // A rule these counters do not see was broken: leave it all to the construction heuristic.
            for (Workload w : placed) {
                sd.beforeVariableChanged(w, VARIABLE);
                w.setNode(null);
                sd.afterVariableChanged(w, VARIABLE);
            }
            sd.triggerVariableListeners();
        }
    }

    /** Unassigned workloads with no gang, spread rule or dependency, which the counters here fully judge. */
    private static List<Workload> plainUnassigned(PlacementSolution solution) {
        Set<Service> dependent = new HashSet<>();
        solution.getServiceDependencies().forEach(d -> {
            dependent.add(d.service());
            dependent.add(d.dependsOn());
        });
        List<Workload> todo = new ArrayList<>();
        for (Workload w : solution.getWorkloads()) {
            if (!w.isAssigned()
                    && !w.isPinned()
                    && w.getGang() == null
                    && (w.getService() == null
                            || (w.getService().spreadMin() <= 1 && !dependent.contains(w.getService())))) {
                todo.add(w);
            }
        }
        return todo;
    }

    /** Every node's counters, the racks' draw and the zones' free GPUs, and the nodes by free GPU. */
    private static final class Cluster {
        final Map<Rack, Long> rackDraw = new HashMap<>();
        final Map<String, Integer> zoneFree = new HashMap<>();
        final Map<String, Integer> reserve = new HashMap<>();
        /** Nodes by free GPU milli, ascending: the first fitting node from the workload's demand up is the best fit. */
        final TreeMap<Long, LinkedHashSet<Tracker>> byFree = new TreeMap<>();

        Cluster(PlacementSolution solution) {
            Map<Node, Tracker> trackers = new HashMap<>();
            for (Node n : solution.getNodes()) {
                trackers.put(n, new Tracker(n));
            }
            for (Workload w : solution.getWorkloads()) {
                if (w.isAssigned()) {
                    trackers.get(w.getNode()).add(w);
                }
            }
            for (Tracker t : trackers.values()) {
                if (t.node.getRack() != null) {
                    rackDraw.merge(t.node.getRack(), t.power(), Long::sum);
                }
                if (t.node.getState() == NodeState.ACTIVE) {
                    zoneFree.merge(t.node.getZone(), t.packing().freeWholeGpus(), Integer::sum);
                }
            }
            solution.getSpareReserves().forEach(r -> reserve.merge(r.zone(), r.gpus(), Math::max));
            for (Node n : solution.getNodes()) {
                Tracker t = trackers.get(n);
                byFree.computeIfAbsent(t.packing().freeMilli(), k -> new LinkedHashSet<>())
                        .add(t);
            }
        }

        /** The fitting node with the least free GPU left, or null. */
        Tracker bestFit(Workload w) {
            for (Map.Entry<Long, LinkedHashSet<Tracker>> entry :
                    byFree.tailMap(w.gpuDemandMilli(), true).entrySet()) {
                for (Tracker t : entry.getValue()) {
                    if (acceptable(t, w, rackDraw, zoneFree, reserve)) {
                        return t;
                    }
                }
            }
            return null;
        }

        void place(Tracker best, Workload w) {
            Node n = best.node;
            int freeBefore = best.packing().freeWholeGpus();
            long powerBefore = best.power();
            long freeMilliBefore = best.packing().freeMilli();
            byFree.get(freeMilliBefore).remove(best);
            if (byFree.get(freeMilliBefore).isEmpty()) {
                byFree.remove(freeMilliBefore);
            }
            best.add(w);
            byFree.computeIfAbsent(best.packing().freeMilli(), k -> new LinkedHashSet<>())
                    .add(best);
            if (n.getRack() != null) {
                rackDraw.merge(n.getRack(), best.power() - powerBefore, Long::sum);
            }
            zoneFree.merge(n.getZone(), best.packing().freeWholeGpus() - freeBefore, Integer::sum);
        }
    }

    private static boolean acceptable(
            Tracker t,
            Workload w,
            Map<Rack, Long> rackDraw,
            Map<String, Integer> zoneFree,
            Map<String, Integer> reserve) {
        if (!t.fits(w)) {
            return false;
        }
        Node n = t.node;
        Rack rack = n.getRack();
        if (rack != null
                && rack.capped()
                && rackDraw.getOrDefault(rack, 0L) - t.power() + t.powerWith(w) > rack.powerCapWatts()) {
            return false;
        }
        int reserved = reserve.getOrDefault(n.getZone(), 0);
        if (w.usesGpu() && reserved > 0) {
            GpuPacking after = t.packingWith(w);
            int freeAfter = zoneFree.getOrDefault(n.getZone(), 0) - t.packing().freeWholeGpus() + after.freeWholeGpus();
            return freeAfter >= reserved;
        }
        return true;
    }

    /** What decides where a workload fits in this phase (anti-affine services are never shared). */
    private static List<Object> shapeOf(Workload w) {
        List<Object> key = new ArrayList<>();
        for (int r = 0; r < w.resourceCount(); r++) {
            key.add(w.requirement(r));
        }
        key.add(w.getGpus());
        key.add(w.getGpuMilli());
        key.add(w.getAllowedGpuTypes());
        key.add(w.getPowerWatts());
        key.add(w.getService() != null && w.getService().antiAffinity() ? w.getService() : null);
        return key;
    }

    @SuppressWarnings("unchecked")
    private static HardMediumSoftLongScore score(ScoreDirector<PlacementSolution> sd) {
        return ((InnerScoreDirector<PlacementSolution, HardMediumSoftLongScore>) sd)
                .calculateScore()
                .raw();
    }

    /** Plain counters of one node: usage, GPU demand, draw, anti-affine services present. */
    private static final class Tracker {
        private final Node node;
        private final long[] usage;
        private int wholeGpus;
        private final List<Integer> shares = new ArrayList<>();
        private final Set<Service> services = new HashSet<>();
        private long workloadPower;
        private int count;
        private GpuPacking packing;

        Tracker(Node node) {
            this.node = node;
            this.usage = new long[node.resourceCount()];
            this.packing = GpuPacking.pack(node.getGpuCount(), 0, new int[0]);
        }

        void add(Workload w) {
            for (int r = 0; r < usage.length && r < w.resourceCount(); r++) {
                usage[r] += w.requirement(r);
            }
            wholeGpus += w.getGpus();
            if (w.getGpus() == 0 && w.getGpuMilli() > 0) {
                shares.add(w.getGpuMilli());
            }
            if (w.getService() != null) {
                services.add(w.getService());
            }
            workloadPower += w.getPowerWatts();
            count++;
            packing = packingWith(null);
        }

        GpuPacking packing() {
            return packing;
        }

        int maxFreeMilli() {
            int max = 0;
            for (int used : packing.usedMilli()) {
                max = Math.max(max, GpuPacking.MILLI_PER_GPU - used);
            }
            return max;
        }

        GpuPacking packingWith(Workload w) {
            int extraWhole = w == null ? 0 : w.getGpus();
            boolean share = w != null && w.getGpus() == 0 && w.getGpuMilli() > 0;
            int[] s = new int[shares.size() + (share ? 1 : 0)];
            for (int i = 0; i < shares.size(); i++) {
                s[i] = shares.get(i);
            }
            if (share) {
                s[s.length - 1] = w.getGpuMilli();
            }
            return GpuPacking.pack(node.getGpuCount(), wholeGpus + extraWhole, s);
        }

        long power() {
            return count == 0 ? 0 : node.getIdlePowerWatts() + workloadPower;
        }

        long powerWith(Workload w) {
            return node.getIdlePowerWatts() + workloadPower + w.getPowerWatts();
        }

        boolean fits(Workload w) {
            if (node.getState() != NodeState.ACTIVE || !w.allowsGpuType(node.getGpuType()) && w.usesGpu()) {
                return false;
            }
            if (w.getService() != null && w.getService().antiAffinity() && services.contains(w.getService())) {
                return false;
            }
            for (int r = 0; r < usage.length && r < w.resourceCount(); r++) {
                if (usage[r] + w.requirement(r) > node.capacity(r)) {
                    return false;
                }
            }
            if (!w.usesGpu()) {
                return true;
            }
            if (w.getGpus() > 0) {
                // Whole GPUs fit exactly when that many GPUs are free: the shares keep the GPUs they packed into.
                return packing.freeWholeGpus() >= w.getGpus();
            }
            return maxFreeMilli() >= w.getGpuMilli() && packingWith(w).overflowMilli() == 0;
        }
    }
}
