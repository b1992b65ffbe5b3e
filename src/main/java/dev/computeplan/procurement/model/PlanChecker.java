package dev.computeplan.procurement.model;

import static dev.computeplan.procurement.model.ProcurementProblem.HOURS_PER_QUARTER;

import dev.computeplan.procurement.model.ProcurementPlan.Assignment;
import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import dev.computeplan.procurement.model.ProcurementPlan.Lease;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementPlan.Retention;
import dev.computeplan.procurement.model.ProcurementPlan.SiteUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-verifies a plan against every rule of the problem and recomputes its cost, from the request alone and without
 * the solver's model, so that a modelling slip shows up as a disagreement.
 */
public final class PlanChecker {

    /** Relative tolerance of the solver's floating-point answers. */
    private static final double TOL = 1e-5;

    /** One cost item: where, when, what, which type, discounted USD and undiscounted tonnes. */
    public record CostLine(String site, int quarter, String sku, String type, double usd, double tonnes) {
    }

    public record Result(List<String> violations, List<CostLine> lines, CostSummary costs) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private final ProcurementProblem p;
    private final Throughput throughput;
    private final int nk;
    private final int ns;
    private final int nq;
    private final int nw;
    private final double[][][] buy;
    private final double[][][] lease;
    private final double[][][] servers;
    private final double[][][] used;
    private final double[][][] owned;
    private final double[][][] cloud;
    private final List<String> violations = new ArrayList<>();
    private final List<CostLine> lines = new ArrayList<>();

    private PlanChecker(ProcurementProblem p) {
        this.p = p;
        this.throughput = Throughput.of(p);
        nk = p.catalogue().size();
        ns = p.sites().size();
        nq = p.horizonQuarters();
        nw = p.workloads().size();
        buy = new double[nk][ns][nq];
        lease = new double[nk][ns][nq];
        servers = new double[nk][ns][nq];
        used = new double[nk][ns][nq];
        owned = new double[nw][nk][nq];
        cloud = new double[nw][nk][nq];
    }

    public static Result check(ProcurementProblem problem, ProcurementPlan plan) {
        PlanChecker c = new PlanChecker(problem);
        c.read(plan);
        c.checkFleet();
        c.checkDemand();
        c.checkSites();
        c.checkSupply();
        CostSummary costs = c.costs();
        return new Result(List.copyOf(c.violations), List.copyOf(c.lines), costs);
    }

    private void fail(String message) {
        violations.add(message);
    }

    private static boolean above(double value, double cap) {
        return value > cap + TOL * Math.max(1.0, Math.abs(cap));
    }

    private void read(ProcurementPlan plan) {
        for (Purchase b : plan.purchases()) {
            int k = p.skuIndex(b.sku());
            int s = p.siteIndex(b.site());
            if (k < 0 || s < 0 || b.quarter() < 0 || b.quarter() >= nq || b.servers() < 0) {
                fail("purchase " + b + " refers to an unknown SKU, site or quarter, or is negative");
                continue;
            }
            Sku sku = p.catalogue().get(k);
            if (!sku.buyable()) {
                fail("purchase of " + sku.name() + ", which has no purchase price");
            }
            if (b.quarter() < sku.leadTimeQuarters() && b.servers() > 0) {
                fail("purchase of " + sku.name() + " delivered in " + p.quarterLabel(b.quarter())
                        + " breaks its lead time of " + sku.leadTimeQuarters() + " quarters");
            }
            buy[k][s][b.quarter()] += b.servers();
            int life = sku.usefulLifeQuarters();
            for (int q = b.quarter(); q < Math.min(nq, b.quarter() + life); q++) {
                servers[k][s][q] += b.servers();
            }
        }
        for (Lease l : plan.leases()) {
            int k = p.skuIndex(l.sku());
            int s = p.siteIndex(l.site());
            if (k < 0 || s < 0 || l.quarter() < 0 || l.quarter() >= nq || l.servers() < 0) {
                fail("lease " + l + " refers to an unknown SKU, site or quarter, or is negative");
                continue;
            }
            if (!p.catalogue().get(k).leasable() || !p.policy().allowLease()) {
                fail("lease of " + l.sku() + ", which cannot be leased");
            }
            lease[k][s][l.quarter()] += l.servers();
            servers[k][s][l.quarter()] += l.servers();
        }
        readRetention(plan.existingFleet());
        for (SiteUsage u : plan.usage()) {
            int k = p.skuIndex(u.sku());
            int s = p.siteIndex(u.site());
            if (k < 0 || s < 0 || u.quarter() < 0 || u.quarter() >= nq || u.usedAccelerators() < -TOL) {
                fail("usage " + u + " refers to an unknown SKU, site or quarter, or is negative");
                continue;
            }
            used[k][s][u.quarter()] += u.usedAccelerators();
        }
        for (Assignment a : plan.assignments()) {
            int w = p.workloadIndex(a.workload());
            int k = p.skuIndex(a.sku());
            if (w < 0 || k < 0 || a.quarter() < 0 || a.quarter() >= nq || a.accelerators() < -TOL) {
                fail("assignment " + a + " refers to an unknown workload, SKU or quarter, or is negative");
                continue;
            }
            if (!throughput.eligible(w, k) && a.accelerators() > TOL) {
                fail(a.workload() + " is assigned to " + a.sku() + ", which cannot serve it");
            }
            if ("CLOUD".equals(a.source())) {
                if (!p.catalogue().get(k).inCloud() || !p.policy().allowCloud() || !p.workloads().get(w).allowCloud()) {
                    fail(a.workload() + " uses cloud " + a.sku() + ", which is not allowed or not offered");
                }
                cloud[w][k][a.quarter()] += a.accelerators();
            } else {
                owned[w][k][a.quarter()] += a.accelerators();
            }
        }
    }

