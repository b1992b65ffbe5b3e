package dev.computeplan.procurement.bench;

import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.MeasuredThroughput;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.PrecisionOption;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic procurement problems for benchmarks and tests: SKUs perturbed around six real spec templates
 * (H100, H200, B200, MI300X, L40S, Gaudi 3 from ../shared/data/procurement), sites with growing power, training and
 * inference demand ramps. Every workload can fall back on cloud, so every instance is feasible.
 */
public final class ScenarioGenerator {

    /** memGb, TB/s, BF16, FP8, W, price, MLPerf tokens/s (Llama-2-70B). */
    private static final double[][] TEMPLATES = {
        {80, 3.35, 989.5, 1979, 700, 29_000, 3900},
        {141, 4.8, 989.5, 1979, 700, 32_000, 4415},
        {180, 7.7, 2250, 4500, 1000, 35_000, 12864},
        {192, 5.3, 1307.4, 2614.9, 750, 12_500, 3482},
        {48, 0.864, 362, 733, 350, 8_500, 465},
        {128, 3.67, 1835, 1835, 900, 15_625, 3000},
    };

    private static final String[] VENDORS = {"NVIDIA", "AMD", "Intel", "Other"};

    private ScenarioGenerator() {}

    public static ProcurementProblem generate(int skus, int quarters, int sites, int workloads, long seed) {
        Random r = new Random(seed);
        List<Sku> catalogue = new ArrayList<>();
        double[] mlperf = new double[skus];
        for (int k = 0; k < skus; k++) {
            double[] t = TEMPLATES[k % TEMPLATES.length];
            double f = 0.8 + 0.4 * r.nextDouble();
            boolean cloud = k < TEMPLATES.length || r.nextDouble() < 0.3;
            boolean lease = r.nextDouble() < 0.5;
            List<Double> caps = null;
            if (r.nextDouble() < 0.5) {
                caps = new ArrayList<>();
                for (int q = 0; q < quarters; q++) {
                    caps.add((double) (8 * (20 + r.nextInt(200))));
                }
            }
            mlperf[k] = t[6] * f;
            catalogue.add(new Sku(
                    "SKU-" + k,
                    VENDORS[k % VENDORS.length],
                    t[0],
                    t[1] * f,
                    t[2] * f,
                    t[3] * f,
                    t[4],
                    8,
                    900.0,
                    0.75,
                    8,
                    round(t[5] * (0.8 + 0.4 * r.nextDouble())),
                    60_000.0,
                    lease ? round2(t[5] / 12_000 * (0.8 + 0.4 * r.nextDouble())) : null,
                    cloud ? round2(t[5] / 7_000 * (0.8 + 0.4 * r.nextDouble())) : null,
                    r.nextInt(3),
                    20,
                    1_300.0,
                    1_000.0,
                    caps,
                    null,
                    null,
                    "generated, seed " + seed));
        }
        List<Site> siteList = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            double mw = 2 + 8 * r.nextDouble();
            List<Double> power = new ArrayList<>();
            List<Double> units = new ArrayList<>();
            for (int q = 0; q < quarters; q++) {
                power.add(round2(mw * (1 + q * 0.05)));
                units.add(2000.0 + 200 * r.nextInt(10));
            }
            List<ExistingServers> fleet = r.nextDouble() < 0.3
                    ? List.of(new ExistingServers("SKU-" + r.nextInt(skus), 10 + r.nextInt(50), r.nextInt(16)))
                    : List.of();
            siteList.add(new Site(
                    "site-" + s,
                    power,
                    units,
                    round2(1.1 + 0.4 * r.nextDouble()),
                    round2(0.05 + 0.2 * r.nextDouble()),
                    (double) (20 + r.nextInt(480)),
                    null,
                    fleet));
        }
        List<Workload> loads = new ArrayList<>();
        for (int w = 0; w < workloads; w++) {
            double start = 0.5 + r.nextDouble();
            double growth = 1 + r.nextDouble() * 0.15;
            List<Double> demand = new ArrayList<>();
            boolean training = r.nextDouble() < 0.4;
            double base = training ? 500 + 2000 * r.nextDouble() : 50_000 + 200_000 * r.nextDouble();
            for (int q = 0; q < quarters; q++) {
                demand.add(round(base * start * Math.pow(growth, q)));
            }
            if (training) {
                loads.add(new Workload(
                        "train-" + w,
                        WorkloadType.TRAINING,
                        demand,
                        null,
                        null,
                        80.0,
                        null,
                        Precision.FP8,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
            } else {
                int k1 = r.nextInt(skus);
                loads.add(new Workload(
                        "serve-" + w,
                        WorkloadType.INFERENCE,
                        demand,
                        null,
                        null,
                        null,
                        null,
                        null,
                        (double) (7 + r.nextInt(64)),
                        20.0,
                        List.of(new PrecisionOption(Precision.FP16, 1.0), new PrecisionOption(Precision.FP8, 1.6)),
                        Precision.FP8,
                        0.8,
                        List.of(new MeasuredThroughput("SKU-" + k1, round(mlperf[k1] * 70 / 40), "generated")),
                        null));
            }
        }
        Policy policy = new Policy(0.08, 50.0, 0.6, true, true, 400.0, 1.2, 0.4, 0.2, 0.9, null);
        return new ProcurementProblem(quarters, "2027Q1", catalogue, siteList, loads, policy, List.of());
    }

    private static double round(double x) {
        return Math.round(x);
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
