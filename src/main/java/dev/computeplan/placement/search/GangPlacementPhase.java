package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Places incomplete gangs as a unit before the construction heuristic. One-workload moves cannot do it: placing
 * the first member of a gang breaks the all-or-nothing rule until the last one lands, so a member-by-member
 * heuristic would leave every gang pending. For each rack or network domain the gang may use (all nodes when it
 * may spread), each member greedily takes the best-scoring node there; the best placement that, once whole, breaks
 * no more hard rules than before is kept. If there is none, lower-priority plain workloads may be evicted to make
 * room ({@code placeByEvicting}); failing that, the gang's unpinned members stay pending.
 */
public class GangPlacementPhase implements PhaseCommand<PlacementSolution> {

    private static final String VARIABLE = "node";

    @Override
    public void changeWorkingSolution(
            ScoreDirector<PlacementSolution> scoreDirector, BooleanSupplier isPhaseTerminated) {
        PlacementSolution solution = scoreDirector.getWorkingSolution();
        Map<Gang, List<Workload>> gangs = new LinkedHashMap<>();
        for (Workload w : solution.getWorkloads()) {
            if (w.getGang() != null) {
                gangs.computeIfAbsent(w.getGang(), g -> new ArrayList<>()).add(w);
            }
        }
        List<List<Workload>> incomplete = new ArrayList<>();
        gangs.values().forEach(members -> {
            if (members.stream().anyMatch(w -> !w.isAssigned())) {
                incomplete.add(members);
            }
        });
        // Most important gangs first, then the largest.
        incomplete.sort(Comparator.<List<Workload>>comparingLong(m -> -m.get(0).getPriority())
                .thenComparingInt(m -> -m.size()));
        for (List<Workload> members : incomplete) {
            if (isPhaseTerminated.getAsBoolean()) {
                return;
            }
            placeWhole(scoreDirector, solution.getNodes(), members, isPhaseTerminated);
        }
    }

    /** Stopped part-way (the phase's share of the time is spent), it leaves the gang pending: whole or nothing. */
    private void placeWhole(
            ScoreDirector<PlacementSolution> sd, List<Node> nodes, List<Workload> members, BooleanSupplier stop) {
        List<Workload> movable = members.stream().filter(w -> !w.isPinned()).toList();
        unassign(sd, movable);
        long hardBefore = score(sd).hardScore();
        List<Workload> order = new ArrayList<>(movable);
        order.sort(Comparator.comparingLong(Workload::gpuDemandMilli).reversed());
        // Try each rack / network domain the gang may use (all nodes when it may spread), keep the best.
        List<Node> bestGroup = null;
        HardMediumSoftLongScore bestScore = null;
        for (List<Node> group : candidateGroups(nodes, members.get(0).getGang())) {
            if (stop.getAsBoolean()) {
                return;
            }
            HardMediumSoftLongScore s = placeIn(sd, order, group);
            if (s.hardScore() >= hardBefore && (bestScore == null || s.compareTo(bestScore) > 0)) {
                bestScore = s;
                bestGroup = group;
            }
            unassign(sd, movable);
        }
        if (bestGroup != null) {
            placeIn(sd, order, bestGroup);
        } else {
            placeByEvicting(sd, nodes, members, movable, order, hardBefore, stop);
        }
    }

    /**
     * When the gang fits nowhere as things stand: in each rack / domain it may use, evict the fewest lower-priority
     * plain workloads there (lowest priority first; 1, 2, 4, ... of them) until it fits, then put back each evicted
     * one that still fits. The best such placement is kept if it scores better than leaving the gang pending.
     */
    private void placeByEvicting(
            ScoreDirector<PlacementSolution> sd,
            List<Node> nodes,
            List<Workload> members,
            List<Workload> movable,
            List<Workload> order,
            long hardBefore,
            BooleanSupplier stop) {
        long priority = members.stream().mapToLong(Workload::getPriority).max().orElse(0L);
        HardMediumSoftLongScore bestScore = score(sd);
        List<Node> bestGroup = null;
        List<Workload> bestEvicted = null;
        for (List<Node> group : candidateGroups(nodes, members.get(0).getGang())) {
            if (stop.getAsBoolean()) {
                return;
            }
            List<Workload> victims = victims(sd.getWorkingSolution(), group, priority);
            for (int count = 1;
                    count <= victims.size();
                    count = count == victims.size() ? count + 1 : Math.min(2 * count, victims.size())) {
                List<Workload> evicted = withWholeGangs(sd.getWorkingSolution(), victims.subList(0, count));
                List<Node> from = evicted.stream().map(Workload::getNode).toList();
                HardMediumSoftLongScore s = evictAndPlace(sd, order, group, evicted, from, hardBefore);
                unassign(sd, movable);
                for (int i = 0; i < evicted.size(); i++) {
                    assign(sd, evicted.get(i), from.get(i));
                }
                if (s != null) {
                    if (s.compareTo(bestScore) > 0) {
                        bestScore = s;
                        bestGroup = group;
                        bestEvicted = evicted;
                    }
                    break;
                }
            }
        }
        if (bestGroup != null) {
            evictAndPlace(
                    sd,
                    order,
                    bestGroup,
                    bestEvicted,
                    bestEvicted.stream().map(Workload::getNode).toList(),
                    hardBefore);
        }
    }

