package dev.computeplan.procurement.solver;

import static dev.computeplan.procurement.model.ProcurementProblem.HOURS_PER_QUARTER;

import dev.computeplan.procurement.model.ExistingServers;
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
import dev.computeplan.procurement.solver.LinearProgram.Requirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The procurement MIP. Indices: k SKU, s site, q quarter (0-based), w workload, e existing-fleet group, v vendor.
 * Constants: n_k accelerators per server, L_k useful life (quarters), H hours per quarter, delta_q discount factor.
 * The formula of each variable and constraint family is written above the loop that builds it; docs/procurement.md
 * has the same model as maths.
 */
public final class ProcurementModel {

    private static final double INF = Double.POSITIVE_INFINITY;

    private final ProcurementProblem p;
    private final Throughput t;
    private final LinearProgram lp = new LinearProgram();
    private final int nk;
    private final int ns;
    private final int nq;
    private final int nw;
    private final int[][][] buy;
    private final int[][][] lease;
    private final int[][][] keep;
    private final int[][][] srv;
    private final int[][][] use;
    private final int[][][] own;
    private final int[][][] cloud;

    private ProcurementModel(ProcurementProblem problem) {
        this.p = problem;
        this.t = Throughput.of(problem);
        nk = p.catalogue().size();
        ns = p.sites().size();
        nq = p.horizonQuarters();
        nw = p.workloads().size();
        buy = filled(nk, ns, nq);
        lease = filled(nk, ns, nq);
        keep = new int[ns][][];
        for (int s = 0; s < ns; s++) {
            keep[s] = filled2(p.sites().get(s).existingFleet().size(), nq);
        }
        srv = filled(nk, ns, nq);
        use = filled(nk, ns, nq);
        own = filled(nw, nk, nq);
        cloud = filled(nw, nk, nq);
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
        // keep[s,e,q] in {0..servers_e}: existing servers still in service; 0 from the quarter they reach their useful life
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
        fleetBalance();
        retirement();
        busyAccelerators();
        servedFromSites();
        demand();
        sitesPowerSpaceBudget();
        supplyAndLeadTimes();
        vendorDiversity();
    }

