package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan.Repair;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.LinearProgram.Requirement;
import dev.computeplan.procurement.solver.PolicySwitches.Switch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a request has no plan, in what a planner can change: the model is built with every policy switch turned
 * ({@link PolicySwitches}) and each switch put back as a requirement row (the options it shuts out held at zero), so
 * the minimal conflict ranges over switches, budgets, site limits, lead times and demand alike. Each requirement of
 * the conflict is then dropped in turn and the MIP re-solved: what relaxing it would cost, cheapest plan first.
 */
final class PlannerConflicts {

    /** Least time for the conflict search; what is left of it goes to the re-solves. */
    private static final double CONFLICT_SHARE = 0.5;

    record Result(ConflictFinder.Conflict conflict, List<Repair> repairs) {}

    private PlannerConflicts() {}

    static Result explain(ProcurementProblem problem, MipRunner runner, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Switch> switches = PolicySwitches.of(problem);
        LinearProgram lp = ProcurementModel.build(PolicySwitches.liftAll(problem, switches))
                .program();
        for (int i = 0; i < switches.size(); i++) {
            addSwitchRow(problem, lp, switches, i);
        }
        ConflictFinder.Conflict conflict =
                ConflictFinder.find(lp, Duration.ofNanos((long) (limit.toNanos() * CONFLICT_SHARE)));
        List<Repair> repairs = new ArrayList<>();
        for (int i = 0; i < conflict.keys().size(); i++) {
            long left = deadline - System.nanoTime();
            int toSolve = conflict.keys().size() - i;
            String relaxed = conflict.requirements().get(i);
            if (left <= 0) {
                repairs.add(new Repair(relaxed, PlanStatus.NOT_SOLVED, null, null, "not re-solved: time limit"));
                continue;
            }
            MipRunner.Result r = runner.mip(
                    lp.without(conflict.keys().get(i)), Duration.ofNanos(left / toSolve), List.of(), x -> {});
            repairs.add(repair(relaxed, r));
        }
        // plans first, cheapest first; dropping a demand (not serving it) only after every other way out
        repairs.sort(Comparator.comparing((Repair r) -> r.objectiveUsd() == null)
                .thenComparing(r -> r.requirement().startsWith("demand of "))
                .thenComparing(r -> r.objectiveUsd() == null ? 0 : r.objectiveUsd()));
        return new Result(conflict, repairs);
    }

    private static Repair repair(String relaxed, MipRunner.Result r) {
        if (r.status() == MipRunner.Status.INFEASIBLE) {
            return new Repair(
                    relaxed,
                    PlanStatus.INFEASIBLE,
                    null,
                    null,
                    "relaxing it alone is not enough: other requirements still conflict");
        }
        if (!r.hasSolution()) {
            return new Repair(relaxed, PlanStatus.NOT_SOLVED, null, null, "no plan found in the time left");
        }
        PlanStatus status = r.status() == MipRunner.Status.OPTIMAL ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        return new Repair(
                relaxed,
                status,
                r.objective(),
                r.gap(),
                String.format(
                        "relaxing it gives a plan at $%,.0f (discounted, %s gap %.2f%%)",
                        r.objective(), status, 100 * r.gap()));
    }

    /** Switch i as a requirement: the variables that exist only because it is turned are held at zero. */
    private static void addSwitchRow(ProcurementProblem problem, LinearProgram lp, List<Switch> switches, int i) {
        List<Switch> others = new ArrayList<>(switches);
        others.remove(i);
        Set<String> without = new HashSet<>();
        ProcurementModel.build(PolicySwitches.liftAll(problem, others))
                .program()
                .variables()
                .forEach(v -> without.add(v.name()));
        Switch s = switches.get(i);
        var row = lp.row("switch[" + i + "]", new Requirement(s.key(), s.description()));
        for (LinearProgram.Variable v : lp.variables()) {
            if (!without.contains(v.name())) {
                row.add(v.index(), 1);
            }
        }
        if (!row.isEmpty()) {
            row.atMost(0);
        }
    }
}
