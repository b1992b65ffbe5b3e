package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.TwoStageResult.Order;
import dev.computeplan.procurement.model.TwoStageResult.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The first-stage decisions of a scenario's model, in the same order for every scenario: orders placed in quarters
 * o < F (a scenario's order of SKU k for site s in quarter o is its delivery buy[k,s,o + lead_k + slip], absent when
 * that falls after the horizon), leases lease[k,s,q] and kept existing servers keep[s,e,q] for q < F.
 * Non-anticipativity: each decision equal in every scenario, and 0 where one scenario cannot take it.
 */
final class FirstStage {

    private FirstStage() {}

    /** The variable of each first-stage decision in one model, -1 where this scenario has none. */
    static int[] variables(ProcurementModel m, int first) {
        List<Integer> out = new ArrayList<>();
        ProcurementProblem p = m.problem();
        for (int k = 0; k < m.nk; k++) {
            int lead = p.catalogue().get(k).leadTimeQuarters();
            for (int s = 0; s < m.ns; s++) {
                for (int o = 0; o < first; o++) {
                    out.add(o + lead < m.nq ? m.buy[k][s][o + lead] : -1);
                }
                for (int q = 0; q < first; q++) {
                    out.add(m.lease[k][s][q]);
                }
            }
        }
        for (int[][] site : m.keep) {
            for (int[] group : site) {
                for (int q = 0; q < first; q++) {
                    out.add(group[q]);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // for each decision j and scenario s > 0: x^s_j - x^0_j = 0; x^s_j = 0 if any scenario has no x_j
    static void link(LinearProgram merged, List<ProcurementModel> models, int[] offsets, int first) {
        List<int[]> vars = models.stream().map(m -> variables(m, first)).toList();
        for (int j = 0; j < vars.get(0).length; j++) {
            final int d = j;
            boolean everywhere = vars.stream().allMatch(v -> v[d] >= 0);
            for (int s = 0; s < models.size(); s++) {
                int var = vars.get(s)[j];
                if (var < 0) {
                    continue;
                }
                if (!everywhere) {
                    merged.row("first stage " + j + " absent in a scenario", null)
                            .add(offsets[s] + var, 1)
                            .atMost(0);
                } else if (s > 0) {
                    merged.row("non-anticipativity " + j + " s" + s, null)
                            .add(offsets[s] + var, 1)
                            .add(offsets[0] + vars.get(0)[j], -1)
                            .equalTo(0);
                }
            }
        }
    }

    /** The first-stage decisions read from a solution of one model (0 where it has none). */
    static double[] values(ProcurementModel m, int first, double[] x) {
        int[] vars = variables(m, first);
        double[] out = new double[vars.length];
        for (int j = 0; j < vars.length; j++) {
            out[j] = vars[j] < 0 ? 0 : Math.round(x[vars[j]]);
        }
        return out;
    }

    /** Holds a model's first stage at the given decisions; false if it cannot take one of them. */
    static boolean fix(ProcurementModel m, int first, double[] decided) {
        int[] vars = variables(m, first);
        for (int j = 0; j < vars.length; j++) {
            if (vars[j] >= 0) {
                m.program().fix(vars[j], decided[j]);
            } else if (decided[j] > 0) {
                return false;
            }
        }
        return true;
    }

    /** The orders placed in the first stage, read from a scenario's plan and lead times. */
    static List<Order> orders(ProcurementProblem p, ProcurementPlan plan, int first) {
        List<Order> out = new ArrayList<>();
        for (ProcurementPlan.Purchase b : plan.purchases()) {
            int placed = b.quarter() - p.sku(b.sku()).leadTimeQuarters();
            if (placed < first) {
                out.add(new Order(b.sku(), b.site(), placed, p.quarterLabel(placed), b.servers()));
            }
        }
        return out;
    }

    /**
     * Re-reads non-anticipativity from the plans alone (orders, leases and kept servers of the first stage) and adds a
     * violation to every scenario whose first stage differs from the first scenario's.
     */
    static void verify(
            List<ProcurementProblem> problems, List<ProcurementPlan> plans, int first, List<ScenarioResult> out) {
        Map<String, Integer> reference = decisions(problems.get(0), plans.get(0), first);
        for (int s = 1; s < plans.size(); s++) {
            Map<String, Integer> mine = decisions(problems.get(s), plans.get(s), first);
            if (!Objects.equals(reference, mine)) {
                out.get(s)
                        .violations()
                        .add("first-stage decisions differ from scenario "
                                + out.get(0).name() + "'s: " + mine + " vs " + reference);
            }
        }
    }

    private static Map<String, Integer> decisions(ProcurementProblem p, ProcurementPlan plan, int first) {
        Map<String, Integer> out = new TreeMap<>();
        for (Order o : orders(p, plan, first)) {
            out.merge("order " + o.sku() + "@" + o.site() + " q" + o.quarter(), o.servers(), Integer::sum);
        }
        plan.leases().stream()
                .filter(l -> l.quarter() < first)
                .forEach(l ->
                        out.merge("lease " + l.sku() + "@" + l.site() + " q" + l.quarter(), l.servers(), Integer::sum));
        for (ProcurementPlan.Retention r : plan.existingFleet()) {
            for (int q = 0; q < first; q++) {
                out.put(
                        "keep " + r.site() + "#" + r.fleetIndex() + " q" + q,
                        r.keptServers().get(q));
            }
        }
        return out;
    }
}
