package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import dev.computeplan.roadef.RoadefInstance;
import dev.computeplan.roadef.RoadefMapper;
import dev.computeplan.roadef.RoadefTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts the annealing loop takes on ROADEF set A (a2_2: transient resources and a full cluster; a2_5:
 * spread and anti-affinity, no transient) give what the plain computations give: the one-pass cheapest fit equals
 * a scan of {@code fits} and the cost rise recomputed from the node's workloads, the ejection search with its early
 * exit equals the greedy without it, a placement {@code breaksHardOn} calls broken really loses hard score, and
 * service counts kept in maps (large clusters) score as those kept in arrays.
 */
class EjectionShortcutsTest {

    private static PlacementSolution load(String name) {
        RoadefInstance in = RoadefTestData.load(name);
        return RoadefMapper.toPlacement(in, in.initialAssignment());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a2_2", "a2_5"})
    void cheapestFitIsTheCheapestNodeThatFitsAndAnyOtherBreaksAHardRule(String instance) {
        PlacementSolution s = load(instance);
        PlacementIncrementalScore score = new PlacementIncrementalScore();
        score.resetWorkingSolution(s);
        List<Workload> workloads = s.getWorkloads();
        List<Node> nodes = s.getNodes();
        SplittableRandom random = new SplittableRandom(4);
        int elsewhere = 0;
        for (int k = 0; k < 1_000; k++) {
            Workload w = workloads.get(random.nextInt(workloads.size()));
            Node home = w.getNode();
            Node excluded = nodes.get(random.nextInt(nodes.size()));
            Node preferred = random.nextBoolean() ? home : nodes.get(random.nextInt(nodes.size()));
            score.move(w, null);
            Node expected = null;
            long expectedCost = Long.MAX_VALUE;
            for (Node n : nodes) {
                if (n != excluded && score.fit().fits(w, n)) {
                    long cost = costRise(s, score, w, n);
                    if (cost < expectedCost || (cost == expectedCost && n == preferred)) {
                        expected = n;
                        expectedCost = cost;
                    }
                }
            }
            assertThat(score.fit().cheapestFit(w, nodes, excluded, preferred))
                    .as("draw %d", k)
                    .isSameAs(expected);
            elsewhere += expected != null && expected != home ? 1 : 0;
            Node other = nodes.get(random.nextInt(nodes.size()));
            boolean breaks = score.fit().breaksHardOn(w, other);
            assertThat(breaks).isEqualTo(!score.fit().fits(w, other));
            score.move(w, other);
            if (breaks) {
                assertThat(score.calculateScore().hardScore())
                        .as("%s on %s", w, other)
                        .isNegative();
            }
            score.move(w, home);
            assertThat(score.calculateScore().hardScore()).isZero();
        }
        assertThat(elsewhere).as("draws whose cheapest node is not their own").isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a2_2", "a2_5"})
    void ejectionWithItsEarlyExitEqualsThePlainGreedy(String instance) {
        PlacementSolution s = load(instance);
        PlacementIncrementalScore score = new PlacementIncrementalScore();
        score.resetWorkingSolution(s);
        List<Workload> workloads = s.getWorkloads();
        List<Node> nodes = s.getNodes();
        SplittableRandom random = new SplittableRandom(9);
        int found = 0;
        int none = 0;
        for (int k = 0; k < 20_000; k++) {
            Workload w = workloads.get(random.nextInt(workloads.size()));
            Node target = nodes.get(random.nextInt(nodes.size()));
            if (w.getNode() == target) {
                continue;
            }
            List<Workload> expected = plainGreedy(score, w, target);
            List<Workload> actual = Ejections.ejected(score, w, target);
            if (expected == null) {
                assertThat(actual).as("draw %d", k).isNull();
                none++;
            } else {
                assertThat(actual).as("draw %d", k).containsExactlyElementsOf(expected);
                found += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(found).isPositive();
        assertThat(none).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a2_2", "a2_5"})
    void serviceCountsInMapsScoreAsInArrays(String instance) {
        PlacementSolution s = load(instance);
        PlacementIncrementalScore arrays = new PlacementIncrementalScore();
        PlacementIncrementalScore maps = new PlacementIncrementalScore(0);
        arrays.resetWorkingSolution(s);
        maps.resetWorkingSolution(s);
        List<Workload> workloads = s.getWorkloads();
        List<Node> nodes = s.getNodes();
        SplittableRandom random = new SplittableRandom(2);
        for (int step = 1; step <= 5_000; step++) {
            Workload w = workloads.get(random.nextInt(workloads.size()));
            Node to = nodes.get(random.nextInt(nodes.size()));
            arrays.beforeVariableChanged(w, "node");
            maps.beforeVariableChanged(w, "node");
            w.setNode(to);
            arrays.afterVariableChanged(w, "node");
            maps.afterVariableChanged(w, "node");
            assertThat(maps.calculateScore()).as("step %d", step).isEqualTo(arrays.calculateScore());
        }
        PlacementIncrementalScore fresh = new PlacementIncrementalScore();
        fresh.resetWorkingSolution(s);
        assertThat(arrays.calculateScore()).isEqualTo(fresh.calculateScore());
        assertThat(arrays.amount(PlacementConstraintProvider.ANTI_AFFINITY))
                .as("the walk broke anti-affinity")
                .isPositive();
    }

    /** The rise in load and balance cost of {@code n} if {@code w} joined it, from the sums of what runs there. */
    private static long costRise(PlacementSolution s, PlacementIncrementalScore score, Workload w, Node n) {
        long[] before = new long[n.resourceCount()];
        for (Workload v : score.fit().workloadsOn(n)) {
            for (int i = 0; i < before.length; i++) {
                before[i] += i < v.resourceCount() ? v.requirement(i) : 0L;
            }
        }
        long[] after = before.clone();
        for (int i = 0; i < after.length; i++) {
            after[i] += i < w.resourceCount() ? w.requirement(i) : 0L;
        }
        return cost(s, n, after) - cost(s, n, before);
    }

    private static long cost(PlacementSolution s, Node n, long[] used) {
        long cost = 0L;
        for (Resource r : s.getResources()) {
            cost += r.loadCostWeight() * Math.max(0L, used[r.index()] - n.safetyCapacity(r.index()));
        }
        for (BalanceObjective b : s.getBalanceObjectives()) {
            int i1 = b.resource1().index();
            int i2 = b.resource2().index();
            cost += b.weight() * Math.max(0L, b.target() * (n.capacity(i1) - used[i1]) - (n.capacity(i2) - used[i2]));
        }
        return cost;
    }

    /**
     * The ejection search as first written: copy the node's list, pick greedily until it fits or nothing helps
     * (the overflow and what a workload frees are the factory's own).
     */
    private static List<Workload> plainGreedy(PlacementIncrementalScore score, Workload w, Node target) {
        long[] over = score.fit().overflow(w, target);
        List<Workload> here = new ArrayList<>(score.fit().workloadsOn(target));
        List<Workload> out = new ArrayList<>();
        if (w.getService() != null && w.getService().antiAffinity()) {
            for (Workload v : here) {
                if (v.getService() == w.getService()) {
                    if (v.isPinned() || v.getGang() != null) {
                        return null;
                    }
                    out.add(v);
                }
            }
            here.removeAll(out);
            for (Workload v : out) {
                Ejections.release(score, over, v, target);
            }
        }
        while (Ejections.overflowing(over)) {
            Workload pick = null;
            double pickShare = 0.0;
            for (Workload v : here) {
                if (v.isPinned() || v.getGang() != null) {
                    continue;
                }
                double share = 0.0;
                for (int i = 0; i < over.length; i++) {
                    if (over[i] > 0) {
                        share += Math.min(over[i], Ejections.freed(score, v, i, target)) / (double) over[i];
                    }
                }
                if (share > pickShare) {
                    pick = v;
                    pickShare = share;
                }
            }
            if (pick == null || out.size() == Ejections.MAX_EJECTED) {
                return null;
            }
            out.add(pick);
            here.remove(pick);
            Ejections.release(score, over, pick, target);
        }
        return out;
    }
}
