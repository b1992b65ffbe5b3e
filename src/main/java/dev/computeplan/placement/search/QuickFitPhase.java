package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.domain.WorkloadDifficultyComparator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        ClusterCounters cluster = new ClusterCounters(solution);
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
            NodeTracker best = cluster.bestFit(w);
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

    /** What decides where a workload fits in this phase (anti-affine services are never shared). */
    static List<Object> shapeOf(Workload w) {
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
}