    /** Existing servers: kept counts never rise again, never exceed the group, and end at the useful life. */
    private void readRetention(List<Retention> retentions) {
        boolean[][] seen = new boolean[ns][];
        for (int s = 0; s < ns; s++) {
            seen[s] = new boolean[p.sites().get(s).existingFleet().size()];
        }
        for (Retention r : retentions) {
            int s = p.siteIndex(r.site());
            if (s < 0 || r.fleetIndex() < 0 || r.fleetIndex() >= seen[s].length || r.keptServers().size() != nq) {
                fail("existing-fleet entry " + r.site() + "#" + r.fleetIndex() + " is unknown or has the wrong length");
                continue;
            }
            seen[s][r.fleetIndex()] = true;
            ExistingServers group = p.sites().get(s).existingFleet().get(r.fleetIndex());
            Sku sku = p.sku(group.sku());
            int k = p.skuIndex(group.sku());
            int previous = group.servers();
            for (int q = 0; q < nq; q++) {
                int kept = r.keptServers().get(q);
                if (kept < 0 || kept > previous) {
                    fail("existing " + group.sku() + " in " + r.site() + ": " + kept + " kept in " + p.quarterLabel(q)
                            + " but only " + previous + " were there (retired servers do not return)");
                }
                if (kept > 0 && group.ageQuarters() + q >= sku.usefulLifeQuarters()) {
                    fail("existing " + group.sku() + " in " + r.site() + " kept beyond their useful life in " + p.quarterLabel(q));
                }
                servers[k][s][q] += kept;
                previous = kept;
            }
        }
        for (int s = 0; s < ns; s++) {
            for (int e = 0; e < seen[s].length; e++) {
                if (!seen[s][e]) {
                    fail("existing fleet " + p.sites().get(s).name() + "#" + e + " has no keep/retire decision");
                }
            }
        }
    }

