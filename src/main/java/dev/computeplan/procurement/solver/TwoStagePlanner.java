package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Scenario;
import dev.computeplan.procurement.model.TwoStageResult;
import dev.computeplan.procurement.model.TwoStageResult.ScenarioResult;
import dev.computeplan.procurement.model.Variant;
import dev.computeplan.procurement.model.Variants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Two-stage planning over scenarios as one extensive-form MIP: a copy x^s of the procurement model per scenario s,
 * min sum_s p_s cost_s(x^s), with the first-stage decisions equal in every copy (non-anticipativity, {@link
 * FirstStage}). Against it the expected-value plan: the model with every factor at its expectation, whose first stage
 * is then held in each scenario with the best recourse after it (EEV = sum_s p_s of those costs); the value of the
 * stochastic solution is VSS = EEV - (the two-stage cost). The EEV solutions together are the MIP's first incumbent.
 */
final class TwoStagePlanner {

    private final ProcurementSolver solver;
    private final MipRunner runner;
    private final PlanAudit audit;

    TwoStagePlanner(ProcurementSolver solver, MipRunner runner, PlanAudit audit) {
        this.solver = solver;
        this.runner = runner;
        this.audit = audit;
    }

    /** Solves the time limit is shared by: the expected-value plan, its evaluation per scenario, the MIP per scenario. */
    static int solves(ProcurementProblem problem) {
        return problem.twoStage() == null
                ? 0
                : 1 + 2 * problem.twoStage().scenarios().size();
    }

    /** The expected-value scenario evaluated in each scenario: per-scenario costs (null: cannot serve it), values. */
    private record Evaluation(Double[] costs, double[][] values, String message) {}

    TwoStageResult solve(ProcurementProblem problem, Duration limit, Consumer<Runnable> onStop, BooleanSupplier stop) {
        List<Scenario> scenarios = problem.twoStage().scenarios();
        int first = Math.min(problem.twoStage().firstStageQuarters(), problem.horizonQuarters());
        Budget budget = new Budget(limit, solves(problem));
        List<ProcurementProblem> problems = scenarios.stream()
                .map(s -> Variants.apply(problem, s.variant()))
                .toList();
        Evaluation eev = expectedValue(problem, problems, first, budget, onStop, stop);
        List<ProcurementModel> models =
                problems.stream().map(ProcurementModel::build).toList();
        LinearProgram merged = new LinearProgram();
        int[] offsets = new int[models.size()];
        for (int s = 0; s < models.size(); s++) {
            offsets[s] = merged.absorb(
                    models.get(s).program(), "s" + s + ":", scenarios.get(s).probability());
        }
        FirstStage.link(merged, models, offsets, first);
        // the expected-value plan's first stage with its recourse: complete when it serves every scenario, else the
        // scenarios it serves, for SCIP to complete
        List<double[]> hint = new ArrayList<>();
        for (int s = 0; s < models.size(); s++) {
            for (int i = 0; eev.costs()[s] != null && i < eev.values()[s].length; i++) {
                hint.add(new double[] {offsets[s] + i, eev.values()[s][i]});
            }
        }
        MipRunner.Result r = stop.getAsBoolean()
                ? new MipRunner.Result(MipRunner.Status.NOT_SOLVED, null, null, Double.NaN, Double.NaN, 0)
                : runner.mip(merged, budget.left(), hint, onStop);
        return result(scenarios, problems, models, offsets, first, r, eev);
    }

