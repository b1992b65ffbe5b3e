package dev.computeplan.placement.search;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.ArrayList;
import java.util.List;

/**
 * Ejections for {@link AnnealingRun}: to put a workload on a node too full for it, the fewest workloads there whose
 * leaving makes it fit, largest share of the overflow first; each ejected workload then goes where it fits best.
 */
final class Ejections {

    /** More ejected workloads than this and the move is unlikely to pay: another target is drawn. */
    static final int MAX_EJECTED = 16;

    private Ejections() {}

    /** Where the ejected workload fits with the least rise in cost; its old node (now over-full) if nowhere. */
    static Node destination(PlacementIncrementalScore score, List<Node> nodes, Workload e, Node from, Node target) {
        // the freed node first among equals: the move is then a swap with ejection
        Node best = score.fit().cheapestFit(e, nodes, target, from);
        return best != null ? best : target;
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
