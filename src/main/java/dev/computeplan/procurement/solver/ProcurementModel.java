package dev.computeplan.procurement.solver;

import static dev.computeplan.procurement.model.ProcurementProblem.HOURS_PER_QUARTER;

import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.Assignment;
import dev.computeplan.procurement.model.ProcurementPlan.Lease;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementPlan.Retention;
import dev.computeplan.procurement.model.ProcurementPlan.SiteUsage;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The procurement MIP. Indices: k SKU, s site, q quarter (0-based), w workload, e existing-fleet group, v vendor.
 * Constants: n_k accelerators per server, L_k useful life (quarters), H hours per quarter, delta_q discount factor.
 * The formula of each variable and constraint family is written above the loop that builds it (the families live in
 * {@link FleetRows}, {@link DemandRows}, {@link SiteRows} and {@link SupplyRows}); docs/procurement.md has the same
 * model as maths.
 */
public final class ProcurementModel extends ModelPart {

    private static final double INF = Double.POSITIVE_INFINITY;

    private ProcurementModel(ProcurementProblem problem) {
        super(problem);
    }

    /** Builds the whole model: variables, constraints, objective. */
    public static ProcurementModel build(ProcurementProblem problem) {
        ProcurementModel m = new ProcurementModel(problem);
        m.variables();
        m.constraints();
        m.objective();
        return m;
    }

    public LinearProgram program() {
        return lp;
    }

    public ProcurementProblem problem() {
        return p;
    }

    public Throughput throughput() {
        return t;
    }

    void variables() {
        fleetVariables();
        keptVariables();
        workloadVariables();
    }