    // fleet[k,s,q]: srv[k,s,q] = sum_{q' in (q-L_k, q]} buy[k,s,q'] + lease[k,s,q] + sum_{e of SKU k in s} keep[s,e,q]
    private void fleetBalance() {
        for (int k = 0; k < nk; k++) {
            int life = p.catalogue().get(k).usefulLifeQuarters();
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < nq; q++) {
                    if (srv[k][s][q] < 0) {
                        continue;
                    }
                    var row = lp.row("fleet[" + k + "," + s + "," + q + "]", null).add(srv[k][s][q], 1);
                    for (int q2 = Math.max(0, q - life + 1); q2 <= q; q2++) {
                        row.add(buy[k][s][q2], -1);
                    }
                    row.add(lease[k][s][q], -1);
                    List<ExistingServers> fleet = p.sites().get(s).existingFleet();
                    for (int e = 0; e < fleet.size(); e++) {
                        if (fleet.get(e).sku().equals(p.catalogue().get(k).name())) {
                            row.add(keep[s][e][q], -1);
                        }
                    }
                    row.equalTo(0);
                }
            }
        }
    }

    // retire[s,e,q]: keep[s,e,q] <= keep[s,e,q-1] (q >= 1), and keep[s,e,0] <= servers_e by its bound
    private void retirement() {
        for (int s = 0; s < ns; s++) {
            for (int e = 0; e < keep[s].length; e++) {
                for (int q = 1; q < nq; q++) {
                    lp.row("retire[" + s + "," + e + "," + q + "]", null)
                            .add(keep[s][e][q], 1).add(keep[s][e][q - 1], -1).atMost(0);
                }
            }
        }
    }

    // busy[k,s,q]: use[k,s,q] <= n_k * srv[k,s,q]
    private void busyAccelerators() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < nq; q++) {
                    if (use[k][s][q] >= 0) {
                        lp.row("busy[" + k + "," + s + "," + q + "]", null)
                                .add(use[k][s][q], 1).add(srv[k][s][q], -sku.acceleratorsPerServer())
                                .unit("accelerator of " + sku.name() + " in " + p.sites().get(s).name() + " in " + p.quarterLabel(q), 1)
                                .atMost(0);
                    }
                }
            }
        }
    }

    // serve[k,q]: sum_w own[w,k,q] = sum_s use[k,s,q]  (workloads may run in any site)
    private void servedFromSites() {
        for (int k = 0; k < nk; k++) {
            for (int q = 0; q < nq; q++) {
                var row = lp.row("serve[" + k + "," + q + "]", null);
                for (int w = 0; w < nw; w++) {
                    row.add(own[w][k][q], 1);
                }
                for (int s = 0; s < ns; s++) {
                    row.add(use[k][s][q], -1);
                }
                if (!row.isEmpty()) {
                    row.equalTo(0);
                }
            }
        }
    }

    // demand[w,q]: sum_k r[w,k] * (own[w,k,q] + cloud[w,k,q]) >= D[w,q]
    private void demand() {
        for (int w = 0; w < nw; w++) {
            Workload load = p.workloads().get(w);
            String unit = Throughput.unitPerQuarter(load);
            for (int q = 0; q < nq; q++) {
                if (load.demandIn(q) <= 0) {
                    continue;
                }
                var row = lp.row("demand[" + w + "," + q + "]", new Requirement("demand:" + w + ":" + q,
                        String.format("demand of %s in %s (%,.0f %s%s)", load.name(), p.quarterLabel(q), load.demandIn(q), unit,
                                powerNeed(w, load.demandIn(q)))));
                for (int k = 0; k < nk; k++) {
                    row.add(own[w][k][q], t.rate(w, k)).add(cloud[w][k][q], t.rate(w, k));
                }
                row.unit(unit + " of " + load.name() + " in " + p.quarterLabel(q), 1).atLeast(load.demandIn(q));
            }
        }
    }

    // cover[q]: sum_{k,s} a[k,q] * (sum_{q' in (q-L_k, q]} buy[k,s,q'] + lease[k,s,q] + sum_e keep[s,e,q])
    //             + sum_{w,k} pi[w,q] * r[w,k] * cloud[w,k,q] >= sum_w pi[w,q] * D[w,q]
    //   with pi[w,q] >= 0 the LP relaxation's dual of demand[w,q] and a[k,q] = n_k * max_w pi[w,q] * r[w,k].
    // Valid for any pi >= 0: the demand rows of quarter q weighted by pi and added up, each owned accelerator
    // counted at the best weighted rate of its SKU and bounded by the installed ones (serve, busy, fleet).
    // The LP already implies it; what it adds is one row over whole servers per quarter, on which SCIP's
    // mixed-integer rounding cuts can round the servers up (the demand rows reach servers only through four rows).
    /** Adds the cover rows above, weighted by the duals of an LP relaxation of this model (indexed by row). */
    public void coverRows(double[] duals) {
        int[] demandRow = new int[nw * nq];
        Arrays.fill(demandRow, -1);
        for (var row : lp.rows()) {
            if (row.name().startsWith("demand[") && row.index() < duals.length) {
                String[] wq = row.name().substring(7, row.name().length() - 1).split(",");
                demandRow[Integer.parseInt(wq[0]) * nq + Integer.parseInt(wq[1])] = row.index();
            }
        }
        for (int q = 0; q < nq; q++) {
            double rhs = 0;
            double[] a = new double[nk];
            var row = lp.row("cover[" + q + "]", null);
            for (int w = 0; w < nw; w++) {
                int d = demandRow[w * nq + q];
                double pi = d < 0 ? 0 : Math.max(0, duals[d]);
                if (pi <= 0) {
                    continue;
                }
                rhs += pi * p.workloads().get(w).demandIn(q);
                for (int k = 0; k < nk; k++) {
                    if (t.eligible(w, k)) {
                        a[k] = Math.max(a[k], p.catalogue().get(k).acceleratorsPerServer() * pi * t.rate(w, k));
                        row.add(cloud[w][k][q], pi * t.rate(w, k));
                    }
                }
            }
            for (int k = 0; k < nk; k++) {
                if (a[k] <= 0) {
                    continue;
                }
                int life = p.catalogue().get(k).usefulLifeQuarters();
                for (int s = 0; s < ns; s++) {
                    for (int q2 = Math.max(0, q - life + 1); q2 <= q; q2++) {
                        row.add(buy[k][s][q2], a[k]);
                    }
                    row.add(lease[k][s][q], a[k]);
                    List<ExistingServers> fleet = p.sites().get(s).existingFleet();
                    for (int e = 0; e < fleet.size(); e++) {
                        if (fleet.get(e).sku().equals(p.catalogue().get(k).name())) {
                            row.add(keep[s][e][q], a[k]);
                        }
                    }
                }
            }
            if (!row.isEmpty() && rhs > 0) {
                row.atLeast(rhs);
            }
        }
    }

    /**
     * The least site power that could serve a demand on its own: the most power-efficient SKU that can be bought or
     * leased, in the site with the lowest PUE. Only words for an explanation; the model does not use it.
     */
    private String powerNeed(int w, double demand) {
        double best = Double.POSITIVE_INFINITY;
        double pue = p.sites().stream().mapToDouble(Site::pue).min().orElse(1.0);
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            if (t.eligible(w, k) && (sku.buyable() || (sku.leasable() && p.policy().allowLease()))) {
                best = Math.min(best, demand / t.rate(w, k) * sku.serverPowerW() / sku.acceleratorsPerServer() * pue / 1e6);
            }
        }
        return Double.isFinite(best) ? "; needs at least " + short4(best) + " MW of site power" : "";
    }

    // power[s,q]:  sum_k n_k * W_k * (1 + o_k) * PUE_s * srv[k,s,q] <= 1e6 * MW[s,q]
    // space[s,q]:  sum_k U_k * srv[k,s,q] <= RU[s,q]
    // budget[s,q]: sum_k C_k * buy[k,s,q] <= B[s,q]   (C_k = n_k * price_k + server price)
    // budget[q]:   sum_{k,s} C_k * buy[k,s,q] <= B[q]
    private void sitesPowerSpaceBudget() {
        for (int s = 0; s < ns; s++) {
            Site site = p.sites().get(s);
            for (int q = 0; q < nq; q++) {
                String where = site.name() + " in " + p.quarterLabel(q);
                var power = lp.row("power[" + s + "," + q + "]", new Requirement("power:" + s + ":" + q,
                        String.format("power limit of %s (%s MW incl. PUE %.2f)", where, short4(site.powerMw().get(q)), site.pue())));
                var space = lp.row("space[" + s + "," + q + "]", new Requirement("space:" + s + ":" + q,
                        String.format("rack space of %s (%,.0f U)", where, site.rackUnits().get(q))));
                var budget = lp.row("budget[" + s + "," + q + "]", new Requirement("budget:" + s + ":" + q,
                        String.format("capex budget of %s ($%,.0f)", where, site.budgetCap(q))));
                for (int k = 0; k < nk; k++) {
                    Sku sku = p.catalogue().get(k);
                    power.add(srv[k][s][q], sku.serverPowerW() * site.pue());
                    space.add(srv[k][s][q], sku.serverRackUnits());
                    if (sku.buyable()) {
                        budget.add(buy[k][s][q], sku.serverPriceUsd());
                    }
                }
                if (!power.isEmpty()) {
                    power.unit("MW in " + where, 1e6).atMost(site.powerMw().get(q) * 1e6);
                    space.unit("rack unit in " + where, 1).atMost(site.rackUnits().get(q));
                }
                if (!budget.isEmpty() && Double.isFinite(site.budgetCap(q))) {
                    budget.unit("USD of capex budget in " + where, 1).atMost(site.budgetCap(q));
                }
            }
        }
        for (int q = 0; q < nq; q++) {
            double cap = p.policy().budgetCap(q);
            if (!Double.isFinite(cap)) {
                continue;
            }
            var row = lp.row("budget[" + q + "]", new Requirement("budget:" + q,
                    String.format("company capex budget in %s ($%,.0f)", p.quarterLabel(q), cap)));
            for (int k = 0; k < nk; k++) {
                for (int s = 0; s < ns; s++) {
                    row.add(buy[k][s][q], p.catalogue().get(k).serverPriceUsd());
                }
            }
            if (!row.isEmpty()) {
                row.unit("USD of company capex budget in " + p.quarterLabel(q), 1).atMost(cap);
            }
        }
    }

    // supply[k,q]:      sum_s n_k * buy[k,s,q] <= A[k,q]
    // leaseSupply[k,q]: sum_s n_k * lease[k,s,q] <= A^lease[k,q]
    // cloudSupply[k,q]: sum_w cloud[w,k,q] <= A^cloud[k,q]
    // lead[k,s,q]:      buy[k,s,q] <= 0 for q < lead time of k (an order placed now arrives in quarter lead time)
    private void supplyAndLeadTimes() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            int n = sku.acceleratorsPerServer();
            for (int q = 0; q < nq; q++) {
                String when = sku.name() + " in " + p.quarterLabel(q);
                var supply = lp.row("supply[" + k + "," + q + "]", new Requirement("supply:" + k + ":" + q,
                        String.format("delivery cap of %s (%,.0f accelerators)", when, sku.availabilityCap(q))));
                var leased = lp.row("leaseSupply[" + k + "," + q + "]", new Requirement("leaseSupply:" + k + ":" + q,
                        String.format("lease cap of %s (%,.0f accelerators)", when, sku.leaseCap(q))));
                var rented = lp.row("cloudSupply[" + k + "," + q + "]", new Requirement("cloudSupply:" + k + ":" + q,
                        String.format("cloud cap of %s (%,.0f accelerators)", when, sku.cloudCap(q))));
                for (int s = 0; s < ns; s++) {
                    supply.add(buy[k][s][q], n);
                    leased.add(lease[k][s][q], n);
                }
                for (int w = 0; w < nw; w++) {
                    rented.add(cloud[w][k][q], 1);
                }
                if (!supply.isEmpty() && Double.isFinite(sku.availabilityCap(q))) {
                    supply.unit("accelerator of " + when + " deliveries", 1).atMost(sku.availabilityCap(q));
                }
                if (!leased.isEmpty() && Double.isFinite(sku.leaseCap(q))) {
                    leased.unit("leased accelerator of " + when, 1).atMost(sku.leaseCap(q));
                }
                if (!rented.isEmpty() && Double.isFinite(sku.cloudCap(q))) {
                    rented.unit("cloud accelerator of " + when, 1).atMost(sku.cloudCap(q));
                }
            }
            Requirement lead = new Requirement("lead:" + k,
                    String.format("lead time of %s (%d quarter%s: first delivery in %s)", sku.name(), sku.leadTimeQuarters(),
                            sku.leadTimeQuarters() == 1 ? "" : "s",
                            p.quarterLabel(sku.leadTimeQuarters())));
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < Math.min(nq, sku.leadTimeQuarters()); q++) {
                    if (buy[k][s][q] >= 0) {
                        lp.row("lead[" + k + "," + s + "," + q + "]", lead).add(buy[k][s][q], 1).atMost(0);
                    }
                }
            }
        }
    }

    // vendor[v]: sum_{k of v,s,q} F_k n_k buy[k,s,q] <= x * sum_{k,s,q} F_k n_k buy[k,s,q]   (F_k = BF16 TFLOPS)
    private void vendorDiversity() {
        double share = p.policy().maxVendorShare();
        if (share >= 1.0) {
            return;
        }
        Set<String> vendors = new LinkedHashSet<>();
        p.catalogue().stream().filter(Sku::buyable).forEach(sku -> vendors.add(sku.vendor()));
        for (String vendor : vendors) {
            var row = lp.row("vendor[" + vendor + "]", new Requirement("vendor:" + vendor,
                    String.format("vendor diversity: at most %.0f%% of purchased TFLOPS from %s", 100 * share, vendor)));
            for (int k = 0; k < nk; k++) {
                Sku sku = p.catalogue().get(k);
                double f = sku.bf16Tflops() * sku.acceleratorsPerServer();
                double coef = (sku.vendor().equals(vendor) ? f : 0) - share * f;
                for (int s = 0; s < ns; s++) {
                    for (int q = 0; q < nq; q++) {
                        row.add(buy[k][s][q], coef);
                    }
                }
            }
            if (!row.isEmpty()) {
                row.atMost(0);
            }
        }
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
                        double cloudTonnes = HOURS_PER_QUARTER * kw * p.policy().cloudPue() * p.policy().cloudCarbonGPerKwh() / 1e6;
                        lp.addObjective(cloud[w][k][q], d * (HOURS_PER_QUARTER * sku.cloudUsdPerHour() + cp * cloudTonnes));
                    }
                }
            }
        }
    }

    /** Reads a plan from variable values (integers rounded, tiny negatives from floating point cut to 0). */
    public ProcurementPlan extract(double[] x, String status, double objective, double bound, double gap) {
        List<Purchase> purchases = new ArrayList<>();
        List<Lease> leases = new ArrayList<>();
        List<SiteUsage> usage = new ArrayList<>();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < nq; q++) {
                    int b = intValue(x, buy[k][s][q]);
                    if (b > 0) {
                        purchases.add(new Purchase(sku.name(), p.sites().get(s).name(), q, p.quarterLabel(q), b, b * sku.acceleratorsPerServer()));
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
        return new ProcurementPlan(status, objective, bound, gap, purchases, leases, retentions, assignments, usage,
                null, List.of(), null, List.of());
    }

    private void assignment(List<Assignment> out, Workload load, int w, int k, int q, String source, double acc) {
        if (acc <= 0) {
            return;
        }
        Double replicas = load.training() ? null : acc / t.acceleratorsPerReplica(w, k);
        out.add(new Assignment(load.name(), q, p.quarterLabel(q), p.catalogue().get(k).name(), source, acc,
                acc * t.rate(w, k), t.precision(w, k), replicas));
    }

    /**
     * A previous plan as a complete solver hint: (variable index, value) for every variable, so that SCIP checks it
     * directly rather than completing a partial one with a sub-MIP.
     */
    public List<double[]> hintFrom(ProcurementPlan plan) {
        List<double[]> hint = new ArrayList<>();
        if (plan == null || plan.purchases() == null || plan.leases() == null || plan.existingFleet() == null
                || plan.usage() == null || plan.assignments() == null) {
            return hint;
        }
        // every variable: decisions as in the plan (zero where it has none), installed servers by the fleet balance
        double[] x = valuesFrom(plan);
        for (LinearProgram.Variable v : lp.variables()) {
            hint.add(new double[] {v.index(), v.integer() ? Math.round(x[v.index()]) : x[v.index()]});
        }
        return hint;
    }

    /**
     * The integer decisions of a relaxed (LP) solution rounded to whole servers, continuous values left as they are.
     * Purchases are rounded as a running total per pool (SKU k in site s): the servers bought up to quarter q,
     * {@code sum_{q' <= q} buy[k,s,q']}, is rounded up when its fractional part exceeds {@code threshold} and down
     * otherwise, and never below the rounded total of the quarter before, so the rounded fleet follows the relaxed one
     * within one server. Leases are rounded alike, quarter by quarter; kept servers too, then made non-increasing
     * (retirement). The result meets the integrality and retirement rules; the other rows are left to the LP that
     * re-optimises the continuous part with these integers fixed.
     */
    public double[] rounded(double[] relaxed, double threshold) {
        double[] x = relaxed.clone();
        for (int k = 0; k < nk; k++) {
            for (int s = 0; s < ns; s++) {
                double total = 0;
                double whole = 0;
                for (int q = 0; q < nq; q++) {
                    if (buy[k][s][q] >= 0) {
                        total += relaxed[buy[k][s][q]];
                        double r = Math.max(whole, roundAt(total, threshold));
                        x[buy[k][s][q]] = r - whole;
                        whole = r;
                    }
                    if (lease[k][s][q] >= 0) {
                        x[lease[k][s][q]] = roundAt(relaxed[lease[k][s][q]], threshold);
                    }
                }
            }
        }
        for (int s = 0; s < ns; s++) {
            for (int e = 0; e < keep[s].length; e++) {
                for (int q = 0; q < nq; q++) {
                    double r = roundAt(relaxed[keep[s][e][q]], threshold);
                    x[keep[s][e][q]] = q == 0 ? r : Math.min(r, x[keep[s][e][q - 1]]);
                }
            }
        }
        return x;
    }

    private static double roundAt(double value, double threshold) {
        double down = Math.floor(value + 1e-9);
        return value - down > threshold ? down + 1 : Math.max(0, down);
    }

    /**
     * The variable values of a plan (the inverse of {@link #extract}): decisions as given, installed servers
     * recomputed by the fleet balance. Used to fix the integers before the LP dual solve and to measure slack.
     */
    public double[] valuesFrom(ProcurementPlan plan) {
        double[] x = new double[lp.variables().size()];
        for (Purchase b : plan.purchases()) {
            set(x, buy, p.skuIndex(b.sku()), p.siteIndex(b.site()), b.quarter(), b.servers());
        }
        for (Lease l : plan.leases()) {
            set(x, lease, p.skuIndex(l.sku()), p.siteIndex(l.site()), l.quarter(), l.servers());
        }
        for (Retention r : plan.existingFleet()) {
            int s = p.siteIndex(r.site());
            if (s >= 0 && r.fleetIndex() >= 0 && r.fleetIndex() < keep[s].length) {
                for (int q = 0; q < nq && q < r.keptServers().size(); q++) {
                    x[keep[s][r.fleetIndex()][q]] += r.keptServers().get(q);
                }
            }
        }
        for (SiteUsage u : plan.usage()) {
            set(x, use, p.skuIndex(u.sku()), p.siteIndex(u.site()), u.quarter(), u.usedAccelerators());
        }
        for (Assignment a : plan.assignments()) {
            set(x, "CLOUD".equals(a.source()) ? cloud : own, p.workloadIndex(a.workload()), p.skuIndex(a.sku()), a.quarter(), a.accelerators());
        }
        for (var row : lp.rows()) {
            if (row.name().startsWith("fleet[")) {
                // srv has coefficient +1 and comes first; the rest are -1 terms
                double installed = 0;
                for (int i = 1; i < row.vars().length; i++) {
                    installed -= row.coefs()[i] * x[row.vars()[i]];
                }
                x[row.vars()[0]] = installed;
            }
        }
        return x;
    }

    private static void set(double[] x, int[][][] index, int a, int b, int q, double value) {
        if (a >= 0 && b >= 0 && q >= 0 && q < index[a][b].length && index[a][b][q] >= 0) {
            x[index[a][b][q]] += value;
        }
    }

    /** A number with at most 4 significant digits and no trailing zeros, for sentences. */
    static String short4(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
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

    private static int[][][] filled(int a, int b, int c) {
        int[][][] out = new int[a][b][c];
        for (int[][] x : out) {
            for (int[] y : x) {
                Arrays.fill(y, -1);
            }
        }
        return out;
    }

    private static int[][] filled2(int a, int b) {
        int[][] out = new int[a][b];
        for (int[] y : out) {
            Arrays.fill(y, -1);
        }
        return out;
    }
}
