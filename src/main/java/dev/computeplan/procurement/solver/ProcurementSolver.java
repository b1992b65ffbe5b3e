package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.VariantResult;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Variant;
import dev.computeplan.procurement.model.Variants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Solves a procurement problem: the base case with SCIP, each what-if variant after it, an infeasibility conflict
 * with CP-SAT when there is no plan, and the given independent check of every returned plan.
 */
public final class ProcurementSolver {

    /** Least time SCIP gets, even when building the model used up the limit. */
    private static final Duration MIN_SOLVE = Duration.ofMillis(200);

    /** Differences of a cent or less are rounding, whatever the gaps. */
    private static final double CENT = 0.01;

    private final ProcurementSolverSettings settings;
    private final PlanAudit audit;
    private final MipRunner runner;

    public ProcurementSolver(ProcurementSolverSettings settings, PlanAudit audit) {
        this.settings = settings;
        this.audit = audit;
        this.runner = new MipRunner(settings);
    }

    public ProcurementPlan solve(
            ProcurementProblem problem,
            ProcurementPlan warmStart,
            Duration limit,
            Consumer<Runnable> onStop,
            BooleanSupplier stopped) {
        return solve(problem, warmStart, limit, onStop, stopped, plan -> {});
    }

    /** As above; {@code baseSolved} sees the base plan as soon as it is checked, before the variants run. */
    public ProcurementPlan solve(
            ProcurementProblem problem,
            ProcurementPlan warmStart,
            Duration limit,
            Consumer<Runnable> onStop,
            BooleanSupplier stopped,
            Consumer<ProcurementPlan> baseSolved) {
        int extra = frontierSolves(problem) + TwoStagePlanner.solves(problem);
        Budget budget = new Budget(limit, 1 + problem.variants().size() + extra);
        Duration baseLimit = extra > 0
                ? budget.take(1)
                : problem.variants().isEmpty()
                        ? limit
                        : Duration.ofMillis(
                                (long) (limit.toMillis() * settings.budgets().variantsBaseShare()));
        Resumed resumed = Resumed.of(problem, warmStart, audit);
        ProcurementPlan base = solveOne(problem, warmStart, baseLimit, onStop, true);
        if (resumed != null) {
            base = resumed.keepBest(base, settings.relativeGap());
        }
        if ((!problem.variants().isEmpty() || extra > 0) && base.objectiveUsd() != null) {
            baseSolved.accept(base);
        }
        long deadline =
                System.nanoTime() + (extra > 0 ? budget.take(problem.variants().size()) : budget.left()).toNanos();
        List<VariantResult> variants = new ArrayList<>();
        for (int i = 0; i < problem.variants().size(); i++) {
            Variant v = problem.variants().get(i);
            // what is left of the limit, shared by the variants still to solve that it can pay for (an overrun is
            // absorbed by the later ones)
            long leftNanos = deadline - System.nanoTime();
            int toSolve = (int) Math.min(
                    problem.variants().size() - i,
                    leftNanos / settings.budgets().minVariant().toNanos());
            if (stopped.getAsBoolean() || toSolve <= 0) {
                variants.add(notSolved(v.name(), stopped.getAsBoolean() ? "stopped" : "time limit reached"));
                continue;
            }
            long left = leftNanos / 1_000_000 / toSolve;
            ProcurementProblem changed = Variants.apply(problem, v);
            // from the base plan where it still holds, so that a variant moves away from it only for a gain
            PlanAudit.Verdict baseThere = base.objectiveUsd() == null ? null : audit.check(changed, base);
            ProcurementPlan start = baseThere != null && baseThere.ok() ? base : null;
            Double basePlanUsd = start == null ? null : baseThere.costs().totalUsd();
            ProcurementPlan plan =
                    solveOne(changed, start, Duration.ofMillis(Math.max(MIN_SOLVE.toMillis(), left)), onStop, false);
            variants.add(summary(v.name(), changed, plan, base, basePlanUsd));
        }
        ProcurementPlan.Builder out = base.toBuilder().variants(variants);
        // an infeasible base case has neither; one not solved in its share may still get them in theirs
        boolean feasible = base.status() != PlanStatus.INFEASIBLE && !stopped.getAsBoolean();
        if (problem.pareto() != null && feasible) {
            out.paretoFrontier(new ParetoFrontier(this, runner, audit)
                    .solve(
                            problem,
                            problem.pareto().points(),
                            base,
                            budget.take(frontierSolves(problem)),
                            onStop,
                            stopped));
        }
        if (problem.twoStage() != null && feasible) {
            out.twoStage(new TwoStagePlanner(this, runner, audit)
                    .solve(problem, budget.take(TwoStagePlanner.solves(problem)), onStop, stopped));
        }
        return out.build();
    }

    private static int frontierSolves(ProcurementProblem problem) {
        return problem.pareto() == null ? 0 : problem.pareto().points() + 1;
    }

