package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.Assignment;
import dev.computeplan.procurement.model.ProcurementPlan.Lease;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementPlan.Retention;
import dev.computeplan.procurement.model.ProcurementPlan.SiteUsage;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan added up per SKU, site and quarter (servers bought, leased and installed, busy accelerators) and per workload
 * (owned and cloud accelerators), read from the plan and the request alone; what the checker and the cost recount use.
 */
abstract class PlanTally {

    /** Relative tolerance of the solver's floating-point answers. */
    static final double TOL = 1e-5;

    final ProcurementProblem p;
    final Throughput throughput;
    final int nk;
    final int ns;
    final int nq;
    final int nw;
    final double[][][] buy;
    final double[][][] lease;
    final double[][][] servers;
    final double[][][] used;
    final double[][][] owned;
    final double[][][] cloud;
    final List<String> violations;

    PlanTally(ProcurementProblem p) {
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
        violations = new ArrayList<>();
    }

    /** Another view of the same tally. */
    PlanTally(PlanTally tally) {
        p = tally.p;
        throughput = tally.throughput;
        nk = tally.nk;
        ns = tally.ns;
        nq = tally.nq;
        nw = tally.nw;
        buy = tally.buy;
        lease = tally.lease;
        servers = tally.servers;
        used = tally.used;
        owned = tally.owned;
        cloud = tally.cloud;
        violations = tally.violations;
    }

    final void fail(String message) {
        violations.add(message);
    }

    static boolean above(double value, double cap) {
        return value > cap + TOL * Math.max(1.0, Math.abs(cap));
    }

    /** Adds up the plan's decisions per SKU, site and quarter, reporting entries that do not fit the problem. */
    final void read(ProcurementPlan plan) {
        readPurchases(plan.purchases());
        readLeases(plan.leases());
        readRetention(plan.existingFleet());
        readUsage(plan.usage());
        readAssignments(plan.assignments());
    }

    private void readPurchases(List<Purchase> purchases) {
        for (Purchase b : purchases) {
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
    }

    private void readLeases(List<Lease> leases) {
        for (Lease l : leases) {
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
    }

    private void readUsage(List<SiteUsage> usage) {
        for (SiteUsage u : usage) {
            int k = p.skuIndex(u.sku());
            int s = p.siteIndex(u.site());
            if (k < 0 || s < 0 || u.quarter() < 0 || u.quarter() >= nq || u.usedAccelerators() < -TOL) {
                fail("usage " + u + " refers to an unknown SKU, site or quarter, or is negative");
                continue;
            }
            used[k][s][u.quarter()] += u.usedAccelerators();
        }
    }

    private void readAssignments(List<Assignment> assignments) {
        for (Assignment a : assignments) {
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
                if (!p.catalogue().get(k).inCloud()
                        || !p.policy().allowCloud()
                        || !p.workloads().get(w).allowCloud()) {
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
            if (s < 0
                    || r.fleetIndex() < 0
                    || r.fleetIndex() >= seen[s].length
                    || r.keptServers().size() != nq) {
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
                    fail("existing " + group.sku() + " in " + r.site() + " kept beyond their useful life in "
                            + p.quarterLabel(q));
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
}
