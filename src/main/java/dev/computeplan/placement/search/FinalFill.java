package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.domain.WorkloadDifficultyComparator;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last placement step of every solve: puts each still-pending workload, and each wholly pending gang, on a
 * node where it fits without moving anything else. A search stopped by its time limit may leave work that fits
 * (construction got only its share of the time, and local search places pending work only by chance), and what a
 * user gets must not depend on how busy the machine was. Greedy and deterministic: most important and largest
 * first, each on the fitting node with the least free GPU left (a gang: its members in one rack or network domain
 * when it asks for one). Plain counters pick the candidates; the incremental score has the last word on every hard
 * rule, so a placement that breaks one (transient capacity, spread, a dependency) is undone and the next candidate
 * tried.
 */
public final class FinalFill {

    /** Candidates the counters accepted but the score refused, per workload or gang, before giving up on it. */
    private static final int SCORED_TRIES = 16;
    /** A placement can make room for a dependent service's workloads in its network domain: a few passes. */
    private static final int MAX_PASSES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(FinalFill.class);
    private final PlacementSolution solution;
    private final PlacementIncrementalScore score = new PlacementIncrementalScore();
    private final ClusterCounters cluster;
    private final BooleanSupplier stop;
    /** Per topology, the group of each node. */
    private final Map<GangTopology, Map<NodeTracker, List<NodeTracker>>> groupOf = new LinkedHashMap<>();

    private HardMediumSoftLongScore current;
    private int placed;

    private FinalFill(PlacementSolution solution, BooleanSupplier stop) {
        this.solution = solution;
        this.stop = stop;
        score.resetWorkingSolution(solution);
        current = score.calculateScore();
        cluster =
                solution.getWorkloads().stream().allMatch(Workload::isAssigned) ? null : new ClusterCounters(solution);
    }

    /**
     * Places what fits, in place, until done or {@code stop} says so, and returns the score of the result (the
     * solution's own score field is left as it was).
     */
    public static HardMediumSoftLongScore apply(PlacementSolution solution, BooleanSupplier stop) {
        FinalFill fill = new FinalFill(solution, stop);
        boolean pending = solution.getWorkloads().stream().anyMatch(w -> !w.isAssigned());
        for (int pass = 0; pending && pass < MAX_PASSES && !stop.getAsBoolean(); pass++) {
            int before = fill.placed;
            if (pass == 0) {
                fill.gangs();
            }
            // A later pass only for what a placement of the pass before may have made room for: a dependent service.
            fill.singles(pass > 0);
            if (fill.placed == before || solution.getServiceDependencies().isEmpty()) {
                break;
            }
        }
        if (fill.placed > 0) {
            LOG.info("Final fill placed {} workloads: {}", fill.placed, fill.current);
        }
        return fill.current;
    }

    /** @param dependentOnly only workloads of services that depend on others (a later pass) */
    private void singles(boolean dependentOnly) {
        Set<Service> dependent = Collections.newSetFromMap(new IdentityHashMap<>());
        solution.getServiceDependencies().forEach(d -> dependent.add(d.service()));
        List<Workload> todo = new ArrayList<>();
        for (Workload w : solution.getWorkloads()) {
            if (!w.isAssigned()
                    && !w.isPinned()
                    && w.getGang() == null
                    && (!dependentOnly || dependent.contains(w.getService()))) {
                todo.add(w);
            }
        }
        todo.sort(new WorkloadDifficultyComparator().reversed());
        // Placing only adds load, so what fit on no node fits on none later in the pass.
        FailedShapes failed = new FailedShapes();
        for (Workload w : todo) {
            if (stop.getAsBoolean()) {
                return;
            }
            if (!failed.covers(w) && placeSingle(w) == Outcome.NO_NODE) {
                failed.add(w);
            }
        }
    }

    private enum Outcome {
        PLACED,
        NO_NODE,
        REFUSED
    }

    /** NO_NODE when the counters find no node at all; REFUSED when the score refused the nodes they found. */
    private Outcome placeSingle(Workload w) {
        Set<NodeTracker> refused = new HashSet<>();
        for (int tries = 0; tries < SCORED_TRIES; tries++) {
            NodeTracker t = cluster.bestFit(w, c -> !refused.contains(c));
            if (t == null) {
                return tries == 0 ? Outcome.NO_NODE : Outcome.REFUSED;
            }
            score.move(w, t.node);
            if (keeps()) {
                cluster.place(t, w);
                placed++;
                return Outcome.PLACED;
            }
            score.move(w, null);
            refused.add(t);
        }
        return Outcome.REFUSED;
    }

    /** Whether the score after the last moves breaks no more hard rules and leaves less important work pending. */
    private boolean keeps() {
        HardMediumSoftLongScore after = score.calculateScore();
        if (after.hardScore() >= current.hardScore() && after.mediumScore() > current.mediumScore()) {
            current = after;
            return true;
        }
        return false;
    }

