package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Random {@link EjectionMove}s: a random movable workload, a random node it does not fit on, and the fewest
 * workloads there whose leaving makes it fit, largest share of the overflow first.
 */
public final class EjectionMoveFactory implements MoveIteratorFactory<PlacementSolution, EjectionMove> {

    /** More ejected workloads than this and the move is unlikely to pay: another target is drawn. */
    static final int MAX_EJECTED = 16;

    private static final int ATTEMPTS = 50;

    /** Built once per phase: Timefold asks for a new iterator at every step. */
    private List<Workload> movable;

    @Override
    public void phaseStarted(ScoreDirector<PlacementSolution> scoreDirector) {
        movable = movable(scoreDirector.getWorkingSolution());
    }

    @Override
    public void phaseEnded(ScoreDirector<PlacementSolution> scoreDirector) {
        movable = null;
    }

    private static List<Workload> movable(PlacementSolution solution) {
        return solution.getWorkloads().stream()
                .filter(w -> !w.isPinned() && w.getGang() == null)
                .toList();
    }

    @Override
    public long getSize(ScoreDirector<PlacementSolution> scoreDirector) {
        PlacementSolution s = scoreDirector.getWorkingSolution();
        return (long) s.getWorkloads().size() * s.getNodes().size();
    }

    @Override
    public Iterator<EjectionMove> createOriginalMoveIterator(ScoreDirector<PlacementSolution> scoreDirector) {
        throw new UnsupportedOperationException("ejection moves are only drawn at random");
    }

    @Override
    public Iterator<EjectionMove> createRandomMoveIterator(
            ScoreDirector<PlacementSolution> scoreDirector, Random random) {
        PlacementSolution solution = scoreDirector.getWorkingSolution();
        List<Workload> movable = this.movable != null ? this.movable : movable(solution);
        List<Node> nodes = solution.getNodes();
        PlacementIncrementalScore score = FeasibleMoveFilters.calculator(scoreDirector);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return score != null && !movable.isEmpty() && nodes.size() > 1;
            }

            @Override
            public EjectionMove next() {
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    Workload w = movable.get(random.nextInt(movable.size()));
                    Node target = nodes.get(random.nextInt(nodes.size()));
                    if (w.getNode() == null || w.getNode() == target) {
                        continue;
                    }
                    List<Workload> ejected = ejected(score, w, target);
                    if (ejected != null && !ejected.isEmpty()) {
                        return new EjectionMove(w, target, ejected);
                    }
                }
                // nothing found: a move that is not doable, so Timefold skips it
                Workload w = movable.get(0);
                return new EjectionMove(w, w.getNode(), List.of());
            }
        };
    }

    /** The workloads to move off {@code target} so that {@code w} fits, or null if there is no small such set. */
    static List<Workload> ejected(PlacementIncrementalScore score, Workload w, Node target) {
        long[] over = score.fit().overflow(w, target);
        List<Workload> here = score.fit().workloadsOn(target);
        boolean[] out = new boolean[here.size()];
        List<Workload> ejected = new ArrayList<>();
        // a workload of the same anti-affine service must leave whatever the resources say
        if (w.getService() != null && w.getService().antiAffinity()) {
            for (int k = 0; k < here.size(); k++) {
                Workload v = here.get(k);
                if (v.getService() == w.getService()) {
                    if (!ejectable(v)) {
                        return null;
                    }
                    ejected.add(v);
                    out[k] = true;
                }
            }
            for (Workload v : ejected) {
                release(score, over, v, target);
            }
        }
        // Most draws on a tight cluster fail because even ejecting everything would not clear some resource
        // (a transient one held by workloads that moved away): find that out before the greedy search.
        if (!overflowing(over)) {
            return ejected;
        }
        if (!clearable(score, over, here, out, target)) {
            return null;
        }
        while (overflowing(over)) {
            int pick = -1;
            double pickShare = 0.0;
            for (int k = 0; k < here.size(); k++) {
                Workload v = here.get(k);
                if (out[k] || !ejectable(v)) {
                    continue;
                }
                double share = 0.0;
                for (int i = 0; i < over.length; i++) {
                    if (over[i] > 0) {
                        share += Math.min(over[i], freed(score, v, i, target)) / (double) over[i];
                    }
                }
                if (share > pickShare) {
                    pick = k;
                    pickShare = share;
                }
            }
            if (pick < 0 || ejected.size() == MAX_EJECTED) {
                return null;
            }
            Workload v = here.get(pick);
            ejected.add(v);
            out[pick] = true;
            release(score, over, v, target);
        }
        return ejected;
    }

    private static boolean ejectable(Workload v) {
        return !v.isPinned() && v.getGang() == null;
    }

    /** Whether ejecting every ejectable workload still on {@code target} would clear each overflowing resource. */
    private static boolean clearable(
            PlacementIncrementalScore score, long[] over, List<Workload> here, boolean[] out, Node target) {
        for (int i = 0; i < over.length; i++) {
            long left = over[i];
            for (int k = 0; k < here.size() && left > 0; k++) {
                Workload v = here.get(k);
                if (!out[k] && ejectable(v)) {
                    left -= freed(score, v, i, target);
                }
            }
            if (left > 0) {
                return false;
            }
        }
        return true;
    }

    static boolean overflowing(long[] over) {
        for (long o : over) {
            if (o > 0) {
                return true;
            }
        }
        return false;
    }

    static void release(PlacementIncrementalScore score, long[] over, Workload v, Node target) {
        for (int i = 0; i < over.length; i++) {
            over[i] = Math.max(0L, over[i] - freed(score, v, i, target));
        }
    }

    /**
     * What {@code v} leaving {@code target} frees of resource i. A transient resource stays held when target is its
     * current node, so it counts as nothing freed there (the overflow merges plain and held use: this under-counts).
     */
    static long freed(PlacementIncrementalScore score, Workload v, int i, Node target) {
        if (i >= v.resourceCount() || (score.fit().isTransient(i) && v.getCurrentNode() == target)) {
            return 0L;
        }
        return v.requirement(i);
    }
}
