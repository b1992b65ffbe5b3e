package dev.computeplan.procurement.explain;

import static dev.computeplan.procurement.model.ProcurementProblem.HOURS_PER_QUARTER;

import dev.computeplan.procurement.explain.PlanChecker.CostLine;
import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import java.util.ArrayList;
import java.util.List;

/** The objective of a tallied plan recomputed item by item, independently of the solver's objective row. */
final class CostRecount extends PlanTally {

    private final List<CostLine> lines = new ArrayList<>();

    CostRecount(PlanTally tally) {
        super(tally);
    }

    List<CostLine> lines() {
        return List.copyOf(lines);
    }

    /** The objective, item by item, with the same discounting and residual value as the model documents. */
    CostSummary summary() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            double kwPerAccelerator = sku.boardPowerW() * (1 + sku.serverOverheadFraction()) / 1000.0;
            siteLines(k, sku, kwPerAccelerator);
            cloudLines(k, sku, kwPerAccelerator);
        }
        return totals();
    }

    /** Capex, lease, energy, opex and carbon of one SKU at every site and quarter. */
    private void siteLines(int k, Sku sku, double kwPerAccelerator) {
        double carbonPrice = p.policy().carbonUsdPerTonne();
        double idle = p.policy().idlePowerFraction();
        int n = sku.acceleratorsPerServer();
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
                    line(
                            siteName,
                            q,
                            sku,
                            "lease",
                            d * lease[k][s][q] * n * HOURS_PER_QUARTER * sku.leaseUsdPerHour(),
                            0);
                }
                if (servers[k][s][q] > 0 || used[k][s][q] > 0) {
                    double kwh = HOURS_PER_QUARTER
                            * site.pue()
                            * kwPerAccelerator
                            * (idle * n * servers[k][s][q] + (1 - idle) * used[k][s][q]);
                    line(siteName, q, sku, "energy", d * kwh * site.electricityUsdPerKwh(), 0);
                    double tonnes = kwh * site.carbonGPerKwh() / 1e6;
                    line(siteName, q, sku, "carbon-operational", d * carbonPrice * tonnes, tonnes);
                    line(siteName, q, sku, "opex", d * servers[k][s][q] * sku.opexUsdPerServerQuarter(), 0);
                }
            }
        }
    }

    /** Cloud rental of one SKU, summed over workloads, with its energy-based carbon. */
    private void cloudLines(int k, Sku sku, double kwPerAccelerator) {
        double carbonPrice = p.policy().carbonUsdPerTonne();
        for (int q = 0; q < nq; q++) {
            double rented = 0;
            for (int w = 0; w < nw; w++) {
                rented += cloud[w][k][q];
            }
            if (rented > 0) {
                double d = p.discount(q);
                line("cloud", q, sku, "cloud", d * rented * HOURS_PER_QUARTER * sku.cloudUsdPerHour(), 0);
                double kwh = rented
                        * HOURS_PER_QUARTER
                        * kwPerAccelerator
                        * p.policy().cloudPue();
                double tonnes = kwh * p.policy().cloudCarbonGPerKwh() / 1e6;
                line("cloud", q, sku, "carbon-cloud", d * carbonPrice * tonnes, tonnes);
            }
        }
    }

    private CostSummary totals() {
        double capex = sum("capex");
        double leaseUsd = sum("lease");
        double cloudUsd = sum("cloud");
        double energy = sum("energy");
        double opex = sum("opex");
        double carbon = sum("carbon-embodied") + sum("carbon-operational") + sum("carbon-cloud");
        return new CostSummary(
                capex,
                leaseUsd,
                cloudUsd,
                energy,
                opex,
                carbon,
                capex + leaseUsd + cloudUsd + energy + opex + carbon,
                tonnes("carbon-operational"),
                tonnes("carbon-embodied"),
                tonnes("carbon-cloud"));
    }

    private void line(String site, int q, Sku sku, String type, double usd, double tonnes) {
        if (usd != 0 || tonnes != 0) {
            lines.add(new CostLine(site, q, sku.name(), type, usd, tonnes));
        }
    }

    private double sum(String type) {
        return lines.stream()
                .filter(l -> l.type().equals(type))
                .mapToDouble(CostLine::usd)
                .sum();
    }

    private double tonnes(String type) {
        return lines.stream()
                .filter(l -> l.type().equals(type))
                .mapToDouble(CostLine::tonnes)
                .sum();
    }
}