    private void gangs() {
        Map<Gang, List<Workload>> members = new LinkedHashMap<>();
        for (Workload w : solution.getWorkloads()) {
            if (w.getGang() != null) {
                members.computeIfAbsent(w.getGang(), g -> new ArrayList<>()).add(w);
            }
        }
        List<List<Workload>> pending = new ArrayList<>();
        members.values().forEach(m -> {
            if (m.stream().noneMatch(w -> w.isAssigned() || w.isPinned())) {
                m.sort(Comparator.comparingLong(Workload::gpuDemandMilli).reversed());
                pending.add(m);
            }
        });
        pending.sort(Comparator.<List<Workload>>comparingLong(m -> -m.get(0).getPriority())
                .thenComparingInt(m -> -m.size()));
        Map<GangTopology, List<List<NodeTracker>>> groups = new LinkedHashMap<>();
        FailedShapes.Gangs failed = new FailedShapes.Gangs();
        for (List<Workload> gang : pending) {
            if (stop.getAsBoolean()) {
                return;
            }
            if (failed.covers(gang)) {
                continue;
            }
            GangTopology topology = gang.get(0).getGang().topology();
            List<List<NodeTracker>> where = groups.computeIfAbsent(topology, this::groups);
            if (!placeGang(gang, where)) {
                failed.add(gang);
            }
        }
    }

    /**
     * In the first group (rack, network domain or, for ANY, the whole cluster) where the whole gang fits. Only
     * groups with a node that takes the largest member on its own are tried.
     */
    private boolean placeGang(List<Workload> gang, List<List<NodeTracker>> where) {
        if (where.get(0) == null) {
            return placeGangIn(gang, null) == Outcome.PLACED;
        }
        // The groups with a node that takes the largest member, in their order.
        Map<NodeTracker, List<NodeTracker>> groupOfNode =
                groupOf.get(gang.get(0).getGang().topology());
        Set<List<NodeTracker>> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        cluster.bestFit(gang.get(0), t -> {
            List<NodeTracker> group = groupOfNode.get(t);
            if (group != null) {
                candidates.add(group);
            }
            return false;
        });
        int tries = 0;
        for (List<NodeTracker> group : where) {
            if (!candidates.contains(group)) {
                continue;
            }
            Outcome outcome = placeGangIn(gang, group);
            if (outcome == Outcome.PLACED) {
                return true;
            }
            if (outcome == Outcome.REFUSED && ++tries >= SCORED_TRIES) {
                return false;
            }
        }
        return false;
    }

    /** The whole gang in {@code group} (null: anywhere), or NO_NODE / REFUSED as for one workload. */
    private Outcome placeGangIn(List<Workload> gang, List<NodeTracker> group) {
        {
            List<NodeTracker> at = new ArrayList<>();
            for (Workload w : gang) {
                NodeTracker t = group == null ? cluster.bestFit(w) : bestFitIn(w, group);
                if (t == null) {
                    break;
                }
                cluster.place(t, w);
                score.move(w, t.node);
                at.add(t);
            }
            if (at.size() == gang.size() && keeps()) {
                placed += gang.size();
                return Outcome.PLACED;
            }
            for (int i = at.size() - 1; i >= 0; i--) {
                cluster.remove(at.get(i), gang.get(i));
                score.move(gang.get(i), null);
            }
            return at.size() == gang.size() ? Outcome.REFUSED : Outcome.NO_NODE;
        }
    }

    /** Where a gang of this topology may go: for ANY one group, the whole cluster (null: use the free-GPU index). */
    private List<List<NodeTracker>> groups(GangTopology topology) {
        if (topology == GangTopology.ANY) {
            List<List<NodeTracker>> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        Map<Object, List<NodeTracker>> byKey = new LinkedHashMap<>();
        for (Node n : solution.getNodes()) {
            if (n.getState().forbidsAll()) {
                continue;
            }
            Object key =
                    topology == GangTopology.SAME_RACK ? (n.getRack() != null ? n.getRack() : n) : n.getNetworkDomain();
            NodeTracker t = cluster.trackers.get(n);
            List<NodeTracker> group = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            group.add(t);
            groupOf.computeIfAbsent(topology, k -> new IdentityHashMap<>()).put(t, group);
        }
        return new ArrayList<>(byKey.values());
    }

    /** The acceptable node of {@code group} with the least free GPU left, the first among equals; or null. */
    private NodeTracker bestFitIn(Workload w, List<NodeTracker> group) {
        NodeTracker best = null;
        for (NodeTracker t : group) {
            if ((best == null || t.packing().freeMilli() < best.packing().freeMilli()) && cluster.acceptable(t, w)) {
                best = t;
            }
        }
        return best;
    }
}
