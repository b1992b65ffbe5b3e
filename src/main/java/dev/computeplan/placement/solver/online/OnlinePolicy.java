package dev.computeplan.placement.solver.online;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import dev.computeplan.placement.solver.PlacementFit;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's online placement: each arriving workload goes to the node where the batch engine's score (its
 * incremental score: every rule at its weight) is best after placing it, first node on ties; a node that would
 * break a hard rule is no candidate. A gang is placed member by member, largest first, all or none; a gang held to a
 * rack or network domain is tried in each domain and placed where the whole gang scores best. Nothing moves.
 */
public final class OnlinePolicy {

    private static final int GANG_RULE =
            PlacementIncrementalScore.ruleIndex(PlacementConstraintProvider.GANG_ALL_OR_NOTHING);
    private static final int RULES = PlacementConstraintProvider.NAMES.size();

    private final Preemption preemption;

    public OnlinePolicy() {
        this(Preemption.NONE);
    }

    public OnlinePolicy(Preemption preemption) {
        this.preemption = preemption;
    }

    /**
     * Decides for {@code arriving}: one workload, or every member of one gang, all new (no node). Leaves the cluster
     * as it was; the caller binds the placements it keeps.
     */
    public OnlineDecision decide(OnlineCluster cluster, List<Workload> arriving) {
        PlacementIncrementalScore score = cluster.incremental();
        for (Workload w : arriving) {
            score.afterEntityAdded(w);
        }
        try {
            HardMediumSoftLongScore base = score.calculateScore();
            List<Workload> order = new ArrayList<>(arriving);
            order.sort(Comparator.comparingLong(Workload::gpuDemandMilli).reversed());
            Attempt best = null;
            Attempt failed = null;
            for (List<Node> domain : domains(cluster, arriving.get(0).getGang())) {
                Attempt a = attempt(cluster, order, domain, base);
                if (a.placements != null) {
                    if (best == null || a.diff.compareTo(best.diff) > 0) {
                        best = a;
                    }
                } else {
                    failed = failed == null ? a : failed.merge(a);
                }
            }
            if (best != null) {
                List<OnlineDecision.Placement> inOrder = new ArrayList<>();
                for (Workload w : arriving) {
                    inOrder.add(best.placements.get(w.getId()));
                }
                return new OnlineDecision(true, inOrder, best.diff, Map.of(), null, List.of());
            }
            OnlineDecision pending = new OnlineDecision(
                    false,
                    List.of(),
                    null,
                    failed == null ? Map.of() : failed.reasons,
                    failed == null ? arriving.get(0).getId() : failed.blocked,
                    List.of());
            return pending.withVictims(preemption.victims(cluster, arriving));
        } finally {
            for (Workload w : arriving) {
                score.beforeEntityRemoved(w);
            }
        }
    }

    /**
     * One node's verdict for a workload: the first hard rule placing it there would break ({@code rule}), or the
     * engine's score with it placed there ({@code score}, the other of the two is null).
     */
    public record NodeVerdict(String node, String rule, HardMediumSoftLongScore score) {}

    /**
     * What placing the new workload {@code w} on each of {@code nodes} would do, with the rest of the cluster as it
     * is (a scheduler extender's filter and prioritize). Leaves the cluster as it was.
     */
    public List<NodeVerdict> evaluate(OnlineCluster cluster, Workload w, List<Node> nodes) {
        PlacementIncrementalScore score = cluster.incremental();
        score.afterEntityAdded(w);
        try {
            long hardBefore = score.hardWithout(GANG_RULE);
            long[] before = new long[RULES];
            score.amounts(before);
            boolean antiAffine = w.getService() != null && w.getService().antiAffinity();
            List<NodeVerdict> verdicts = new ArrayList<>(nodes.size());
            for (Node node : nodes) {
                String rule = quickReject(cluster, score.fit(), w, node, antiAffine);
                if (rule == null && cluster.gpuChoice(node, w) == null) {
                    rule = PlacementConstraintProvider.GPU_CAPACITY;
                }
                if (rule != null) {
                    verdicts.add(new NodeVerdict(node.getId(), rule, null));
                    continue;
                }
                score.move(w, node);
                if (score.hardWithout(GANG_RULE) < hardBefore) {
                    Map<String, Integer> broken = new LinkedHashMap<>();
                    countBroken(score, before, broken);
                    verdicts.add(new NodeVerdict(
                            node.getId(), broken.keySet().stream().findFirst().orElse("hard rule"), null));
                } else {
                    verdicts.add(new NodeVerdict(node.getId(), null, score.calculateScore()));
                }
                score.move(w, null);
            }
            return verdicts;
        } finally {
            score.beforeEntityRemoved(w);
        }
    }