    /** The victims, plus every placed member of a gang one of them belongs to: a gang is evicted as a whole. */
    private static List<Workload> withWholeGangs(PlacementSolution solution, List<Workload> victims) {
        Set<Workload> out = new java.util.LinkedHashSet<>(victims);
        Set<Gang> gangs = new java.util.HashSet<>();
        victims.stream().filter(v -> v.getGang() != null).forEach(v -> gangs.add(v.getGang()));
        if (!gangs.isEmpty()) {
            solution.getWorkloads().stream()
                    .filter(w -> w.getNode() != null && gangs.contains(w.getGang()))
                    .forEach(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * Unpinned workloads of lower priority on {@code group}'s nodes, members of lower-priority gangs with no pinned
     * member included: lowest priority, then largest first.
     */
    private static List<Workload> victims(PlacementSolution solution, List<Node> group, long priority) {
        Set<Node> inGroup = Collections.newSetFromMap(new IdentityHashMap<>());
        inGroup.addAll(group);
        Set<Gang> pinnedGangs = new java.util.HashSet<>();
        solution.getWorkloads().stream()
                .filter(w -> w.isPinned() && w.getGang() != null)
                .forEach(w -> pinnedGangs.add(w.getGang()));
        return solution.getWorkloads().stream()
                .filter(v -> v.getNode() != null
                        && inGroup.contains(v.getNode())
                        && !v.isPinned()
                        && (v.getGang() == null || !pinnedGangs.contains(v.getGang()))
                        && v.getPriority() < priority)
                .sorted(Comparator.comparingLong(Workload::getPriority)
                        .thenComparing(Comparator.comparingLong(Workload::gpuDemandMilli)
                                .reversed()))
                .toList();
    }

    /**
     * Evicts, places the gang in {@code group}, then puts back each evicted workload whose return keeps the hard
     * rules and does not lower the score. Returns the score, or null (and the gang only partly undone) if the gang
     * breaks a hard rule there even so.
     */
    private static HardMediumSoftLongScore evictAndPlace(
            ScoreDirector<PlacementSolution> sd,
            List<Workload> order,
            List<Node> group,
            List<Workload> evicted,
            List<Node> from,
            long hardBefore) {
        unassign(sd, evicted);
        HardMediumSoftLongScore s = placeIn(sd, order, group);
        if (s.hardScore() < hardBefore) {
            return null;
        }
        for (int i = 0; i < evicted.size(); i++) {
            assign(sd, evicted.get(i), from.get(i));
            HardMediumSoftLongScore back = score(sd);
            if (back.hardScore() < hardBefore || back.compareTo(s) < 0) {
                assign(sd, evicted.get(i), null);
            } else {
                s = back;
            }
        }
        return s;
    }

    /** Each member in turn on the best-scoring node of {@code group}; returns the resulting score. */
    private static HardMediumSoftLongScore placeIn(
            ScoreDirector<PlacementSolution> sd, List<Workload> order, List<Node> group) {
        for (Workload w : order) {
            Node best = null;
            HardMediumSoftLongScore bestScore = null;
            for (Node n : group) {
                assign(sd, w, n);
                HardMediumSoftLongScore s = score(sd);
                if (bestScore == null || s.compareTo(bestScore) > 0) {
                    bestScore = s;
                    best = n;
                }
            }
            assign(sd, w, best);
        }
        return score(sd);
    }

    private static List<List<Node>> candidateGroups(List<Node> nodes, Gang gang) {
        Map<Object, List<Node>> groups = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.getState().forbidsAll()) {
                continue;
            }
            Object key = switch (gang.topology()) {
                case ANY -> "all";
                case SAME_RACK -> n.getRack() != null ? n.getRack() : n;
                case SAME_NETWORK_DOMAIN -> n.getNetworkDomain();
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        return new ArrayList<>(groups.values());
    }

    private static void unassign(ScoreDirector<PlacementSolution> sd, List<Workload> workloads) {
        for (Workload w : workloads) {
            assign(sd, w, null);
        }
    }

    private static void assign(ScoreDirector<PlacementSolution> sd, Workload w, Node node) {
        if (w.getNode() == node) {
            return;
        }
        sd.beforeVariableChanged(w, VARIABLE);
        w.setNode(node);
        sd.afterVariableChanged(w, VARIABLE);
        sd.triggerVariableListeners();
    }

    // The public ScoreDirector has no score accessor; the inner one (what custom phases receive) does.
    @SuppressWarnings("unchecked")
    private static HardMediumSoftLongScore score(ScoreDirector<PlacementSolution> sd) {
        return ((InnerScoreDirector<PlacementSolution, HardMediumSoftLongScore>) sd)
                .calculateScore()
                .raw();
    }
}