    private void fleetVariables() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int s = 0; s < ns; s++) {
                boolean existing = hasExisting(k, s);
                boolean leasable = sku.leasable() && p.policy().allowLease();
                for (int q = 0; q < nq; q++) {
                    // buy[k,s,q] in Z+: servers of SKU k delivered to site s at the start of quarter q
                    if (sku.buyable()) {
                        buy[k][s][q] = lp.addVariable("buy[" + k + "," + s + "," + q + "]", 0, INF, true);
                    }
                    // lease[k,s,q] in Z+: servers of SKU k leased into site s for quarter q
                    if (leasable) {
                        lease[k][s][q] = lp.addVariable("lease[" + k + "," + s + "," + q + "]", 0, INF, true);
                    }
                    // srv[k,s,q] >= 0: servers of SKU k installed in site s in quarter q; integral because the fleet
                    // balance makes it a sum of integers, so it is left continuous (SCIP then never branches on it)
                    if (sku.buyable() || leasable || existing) {
                        srv[k][s][q] = lp.addVariable("srv[" + k + "," + s + "," + q + "]", 0, INF, false);
                        // use[k,s,q] >= 0: busy accelerators of SKU k in site s in quarter q
                        if (anyWorkloadFor(k)) {
                            use[k][s][q] = lp.addVariable("use[" + k + "," + s + "," + q + "]", 0, INF, false);
                        }
                    }
                }
            }
        }
    }

    private void keptVariables() {
        // keep[s,e,q] in {0..servers_e}: existing servers still in service; 0 from the quarter they reach their useful
        // life
        for (int s = 0; s < ns; s++) {
            List<ExistingServers> fleet = p.sites().get(s).existingFleet();
            for (int e = 0; e < fleet.size(); e++) {
                ExistingServers group = fleet.get(e);
                int life = p.sku(group.sku()).usefulLifeQuarters();
                for (int q = 0; q < nq; q++) {
                    double ub = group.ageQuarters() + q < life ? group.servers() : 0;
                    keep[s][e][q] = lp.addVariable("keep[" + s + "," + e + "," + q + "]", 0, ub, true);
                }
            }
        }
    }

    private void workloadVariables() {
        for (int w = 0; w < nw; w++) {
            Workload load = p.workloads().get(w);
            for (int k = 0; k < nk; k++) {
                if (!t.eligible(w, k)) {
                    continue;
                }
                Sku sku = p.catalogue().get(k);
                boolean inSites = Arrays.stream(use[k]).anyMatch(row -> row[0] >= 0);
                boolean rentable = sku.inCloud() && p.policy().allowCloud() && load.allowCloud();
                for (int q = 0; q < nq; q++) {
                    if (load.demandIn(q) <= 0) {
                        continue;
                    }
                    // own[w,k,q] >= 0: accelerators of SKU k in the sites serving workload w in quarter q
                    if (inSites) {
                        own[w][k][q] = lp.addVariable("own[" + w + "," + k + "," + q + "]", 0, INF, false);
                    }
                    // cloud[w,k,q] >= 0: cloud on-demand accelerators of SKU k rented for w for all of quarter q
                    if (rentable) {
                        cloud[w][k][q] = lp.addVariable("cloud[" + w + "," + k + "," + q + "]", 0, INF, false);
                    }
                }
            }
        }
    }

    void constraints() {
        new FleetRows(this).add();
        new DemandRows(this).demand();
        new SiteRows(this).sitesPowerSpaceBudget();
        new SupplyRows(this).add();
    }

    /**
     * Adds the cover rows (see {@link DemandRows#coverRows}: valid inequalities over whole servers per quarter),
     * weighted by the duals of an LP relaxation of this model (indexed by row).
     */
    public void coverRows(double[] duals) {
        new DemandRows(this).coverRows(duals);
    }

    // minimise sum_q delta_q * [ capex + embodied carbon (both net of straight-line residual value at the horizon end)
    //   + lease + site energy (idle share of installed + active share of busy accelerators, x PUE) x (price + carbon)
    //   + opex per installed server + cloud rent + cloud energy carbon ]
    void objective() {
        double cp = p.policy().carbonUsdPerTonne();
        double idle = p.policy().idlePowerFraction();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            int n = sku.acceleratorsPerServer();
            double kw = sku.boardPowerW() * (1 + sku.serverOverheadFraction()) / 1000.0;
            for (int q = 0; q < nq; q++) {
                double d = p.discount(q);
                double residual = Math.min(sku.usefulLifeQuarters(), nq - q) / (double) sku.usefulLifeQuarters();
                for (int s = 0; s < ns; s++) {
                    Site site = p.sites().get(s);
                    double usdPerKwh = site.electricityUsdPerKwh() + cp * site.carbonGPerKwh() / 1e6;
                    if (buy[k][s][q] >= 0) {
                        double embodiedTonnes = n * sku.embodiedKgCo2ePerAccelerator() / 1000.0;
                        lp.addObjective(buy[k][s][q], d * residual * (sku.serverPriceUsd() + cp * embodiedTonnes));
                    }
                    if (lease[k][s][q] >= 0) {
                        lp.addObjective(lease[k][s][q], d * n * HOURS_PER_QUARTER * sku.leaseUsdPerHour());
                    }
                    if (srv[k][s][q] >= 0) {
                        double idleKwh = HOURS_PER_QUARTER * site.pue() * kw * idle * n;
                        lp.addObjective(srv[k][s][q], d * (idleKwh * usdPerKwh + sku.opexUsdPerServerQuarter()));
                    }
                    if (use[k][s][q] >= 0) {
                        double activeKwh = HOURS_PER_QUARTER * site.pue() * kw * (1 - idle);
                        lp.addObjective(use[k][s][q], d * activeKwh * usdPerKwh);
                    }
                }
                for (int w = 0; w < nw; w++) {
                    if (cloud[w][k][q] >= 0) {
                        double cloudTonnes = HOURS_PER_QUARTER
                                * kw
                                * p.policy().cloudPue()
                                * p.policy().cloudCarbonGPerKwh()
                                / 1e6;
                        lp.addObjective(
                                cloud[w][k][q], d * (HOURS_PER_QUARTER * sku.cloudUsdPerHour() + cp * cloudTonnes));
                    }
                }
            }
        }
    }

    /** Reads a plan from variable values (integers rounded, tiny negatives from floating point cut to 0). */
    public ProcurementPlan extract(double[] x, PlanStatus status, double objective, double bound, double gap) {
        List<Purchase> purchases = new ArrayList<>();
        List<Lease> leases = new ArrayList<>();
        List<SiteUsage> usage = new ArrayList<>();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < nq; q++) {
                    int b = intValue(x, buy[k][s][q]);
                    if (b > 0) {
                        purchases.add(new Purchase(
                                sku.name(),
                                p.sites().get(s).name(),
                                q,
                                p.quarterLabel(q),
                                b,
                                b * sku.acceleratorsPerServer()));
                    }
                    int l = intValue(x, lease[k][s][q]);
                    if (l > 0) {
                        leases.add(new Lease(sku.name(), p.sites().get(s).name(), q, p.quarterLabel(q), l));
                    }
                    double u = value(x, use[k][s][q]);
                    if (u > 0) {
                        usage.add(new SiteUsage(sku.name(), p.sites().get(s).name(), q, u));
                    }
                }
            }
        }
        List<Retention> retentions = new ArrayList<>();
        for (int s = 0; s < ns; s++) {
            List<ExistingServers> fleet = p.sites().get(s).existingFleet();
            for (int e = 0; e < fleet.size(); e++) {
                List<Integer> kept = new ArrayList<>();
                for (int q = 0; q < nq; q++) {
                    kept.add(intValue(x, keep[s][e][q]));
                }
                ExistingServers g = fleet.get(e);
                retentions.add(new Retention(p.sites().get(s).name(), e, g.sku(), g.servers(), g.ageQuarters(), kept));
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int w = 0; w < nw; w++) {
            Workload load = p.workloads().get(w);
            for (int k = 0; k < nk; k++) {
                for (int q = 0; q < nq; q++) {
                    assignment(assignments, load, w, k, q, "OWNED", value(x, own[w][k][q]));
                    assignment(assignments, load, w, k, q, "CLOUD", value(x, cloud[w][k][q]));
                }
            }
        }
        return ProcurementPlan.builder(status)
                .objective(objective, bound, gap)
                .purchases(purchases)
                .leases(leases)
                .existingFleet(retentions)
                .assignments(assignments)
                .usage(usage)
                .build();
    }

    private void assignment(List<Assignment> out, Workload load, int w, int k, int q, String source, double acc) {
        if (acc <= 0) {
            return;
        }
        Double replicas = load.training() ? null : acc / t.acceleratorsPerReplica(w, k);
        out.add(new Assignment(
                load.name(),
                q,
                p.quarterLabel(q),
                p.catalogue().get(k).name(),
                source,
                acc,
                acc * t.rate(w, k),
                t.precision(w, k),
                replicas));
    }
    /** Tonnes of CO2e per unit of each variable (see {@link CarbonTonnes}). */
    public double[] carbonTonnes() {
        return new CarbonTonnes(this).perVariable();
    }

    /** A previous plan as a complete solver hint: (variable index, value) for every variable. */
    public List<double[]> hintFrom(ProcurementPlan plan) {
        return new PlanValues(this).hintFrom(plan);
    }

    /** The integer decisions of a relaxed solution rounded to whole servers (see {@link PlanValues#rounded}). */
    public double[] rounded(double[] relaxed, double threshold) {
        return new PlanValues(this).rounded(relaxed, threshold);
    }

    /** The variable values of a plan (the inverse of {@link #extract}). */
    public double[] valuesFrom(ProcurementPlan plan) {
        return new PlanValues(this).valuesFrom(plan);
    }

    private static double value(double[] x, int var) {
        if (var < 0) {
            return 0;
        }
        double v = x[var];
        return v < 1e-9 ? 0 : v;
    }

    private static int intValue(double[] x, int var) {
        return var < 0 ? 0 : (int) Math.round(x[var]);
    }

    private boolean hasExisting(int k, int s) {
        String name = p.catalogue().get(k).name();
        return p.sites().get(s).existingFleet().stream().anyMatch(e -> e.sku().equals(name));
    }

    private boolean anyWorkloadFor(int k) {
        for (int w = 0; w < nw; w++) {
            if (t.eligible(w, k)) {
                return true;
            }
        }
        return false;
    }

    /** True for the kept-servers variables keep[s,e,q] (few: one per existing group and quarter). */
    public boolean[] keptMask() {
        boolean[] mask = new boolean[lp.variables().size()];
        for (int[][] site : keep) {
            for (int[] group : site) {
                for (int var : group) {
                    mask[var] = true;
                }
            }
        }
        return mask;
    }

    /** Indices of the integer decisions (buy, lease, keep, srv) for fixing them before the LP dual solve. */
    public boolean[] integerMask() {
        boolean[] mask = new boolean[lp.variables().size()];
        for (var v : lp.variables()) {
            mask[v.index()] = v.integer();
        }
        return mask;
    }
}
