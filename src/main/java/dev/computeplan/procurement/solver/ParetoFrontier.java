package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ParetoPoint;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Variants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The cost-versus-carbon frontier by the epsilon-constraint method, on one model with carbon priced at 0 (cost is
 * money alone). First the cheapest plan (tonnes T_hi) and the least-carbon plan (tonnes T_lo); then for caps
 * T_lo = e_0 < e_1 < ... < e_{n-2} evenly spaced below T_hi: min cost(x) s.t. tonnes(x) <= e_i. The caps are solved
 * from the tightest up, each started from the plan of the cap below, which still holds under a looser cap. Points
 * another point beats in cost and carbon (a solver's gap can leave one) are dropped.
 */
final class ParetoFrontier {

    /** A cap is met within this share of it (the MIP's feasibility tolerance on the tonnes row). */
    private static final double CAP_TOLERANCE = 1e-6;

    private final ProcurementSolver solver;
    private final MipRunner runner;
    private final PlanAudit audit;

    ParetoFrontier(ProcurementSolver solver, MipRunner runner, PlanAudit audit) {
        this.solver = solver;
        this.runner = runner;
        this.audit = audit;
    }

    /** A solved point: the solve's values and status, and the cap it was solved under (infinite: none). */
    private record Solved(MipRunner.Result result, double cap) {}

    List<ParetoPoint> solve(
            ProcurementProblem problem,
            int points,
            ProcurementPlan base,
            Duration limit,
            Consumer<Runnable> onStop,
            BooleanSupplier stopped) {
        Budget budget = new Budget(limit, points + 1);
        ProcurementProblem money = Variants.moneyOnly(problem);
        ProcurementModel model = ProcurementModel.build(money);
        double[] tonnes = model.carbonTonnes();
        // the base plan breaks no rule of the money-only problem (the rules are the same): a first incumbent
        List<double[]> hint = base != null && base.objectiveUsd() != null ? model.hintFrom(base) : List.of();
        MipRunner.Result cheapest = solver.solveModel(model, hint, budget.take(1), onStop);
        if (!cheapest.hasSolution()) {
            return List.of();
        }
        double hi = CarbonTonnes.of(tonnes, cheapest.values());
        LinearProgram green = model.program().copy();
        green.setObjective(tonnes);
        MipRunner.Result greenest = runner.mip(green, budget.take(1), complete(cheapest.values()), onStop);
        List<Solved> solved = new ArrayList<>();
        if (greenest.hasSolution() && !stopped.getAsBoolean()) {
            double lo = CarbonTonnes.of(tonnes, greenest.values());
            double[] previous = greenest.values();
            int caps = hi - lo > CAP_TOLERANCE * Math.max(1, hi) ? points - 1 : 0;
            for (int i = 0; i < caps && !stopped.getAsBoolean(); i++) {
                double cap = lo + i * (hi - lo) / (points - 1);
                LinearProgram capped = model.program().copy();
                LinearProgram.RowBuilder row = capped.row("carbon cap", null);
                for (int v = 0; v < tonnes.length; v++) {
                    row.add(v, tonnes[v]);
                }
                row.atMost(cap * (1 + CAP_TOLERANCE));
                MipRunner.Result r = runner.mip(capped, budget.take(1), complete(previous), onStop);
                if (r.hasSolution()) {
                    solved.add(new Solved(r, cap));
                    previous = r.values();
                }
            }
        }
        solved.add(new Solved(cheapest, Double.POSITIVE_INFINITY));
        List<ParetoPoint> out = new ArrayList<>();
        for (Solved s : solved) {
            out.add(point(money, model, s));
        }
        return nonDominated(out);
    }

    private ParetoPoint point(ProcurementProblem money, ProcurementModel model, Solved s) {
        MipRunner.Result r = s.result();
        PlanStatus status = r.status() == MipRunner.Status.OPTIMAL ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        ProcurementPlan plan = model.extract(r.values(), status, r.objective(), r.bound(), r.gap());
        PlanAudit.Verdict verdict = audit.check(money, plan);
        ProcurementPlan.CostSummary c = verdict.costs();
        double carbon = c.operationalTonnes() + c.embodiedTonnes() + c.cloudTonnes();
        List<String> violations = new ArrayList<>(verdict.violations());
        Double cap = Double.isInfinite(s.cap()) ? null : s.cap();
        if (cap != null && carbon > cap * (1 + 10 * CAP_TOLERANCE) + 1e-6) {
            violations.add(String.format("%.3f t of CO2e exceed the cap of %.3f t", carbon, cap));
        }
        Composition mix = Composition.of(plan);
        return new ParetoPoint(
                status,
                cap,
                c.totalUsd(),
                carbon,
                r.gap(),
                mix.bySku(),
                mix.bySite(),
                mix.cloudAcceleratorQuarters(),
                c,
                violations);
    }

    /** Cheapest first; a point is kept only if it emits less than every cheaper point kept before it. */
    static List<ParetoPoint> nonDominated(List<ParetoPoint> points) {
        List<ParetoPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(ParetoPoint::costUsd).thenComparingDouble(ParetoPoint::carbonTonnes));
        List<ParetoPoint> out = new ArrayList<>();
        double leastCarbon = Double.POSITIVE_INFINITY;
        for (ParetoPoint p : sorted) {
            if (out.isEmpty() || p.carbonTonnes() < leastCarbon - CAP_TOLERANCE * Math.max(1, leastCarbon)) {
                out.add(p);
                leastCarbon = p.carbonTonnes();
            }
        }
        return out;
    }

    private static List<double[]> complete(double[] x) {
        List<double[]> hint = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            hint.add(new double[] {i, x[i]});
        }
        return hint;
    }
}
