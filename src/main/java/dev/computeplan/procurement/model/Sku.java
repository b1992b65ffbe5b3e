package dev.computeplan.procurement.model;

import java.util.List;

/**
 * One accelerator SKU of the catalogue. Prices and embodied carbon are scenario assumptions the user overrides.
 * A null price means "not offered that way" (no purchase, no lease, no cloud); a null availability list means no cap.
 *
 * @param purchaseUsd          price of one accelerator (its share of the server included or not: see serverUsd)
 * @param serverUsd            extra price per server (chassis, CPUs, NICs), 0 if included in purchaseUsd
 * @param serverOverheadFraction server power beyond the accelerators, as a fraction of their board power (0.3 = +30 %)
 * @param serverRackUnits      rack units one server occupies
 * @param fp4Tflops            dense FP4 TFLOPS; null = no FP4 tensor cores
 * @param availability         accelerators that can be delivered per quarter (index = quarter), null = no cap
 */
public record Sku(
        String name,
        String vendor,
        Double memoryGb,
        Double memoryBandwidthTbs,
        Double bf16Tflops,
        Double fp8Tflops,
        Double boardPowerW,
        Integer acceleratorsPerServer,
        Double interconnectGbs,
        Double serverOverheadFraction,
        Integer serverRackUnits,
        Double purchaseUsd,
        Double serverUsd,
        Double leaseUsdPerHour,
        Double cloudUsdPerHour,
        Integer leadTimeQuarters,
        Integer usefulLifeQuarters,
        Double embodiedKgCo2ePerAccelerator,
        Double opexUsdPerServerQuarter,
        List<Double> availability,
        List<Double> leaseAvailability,
        List<Double> cloudAvailability,
        String assumptions,
        Double fp4Tflops) {

    /** A SKU without FP4 tensor cores. */
    public Sku(
            String name,
            String vendor,
            Double memoryGb,
            Double memoryBandwidthTbs,
            Double bf16Tflops,
            Double fp8Tflops,
            Double boardPowerW,
            Integer acceleratorsPerServer,
            Double interconnectGbs,
            Double serverOverheadFraction,
            Integer serverRackUnits,
            Double purchaseUsd,
            Double serverUsd,
            Double leaseUsdPerHour,
            Double cloudUsdPerHour,
            Integer leadTimeQuarters,
            Integer usefulLifeQuarters,
            Double embodiedKgCo2ePerAccelerator,
            Double opexUsdPerServerQuarter,
            List<Double> availability,
            List<Double> leaseAvailability,
            List<Double> cloudAvailability,
            String assumptions) {
        this(
                name,
                vendor,
                memoryGb,
                memoryBandwidthTbs,
                bf16Tflops,
                fp8Tflops,
                boardPowerW,
                acceleratorsPerServer,
                interconnectGbs,
                serverOverheadFraction,
                serverRackUnits,
                purchaseUsd,
                serverUsd,
                leaseUsdPerHour,
                cloudUsdPerHour,
                leadTimeQuarters,
                usefulLifeQuarters,
                embodiedKgCo2ePerAccelerator,
                opexUsdPerServerQuarter,
                availability,
                leaseAvailability,
                cloudAvailability,
                assumptions,
                null);
    }

    public Sku {
        serverOverheadFraction = serverOverheadFraction == null ? 0.0 : serverOverheadFraction;
        serverRackUnits = serverRackUnits == null ? 8 : serverRackUnits;
        serverUsd = serverUsd == null ? 0.0 : serverUsd;
        leadTimeQuarters = leadTimeQuarters == null ? 0 : leadTimeQuarters;
        usefulLifeQuarters = usefulLifeQuarters == null ? 20 : usefulLifeQuarters;
        embodiedKgCo2ePerAccelerator = embodiedKgCo2ePerAccelerator == null ? 0.0 : embodiedKgCo2ePerAccelerator;
        opexUsdPerServerQuarter = opexUsdPerServerQuarter == null ? 0.0 : opexUsdPerServerQuarter;
    }

    /** Wall power of one server at full accelerator load, before PUE (W). */
    public double serverPowerW() {
        return acceleratorsPerServer * boardPowerW * (1 + serverOverheadFraction);
    }

    /** Purchase price of one server (USD). */
    public double serverPriceUsd() {
        return acceleratorsPerServer * purchaseUsd + serverUsd;
    }

    public boolean buyable() {
        return purchaseUsd != null;
    }

    public boolean leasable() {
        return leaseUsdPerHour != null;
    }

    public boolean inCloud() {
        return cloudUsdPerHour != null;
    }

    /** Cap of a per-quarter list, or infinity if none. */
    static double capOf(List<Double> caps, int quarter) {
        return caps == null || quarter >= caps.size() ? Double.POSITIVE_INFINITY : caps.get(quarter);
    }

    public double availabilityCap(int quarter) {
        return capOf(availability, quarter);
    }

    public double leaseCap(int quarter) {
        return capOf(leaseAvailability, quarter);
    }

    public double cloudCap(int quarter) {
        return capOf(cloudAvailability, quarter);
    }
}