    /** The expected-value plan, then its first stage held in every scenario with the best recourse after it. */
    private Evaluation expectedValue(
            ProcurementProblem problem,
            List<ProcurementProblem> problems,
            int first,
            Budget budget,
            Consumer<Runnable> onStop,
            BooleanSupplier stop) {
        Double[] costs = new Double[problems.size()];
        double[][] values = new double[problems.size()][];
        ProcurementModel ev = ProcurementModel.build(
                Variants.apply(problem, expected(problem.twoStage().scenarios())));
        MipRunner.Result evResult = solver.solveModel(ev, List.of(), budget.take(1), onStop);
        if (!evResult.hasSolution()) {
            return new Evaluation(costs, values, "the expected-value problem has no plan");
        }
        double[] decided = FirstStage.values(ev, first, evResult.values());
        List<String> cannot = new ArrayList<>();
        for (int s = 0; s < problems.size(); s++) {
            ProcurementModel m = ProcurementModel.build(problems.get(s));
            MipRunner.Result r = !stop.getAsBoolean() && FirstStage.fix(m, first, decided)
                    ? solver.solveModel(m, List.of(), budget.take(1), onStop)
                    : null;
            if (r != null && r.hasSolution()) {
                costs[s] = r.objective();
                values[s] = r.values();
            } else {
                cannot.add(problem.twoStage().scenarios().get(s).name());
            }
        }
        String message = cannot.isEmpty()
                ? null
                : "the expected-value plan's first stage cannot serve " + String.join(", ", cannot);
        return new Evaluation(costs, values, message);
    }

    /** Every factor at its probability-weighted mean; the lead-time slip rounded to whole quarters. */
    static Variant expected(List<Scenario> scenarios) {
        double[] f = new double[6];
        for (Scenario s : scenarios) {
            Variant v = s.variant();
            double p = s.probability();
            f[0] += p * v.purchasePriceFactor();
            f[1] += p * v.leasePriceFactor();
            f[2] += p * v.cloudPriceFactor();
            f[3] += p * v.energyPriceFactor();
            f[4] += p * v.demandFactor();
            f[5] += p * v.leadTimeSlipQuarters();
        }
        return new Variant("expected value", f[0], f[1], f[2], f[3], f[4], null, (int) Math.round(f[5]));
    }

    private TwoStageResult result(
            List<Scenario> scenarios,
            List<ProcurementProblem> problems,
            List<ProcurementModel> models,
            int[] offsets,
            int first,
            MipRunner.Result r,
            Evaluation eev) {
        Double eevTotal = expectation(scenarios, eev.costs());
        if (!r.hasSolution()) {
            PlanStatus status =
                    r.status() == MipRunner.Status.INFEASIBLE ? PlanStatus.INFEASIBLE : PlanStatus.NOT_SOLVED;
            String why = status == PlanStatus.INFEASIBLE
                    ? "no first-stage decision serves every scenario"
                    : "no two-stage plan found within the time limit";
            return new TwoStageResult(status, first, null, null, null, eevTotal, null, List.of(), List.of(), why);
        }
        PlanStatus status = r.status() == MipRunner.Status.OPTIMAL ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        List<ProcurementPlan> plans = new ArrayList<>();
        List<ScenarioResult> out = new ArrayList<>();
        double expectedCost = 0;
        for (int s = 0; s < models.size(); s++) {
            ProcurementModel m = models.get(s);
            double[] x = Arrays.copyOfRange(
                    r.values(), offsets[s], offsets[s] + m.program().variables().size());
            ProcurementPlan plan = m.extract(x, status, r.objective(), r.bound(), r.gap());
            plans.add(plan);
            PlanAudit.Verdict verdict = audit.check(problems.get(s), plan);
            Composition mix = Composition.of(plan);
            expectedCost += scenarios.get(s).probability() * verdict.costs().totalUsd();
            out.add(new ScenarioResult(
                    scenarios.get(s).name(),
                    scenarios.get(s).probability(),
                    status,
                    verdict.costs().totalUsd(),
                    eev.costs()[s],
                    mix.bySku(),
                    mix.cloudAcceleratorQuarters(),
                    plan.purchases(),
                    verdict.costs(),
                    new ArrayList<>(verdict.violations())));
        }
        FirstStage.verify(problems, plans, first, out);
        Double vss = eevTotal == null ? null : eevTotal - expectedCost;
        return new TwoStageResult(
                status,
                first,
                expectedCost,
                r.bound(),
                r.gap(),
                eevTotal,
                vss,
                FirstStage.orders(problems.get(0), plans.get(0), first),
                out,
                eev.message());
    }

    private static Double expectation(List<Scenario> scenarios, Double[] costs) {
        double sum = 0;
        for (int s = 0; s < costs.length; s++) {
            if (costs[s] == null) {
                return null;
            }
            sum += scenarios.get(s).probability() * costs[s];
        }
        return sum;
    }
}