    /** Solves one problem and re-checks the plan; an infeasible base case gets its conflict. */
    ProcurementPlan solveOne(
            ProcurementProblem problem,
            ProcurementPlan warmStart,
            Duration limit,
            Consumer<Runnable> onStop,
            boolean explainConflict) {
        long start = System.nanoTime();
        ProcurementModel model = ProcurementModel.build(problem);
        // the time limit covers the model build too
        MipRunner.Result r =
                solveModel(model, model.hintFrom(warmStart), limit.minusNanos(System.nanoTime() - start), onStop);
        if (r.status() == MipRunner.Status.INFEASIBLE) {
            List<String> conflict = List.of();
            List<ProcurementPlan.Repair> repairs = List.of();
            String message = "no plan meets every requirement";
            if (explainConflict) {
                // the rest of the time limit, but at least the least conflict time: an explanation is worth a short
                // overrun
                Duration rest = limit.minusNanos(System.nanoTime() - start);
                PlannerConflicts.Result c = PlannerConflicts.explain(
                        problem,
                        runner,
                        rest.compareTo(settings.budgets().conflictMin()) < 0
                                ? settings.budgets().conflictMin()
                                : rest);
                conflict = c.conflict().requirements();
                repairs = c.repairs();
                message = c.conflict().infeasible()
                        ? "no plan meets every requirement; these conflict ("
                                + c.conflict().note() + ")"
                        : message + "; " + c.conflict().note();
            }
            return ProcurementPlan.builder(PlanStatus.INFEASIBLE)
                    .message(message)
                    .conflict(conflict)
                    .repairs(repairs)
                    .build();
        }
        if (!r.hasSolution()) {
            return ProcurementPlan.unsolved(PlanStatus.NOT_SOLVED, "no plan found within " + limit.toMillis() + " ms");
        }
        PlanStatus status = r.status() == MipRunner.Status.OPTIMAL ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        ProcurementPlan plan = model.extract(r.values(), status, r.objective(), r.bound(), r.gap());
        PlanAudit.Verdict check = audit.check(problem, plan);
        String note = null;
        if (!check.ok()) {
            note = "independent check FAILED: " + String.join("; ", check.violations());
        } else if (Math.abs(check.costs().totalUsd() - r.objective()) > 1e-6 * Math.max(1, Math.abs(r.objective()))) {
            note = String.format(
                    "independent cost %.2f differs from the solver objective %.2f",
                    check.costs().totalUsd(), r.objective());
        }
        return plan.toBuilder()
                .costs(check.costs())
                .cashFlow(check.cashFlow())
                .variants(List.of())
                .message(note)
                .build();
    }

    /**
     * Solves a built model within the limit (which counts from the call): the LP relaxation first (at most a share of
     * the time), whose duals weigh the cover rows and whose rounding is the first incumbent unless a hint is given.
     */
    MipRunner.Result solveModel(
            ProcurementModel model, List<double[]> hint, Duration limit, Consumer<Runnable> onStop) {
        long start = System.nanoTime();
        List<double[]> first = hint;
        if (settings.roundedStart() && !limit.isNegative()) {
            Duration share = Duration.ofMillis((long) (limit.toMillis() * settings.warmStartShare()));
            // with a previous plan as the hint, only the duals: the roundings would be thrown away
            WarmStart.Start relaxed = WarmStart.fromRelaxation(model, share, settings.solverLog(), first.isEmpty());
            if (relaxed.duals() != null && settings.coverRows()) {
                model.coverRows(relaxed.duals());
            }
            if (first.isEmpty()) {
                first = relaxed.hint();
            }
        }
        Duration solveLimit = limit.minusNanos(System.nanoTime() - start);
        return runner.mip(model.program(), solveLimit.compareTo(MIN_SOLVE) < 0 ? MIN_SOLVE : solveLimit, first, onStop);
    }

    private static VariantResult notSolved(String name, String reason) {
        return new VariantResult(
                name, PlanStatus.NOT_SOLVED, null, null, Map.of(), Map.of(), null, null, List.of(reason));
    }

    private VariantResult summary(
            String name, ProcurementProblem changed, ProcurementPlan plan, ProcurementPlan base, Double basePlanUsd) {
        Map<String, Integer> bought = new TreeMap<>();
        plan.purchases().forEach(b -> bought.merge(b.sku(), b.accelerators(), Integer::sum));
        Map<String, Integer> bySite = new TreeMap<>();
        plan.purchases().forEach(b -> bySite.merge(b.site(), b.accelerators(), Integer::sum));
        double cloudQuarters = plan.assignments().stream()
                .filter(a -> "CLOUD".equals(a.source()))
                .mapToDouble(ProcurementPlan.Assignment::accelerators)
                .sum();
        List<String> violations = plan.objectiveUsd() == null
                ? List.of()
                : audit.check(changed, plan).violations();
        Double change = null;
        Double tolerance = null;
        Boolean within = null;
        if (plan.objectiveUsd() != null && base.objectiveUsd() != null) {
            change = plan.objectiveUsd() - base.objectiveUsd();
            // the common gap every solve is asked for (or a larger one reached at a time limit), of the larger cost
            double gap = Math.max(settings.relativeGap(), Math.max(base.gap(), plan.gap()));
            tolerance = gap * Math.max(Math.abs(base.objectiveUsd()), Math.abs(plan.objectiveUsd()));
            within = Math.abs(change) <= tolerance + CENT;
        }
        Boolean sameComposition = basePlanUsd == null || plan.objectiveUsd() == null
                ? null
                : basePlanUsd - plan.objectiveUsd() <= tolerance + CENT;
        return new VariantResult(
                name,
                plan.status(),
                plan.objectiveUsd(),
                plan.gap(),
                bought,
                bySite,
                plan.objectiveUsd() == null ? null : cloudQuarters,
                plan.costs(),
                violations,
                change,
                tolerance,
                within,
                basePlanUsd,
                sameComposition);
    }
}
