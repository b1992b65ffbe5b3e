package dev.computeplan.procurement.solver;

import static dev.computeplan.procurement.model.ProcurementProblem.HOURS_PER_QUARTER;

import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;

/**
 * Tonnes of CO2e per unit of each variable, undiscounted, counted as the objective prices them and the cost recount
 * adds them up: embodied carbon of a purchase net of the life left after the horizon, site energy (idle share per
 * installed server, active share per busy accelerator, x PUE) at the site's grid intensity, cloud energy at the cloud's.
 */
final class CarbonTonnes extends ModelPart {

    CarbonTonnes(ModelPart model) {
        super(model);
    }

    // tonnes(x) = sum_{k,s,q} [ r_kq n_k e_k / 1000 buy[k,s,q]
    //   + H PUE_s kW_k g_s / 1e6 (idle n_k srv[k,s,q] + (1 - idle) use[k,s,q]) ]
    //   + sum_{w,k,q} H kW_k PUE_cloud g_cloud / 1e6 cloud[w,k,q]
    double[] perVariable() {
        double[] t = new double[lp.variables().size()];
        double idle = p.policy().idlePowerFraction();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            int n = sku.acceleratorsPerServer();
            double kw = sku.boardPowerW() * (1 + sku.serverOverheadFraction()) / 1000.0;
            for (int q = 0; q < nq; q++) {
                double residual = Math.min(sku.usefulLifeQuarters(), nq - q) / (double) sku.usefulLifeQuarters();
                for (int s = 0; s < ns; s++) {
                    Site site = p.sites().get(s);
                    double tonnesPerKwh = site.carbonGPerKwh() / 1e6;
                    double kwh = HOURS_PER_QUARTER * site.pue() * kw;
                    add(t, buy[k][s][q], residual * n * sku.embodiedKgCo2ePerAccelerator() / 1000.0);
                    add(t, srv[k][s][q], kwh * idle * n * tonnesPerKwh);
                    add(t, use[k][s][q], kwh * (1 - idle) * tonnesPerKwh);
                }
                double cloudTonnes = HOURS_PER_QUARTER
                        * kw
                        * p.policy().cloudPue()
                        * p.policy().cloudCarbonGPerKwh()
                        / 1e6;
                for (int w = 0; w < nw; w++) {
                    add(t, cloud[w][k][q], cloudTonnes);
                }
            }
        }
        return t;
    }

    private static void add(double[] t, int var, double tonnes) {
        if (var >= 0) {
            t[var] += tonnes;
        }
    }

    static double of(double[] perVariable, double[] x) {
        double sum = 0;
        for (int i = 0; i < perVariable.length; i++) {
            sum += perVariable[i] * x[i];
        }
        return sum;
    }
}
