package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Moves a workload onto a node that is too full for it, and first moves away (ejects) the workloads there that
 * make room: each ejected one goes to the node where it fits and raises load and balance cost least. It reaches
 * placements no single change or swap can: a large workload onto the one node that can hold it.
 */
public final class EjectionMove extends AbstractMove<PlacementSolution> {

    private final Workload workload;
    private final Node target;
    private final List<Workload> ejected;

    EjectionMove(Workload workload, Node target, List<Workload> ejected) {
        this.workload = workload;
        this.target = target;
        this.ejected = ejected;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<PlacementSolution> scoreDirector) {
        return workload.getNode() != target && !ejected.isEmpty();
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<PlacementSolution> scoreDirector) {
        PlacementIncrementalScore score = FeasibleMoveFilters.calculator(scoreDirector);
        List<Node> nodes = scoreDirector.getWorkingSolution().getNodes();
        Node from = workload.getNode();
        for (Workload e : ejected) {
            assign(scoreDirector, e, null);
        }
        assign(scoreDirector, workload, target);
        for (Workload e : ejected) {
            assign(scoreDirector, e, destination(score, nodes, e, from, target));
        }
    }

    /** Where the ejected workload fits with the least rise in cost; its old node (now over-full) if nowhere. */
    static Node destination(PlacementIncrementalScore score, List<Node> nodes, Workload e, Node from, Node target) {
        // the freed node first among equals: the move is then a swap with ejection
        Node best = score.fit().cheapestFit(e, nodes, target, from);
        return best != null ? best : target;
    }

    private static void assign(ScoreDirector<PlacementSolution> scoreDirector, Workload w, Node node) {
        scoreDirector.beforeVariableChanged(w, "node");
        w.setNode(node);
        scoreDirector.afterVariableChanged(w, "node");
    }

    @Override
    public EjectionMove rebase(ScoreDirector<PlacementSolution> destination) {
        List<Workload> rebasedEjected = new ArrayList<>(ejected.size());
        for (Workload e : ejected) {
            rebasedEjected.add(destination.lookUpWorkingObject(e));
        }
        return new EjectionMove(
                destination.lookUpWorkingObject(workload), destination.lookUpWorkingObject(target), rebasedEjected);
    }

    @Override
    public Collection<?> getPlanningEntities() {
        List<Object> entities = new ArrayList<>(ejected.size() + 1);
        entities.add(workload);
        entities.addAll(ejected);
        return entities;
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(target);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "EjectionMove(Workload.node)";
    }

    @Override
    public String toString() {
        return workload + " -> " + target + " ejecting " + ejected;
    }
}
