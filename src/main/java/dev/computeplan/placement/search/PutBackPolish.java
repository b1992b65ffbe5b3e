package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of every placement solve: a moved running workload (alone, or with its gang's moved members) goes back
 * to the node it runs on whenever that gives a strictly better score. A time-limited search can stop before it has
 * tried that move; this makes "a running workload moves only when the move pays" hold for every answer, and it
 * costs one incremental score update per moved workload and pass.
 */
public final class PutBackPolish {

    /** Each kept put-back raises the score, so this only bounds pathological chains of them. */
    private static final int MAX_PASSES = 20;

    private PutBackPolish() {}

    /** Puts back what pays, in place; returns how many workloads went back. */
    public static int apply(PlacementSolution solution) {
        PlacementIncrementalScore score = new PlacementIncrementalScore();
        score.resetWorkingSolution(solution);
        HardMediumSoftLongScore current = score.calculateScore();
        int putBack = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int before = putBack;
            for (List<Workload> unit : units(solution)) {
                List<Node> moved = unit.stream().map(Workload::getNode).toList();
                unit.forEach(w -> score.move(w, w.getCurrentNode()));
                HardMediumSoftLongScore after = score.calculateScore();
                if (after.compareTo(current) > 0) {
                    current = after;
                    for (int i = 0; i < unit.size(); i++) {
                        putBack += moved.get(i) == unit.get(i).getCurrentNode() ? 0 : 1;
                    }
                } else {
                    for (int i = 0; i < unit.size(); i++) {
                        score.move(unit.get(i), moved.get(i));
                    }
                }
            }
            if (putBack == before) {
                break;
            }
        }
        return putBack;
    }

    /** Running workloads moved or left unassigned, unpinned: each alone, then each gang's such members together. */
    private static List<List<Workload>> units(PlacementSolution solution) {
        List<List<Workload>> units = new ArrayList<>();
        Map<Gang, List<Workload>> gangs = new LinkedHashMap<>();
        for (Workload w : solution.getWorkloads()) {
            if (w.isPinned() || w.getCurrentNode() == null || w.getNode() == w.getCurrentNode()) {
                continue;
            }
            units.add(List.of(w));
            if (w.getGang() != null) {
                gangs.computeIfAbsent(w.getGang(), g -> new ArrayList<>()).add(w);
            }
        }
        gangs.values().stream().filter(members -> members.size() > 1).forEach(units::add);
        return units;
    }
}