    /** Places the members in order on {@code nodes}; undoes every tentative placement before it returns. */
    private Attempt attempt(
            OnlineCluster cluster, List<Workload> members, List<Node> nodes, HardMediumSoftLongScore base) {
        PlacementIncrementalScore score = cluster.incremental();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        List<Workload> done = new ArrayList<>();
        Attempt result = null;
        for (Workload m : members) {
            Choice c = bestNode(cluster, m, nodes, reasons);
            if (c == null) {
                result = new Attempt(null, null, reasons, m.getId());
                break;
            }
            score.move(m, c.node);
            cluster.take(m, c.gpus);
            done.add(m);
        }
        if (result == null) {
            HardMediumSoftLongScore after = score.calculateScore();
            if (after.hardScore() < base.hardScore()) {
                reasons.merge(PlacementConstraintProvider.GANG_ALL_OR_NOTHING, 1, Integer::sum);
                result = new Attempt(null, null, reasons, members.get(0).getId());
            } else {
                Map<String, OnlineDecision.Placement> placements = new LinkedHashMap<>();
                for (Workload m : done) {
                    placements.put(
                            m.getId(),
                            new OnlineDecision.Placement(m.getId(), m.getNode().getId(), cluster.gpus(m.getId())));
                }
                result = new Attempt(placements, after.subtract(base), Map.of(), null);
            }
        }
        for (int i = done.size() - 1; i >= 0; i--) {
            cluster.release(done.get(i));
            score.move(done.get(i), null);
        }
        return result;
    }

    /** The best node for {@code w} with the others fixed, or null; counts why each other node is ruled out. */
    private static Choice bestNode(OnlineCluster cluster, Workload w, List<Node> nodes, Map<String, Integer> reasons) {
        PlacementIncrementalScore score = cluster.incremental();
        PlacementFit fit = score.fit();
        long hardBefore = score.hardWithout(GANG_RULE);
        long[] before = null;
        boolean antiAffine = w.getService() != null && w.getService().antiAffinity();
        Choice best = null;
        for (Node node : nodes) {
            String quick = quickReject(cluster, fit, w, node, antiAffine);
            if (quick != null) {
                reasons.merge(quick, 1, Integer::sum);
                continue;
            }
            int[] gpus = cluster.gpuChoice(node, w);
            if (gpus == null) {
                reasons.merge(PlacementConstraintProvider.GPU_CAPACITY, 1, Integer::sum);
                continue;
            }
            if (before == null) {
                before = new long[RULES];
                score.amounts(before);
            }
            score.move(w, node);
            if (score.hardWithout(GANG_RULE) < hardBefore) {
                countBroken(score, before, reasons);
            } else {
                HardMediumSoftLongScore s = score.calculateScore();
                if (best == null || s.compareTo(best.score) > 0) {
                    best = new Choice(node, gpus, s);
                }
            }
            score.move(w, null);
        }
        return best;
    }

    /** A rule a node breaks for {@code w} without scoring it, or null when only scoring can tell. */
    private static String quickReject(
            OnlineCluster cluster, PlacementFit fit, Workload w, Node node, boolean antiAffine) {
        if (node.getState() != NodeState.ACTIVE) {
            return PlacementConstraintProvider.NODE_STATE;
        }
        if (w.usesGpu() && !w.allowsGpuType(node.getGpuType())) {
            return PlacementConstraintProvider.GPU_TYPE;
        }
        if (w.usesGpu() && node.getGpuCount() == 0) {
            return PlacementConstraintProvider.GPU_CAPACITY;
        }
        // anti-affinity also fails the fit test: let the score name the rule
        if (!antiAffine && !fit.fits(w, node)) {
            return PlacementConstraintProvider.NODE_CAPACITY;
        }
        return null;
    }

    private static void countBroken(PlacementIncrementalScore score, long[] before, Map<String, Integer> reasons) {
        long[] after = new long[RULES];
        score.amounts(after);
        for (int i = 0; i < RULES; i++) {
            if (i != GANG_RULE && score.isHard(i) && after[i] > before[i]) {
                reasons.merge(PlacementConstraintProvider.NAMES.get(i), 1, Integer::sum);
            }
        }
    }

    /** Every node as one domain; for a gang held to a rack or network domain, one list per such domain. */
    private static List<List<Node>> domains(OnlineCluster cluster, Gang gang) {
        if (gang == null || gang.topology() == GangTopology.ANY) {
            return List.of(List.copyOf(cluster.nodes()));
        }
        Map<String, List<Node>> byDomain = new LinkedHashMap<>();
        for (Node n : cluster.nodes()) {
            String key = gang.topology() == GangTopology.SAME_RACK
                    ? (n.getRack() == null ? "node:" + n.getId() : n.getRack().id())
                    : n.getNetworkDomain();
            byDomain.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        return List.copyOf(byDomain.values());
    }

    private record Choice(Node node, int[] gpus, HardMediumSoftLongScore score) {}

    /** One try: the placements by workload id and the score change, or why it failed. */
    private record Attempt(
            Map<String, OnlineDecision.Placement> placements,
            HardMediumSoftLongScore diff,
            Map<String, Integer> reasons,
            String blocked) {

        Attempt merge(Attempt other) {
            Map<String, Integer> sum = new LinkedHashMap<>(reasons);
            other.reasons.forEach((k, v) -> sum.merge(k, v, Integer::sum));
            return new Attempt(null, null, sum, blocked);
        }
    }
}
