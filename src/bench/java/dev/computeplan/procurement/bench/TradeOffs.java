package dev.computeplan.procurement.bench;

import dev.computeplan.procurement.model.Pareto;
import dev.computeplan.procurement.model.ParetoPoint;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Scenario;
import dev.computeplan.procurement.model.TwoStage;
import dev.computeplan.procurement.model.TwoStageResult;
import java.util.List;

/** The benchmark's frontier and scenario modes: what they add to a generated problem and how results are printed. */
final class TradeOffs {

    private TradeOffs() {}

    /** Five scenarios: as planned, demand up 30 % or down 20 %, prices up, every delivery a quarter late. */
    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("as planned", 0.3, null, null, null, null, null, null),
            new Scenario("demand +30%", 0.2, null, null, null, null, 1.3, null),
            new Scenario("demand -20%", 0.2, null, null, null, null, 0.8, null),
            new Scenario("prices up", 0.15, 1.2, 1.2, 1.2, 1.5, null, null),
            new Scenario("one quarter late", 0.15, null, null, null, null, null, 1));

    static ProcurementProblem attach(ProcurementProblem p, List<String> flags) {
        Pareto pareto = flags.contains("--pareto") ? new Pareto(8) : null;
        TwoStage twoStage = flags.contains("--two-stage") ? new TwoStage(4, SCENARIOS) : null;
        return new ProcurementProblem(
                p.horizonQuarters(),
                p.firstQuarter(),
                p.catalogue(),
                p.sites(),
                p.workloads(),
                p.policy(),
                p.variants(),
                pareto,
                twoStage);
    }

    static void print(ProcurementPlan plan) {
        for (ParetoPoint point : plan.paretoFrontier() == null ? List.<ParetoPoint>of() : plan.paretoFrontier()) {
            System.out.printf(
                    "  frontier | %s | cost %.0f | %.1f t CO2e | cap %s | gap %.4f%% | %s%n",
                    point.status(),
                    point.costUsd(),
                    point.carbonTonnes(),
                    point.carbonCapTonnes() == null ? "-" : String.format("%.1f t", point.carbonCapTonnes()),
                    100 * point.gap(),
                    point.violations().isEmpty() ? "check ok" : "CHECK FAILED " + point.violations());
        }
        TwoStageResult t = plan.twoStage();
        if (t != null) {
            System.out.printf(
                    "  two-stage | %s | expected cost %s | bound %s | gap %s | EEV %s | VSS %s | %s%n",
                    t.status(),
                    num(t.expectedCostUsd()),
                    num(t.bestBoundUsd()),
                    t.gap() == null ? "-" : String.format("%.4f%%", 100 * t.gap()),
                    num(t.expectedValuePlanUsd()),
                    num(t.valueOfStochasticSolutionUsd()),
                    t.message() == null ? "" : t.message());
            for (TwoStageResult.ScenarioResult s : t.scenarios()) {
                System.out.printf(
                        "    scenario %s (p %.2f) | cost %s | EV plan %s | %s%n",
                        s.name(),
                        s.probability(),
                        num(s.costUsd()),
                        num(s.expectedValuePlanUsd()),
                        s.violations().isEmpty() ? "check ok" : "CHECK FAILED " + s.violations());
            }
        }
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format("%.0f", v);
    }
}