    /** Busy accelerators fit in installed servers; the fleet's busy accelerators are the ones assigned. */
    private void checkFleet() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int q = 0; q < nq; q++) {
                double busy = 0;
                for (int s = 0; s < ns; s++) {
                    busy += used[k][s][q];
                    if (above(used[k][s][q], sku.acceleratorsPerServer() * servers[k][s][q])) {
                        fail(String.format("%s in %s %s: %.2f busy accelerators but only %.0f installed", sku.name(),
                                p.sites().get(s).name(), p.quarterLabel(q), used[k][s][q], sku.acceleratorsPerServer() * servers[k][s][q]));
                    }
                }
                double assigned = 0;
                for (int w = 0; w < nw; w++) {
                    assigned += owned[w][k][q];
                }
                if (above(assigned, busy) || above(busy, assigned)) {
                    fail(String.format("%s %s: %.2f accelerators assigned to workloads but %.2f busy in sites",
                            sku.name(), p.quarterLabel(q), assigned, busy));
                }
            }
        }
    }

    /** Sum over SKUs of rate x (owned + cloud) accelerators covers each workload's demand in each quarter. */
    private void checkDemand() {
        for (int w = 0; w < nw; w++) {
            Workload load = p.workloads().get(w);
            for (int q = 0; q < nq; q++) {
                double delivered = 0;
                for (int k = 0; k < nk; k++) {
                    delivered += throughput.rate(w, k) * (owned[w][k][q] + cloud[w][k][q]);
                }
                if (above(load.demandIn(q), delivered)) {
                    fail(String.format("%s in %s: delivers %.2f of %.2f %s", load.name(), p.quarterLabel(q), delivered,
                            load.demandIn(q), Throughput.unitPerQuarter(load)));
                }
            }
        }
    }

    /** Power (with PUE), rack space and capex budgets per site and quarter, and the company budget. */
    private void checkSites() {
        for (int q = 0; q < nq; q++) {
            double companyCapex = 0;
            for (int s = 0; s < ns; s++) {
                Site site = p.sites().get(s);
                double watts = 0;
                double units = 0;
                double capex = 0;
                for (int k = 0; k < nk; k++) {
                    Sku sku = p.catalogue().get(k);
                    watts += servers[k][s][q] * sku.serverPowerW() * site.pue();
                    units += servers[k][s][q] * sku.serverRackUnits();
                    if (buy[k][s][q] > 0) {
                        capex += buy[k][s][q] * sku.serverPriceUsd();
                    }
                }
                companyCapex += capex;
                if (above(watts, site.powerMw().get(q) * 1e6)) {
                    fail(String.format("%s %s: %.3f MW needed, %.3f MW available", site.name(), p.quarterLabel(q), watts / 1e6, site.powerMw().get(q)));
                }
                if (above(units, site.rackUnits().get(q))) {
                    fail(String.format("%s %s: %.0f rack units needed, %.0f available", site.name(), p.quarterLabel(q), units, site.rackUnits().get(q)));
                }
                if (above(capex, site.budgetCap(q))) {
                    fail(String.format("%s %s: capex %.0f USD over the site budget %.0f", site.name(), p.quarterLabel(q), capex, site.budgetCap(q)));
                }
            }
            if (above(companyCapex, p.policy().budgetCap(q))) {
                fail(String.format("%s: capex %.0f USD over the company budget %.0f", p.quarterLabel(q), companyCapex, p.policy().budgetCap(q)));
            }
        }
    }

    /** Delivery, lease and cloud caps per SKU and quarter; the vendor share of TFLOPS bought. */
    private void checkSupply() {
        double total = 0;
        java.util.Map<String, Double> byVendor = new java.util.TreeMap<>();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int q = 0; q < nq; q++) {
                double bought = 0;
                double leased = 0;
                for (int s = 0; s < ns; s++) {
                    bought += buy[k][s][q] * sku.acceleratorsPerServer();
                    leased += lease[k][s][q] * sku.acceleratorsPerServer();
                }
                double rented = 0;
                for (int w = 0; w < nw; w++) {
                    rented += cloud[w][k][q];
                }
                if (above(bought, sku.availabilityCap(q))) {
                    fail(sku.name() + " " + p.quarterLabel(q) + ": " + bought + " accelerators bought, only " + sku.availabilityCap(q) + " available");
                }
                if (above(leased, sku.leaseCap(q))) {
                    fail(sku.name() + " " + p.quarterLabel(q) + ": " + leased + " accelerators leased, only " + sku.leaseCap(q) + " available");
                }
                if (above(rented, sku.cloudCap(q))) {
                    fail(sku.name() + " " + p.quarterLabel(q) + ": " + rented + " cloud accelerators, only " + sku.cloudCap(q) + " available");
                }
                double tflops = bought * sku.bf16Tflops();
                total += tflops;
                byVendor.merge(sku.vendor(), tflops, Double::sum);
            }
        }
        for (var e : byVendor.entrySet()) {
            if (above(e.getValue(), p.policy().maxVendorShare() * total)) {
                fail(String.format("vendor %s supplies %.1f%% of the TFLOPS bought, the cap is %.1f%%", e.getKey(),
                        100 * e.getValue() / total, 100 * p.policy().maxVendorShare()));
            }
        }
    }

    /** The objective, item by item, with the same discounting and residual value as the model documents. */
    private CostSummary costs() {
        double carbonPrice = p.policy().carbonUsdPerTonne();
        double idle = p.policy().idlePowerFraction();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            int n = sku.acceleratorsPerServer();
            double kwPerAccelerator = sku.boardPowerW() * (1 + sku.serverOverheadFraction()) / 1000.0;
            for (int s = 0; s < ns; s++) {
                Site site = p.sites().get(s);
                String siteName = site.name();
                for (int q = 0; q < nq; q++) {
                    double d = p.discount(q);
                    if (buy[k][s][q] > 0) {
                        // charged net of straight-line residual value at the end of the horizon
                        double residual = Math.min(sku.usefulLifeQuarters(), nq - q) / (double) sku.usefulLifeQuarters();
                        line(siteName, q, sku, "capex", d * buy[k][s][q] * sku.serverPriceUsd() * residual, 0);
                        double tonnes = buy[k][s][q] * n * sku.embodiedKgCo2ePerAccelerator() / 1000.0 * residual;
                        line(siteName, q, sku, "carbon-embodied", d * carbonPrice * tonnes, tonnes);
                    }
                    if (lease[k][s][q] > 0) {
                        line(siteName, q, sku, "lease", d * lease[k][s][q] * n * HOURS_PER_QUARTER * sku.leaseUsdPerHour(), 0);
                    }
                    if (servers[k][s][q] > 0 || used[k][s][q] > 0) {
                        double kwh = HOURS_PER_QUARTER * site.pue() * kwPerAccelerator
                                * (idle * n * servers[k][s][q] + (1 - idle) * used[k][s][q]);
                        line(siteName, q, sku, "energy", d * kwh * site.electricityUsdPerKwh(), 0);
                        double tonnes = kwh * site.carbonGPerKwh() / 1e6;
                        line(siteName, q, sku, "carbon-operational", d * carbonPrice * tonnes, tonnes);
                        line(siteName, q, sku, "opex", d * servers[k][s][q] * sku.opexUsdPerServerQuarter(), 0);
                    }
                }
            }
            for (int q = 0; q < nq; q++) {
                double rented = 0;
                for (int w = 0; w < nw; w++) {
                    rented += cloud[w][k][q];
                }
                if (rented > 0) {
                    double d = p.discount(q);
                    line("cloud", q, sku, "cloud", d * rented * HOURS_PER_QUARTER * sku.cloudUsdPerHour(), 0);
                    double kwh = rented * HOURS_PER_QUARTER * kwPerAccelerator * p.policy().cloudPue();
                    double tonnes = kwh * p.policy().cloudCarbonGPerKwh() / 1e6;
                    line("cloud", q, sku, "carbon-cloud", d * carbonPrice * tonnes, tonnes);
                }
            }
        }
        double capex = sum("capex");
        double leaseUsd = sum("lease");
        double cloudUsd = sum("cloud");
        double energy = sum("energy");
        double opex = sum("opex");
        double carbon = sum("carbon-embodied") + sum("carbon-operational") + sum("carbon-cloud");
        return new CostSummary(capex, leaseUsd, cloudUsd, energy, opex, carbon, capex + leaseUsd + cloudUsd + energy + opex + carbon,
                tonnes("carbon-operational"), tonnes("carbon-embodied"), tonnes("carbon-cloud"));
    }

    private void line(String site, int q, Sku sku, String type, double usd, double tonnes) {
        if (usd != 0 || tonnes != 0) {
            lines.add(new CostLine(site, q, sku.name(), type, usd, tonnes));
        }
    }

    private double sum(String type) {
        return lines.stream().filter(l -> l.type().equals(type)).mapToDouble(CostLine::usd).sum();
    }

    private double tonnes(String type) {
        return lines.stream().filter(l -> l.type().equals(type)).mapToDouble(CostLine::tonnes).sum();
    }
}
