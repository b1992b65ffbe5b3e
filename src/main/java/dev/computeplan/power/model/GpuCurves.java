package dev.computeplan.power.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Default power-limit curves: per GPU the median of the measured curves of the Zeus (NSDI'23) power traces and the
 * Perseus (SOSP'24) training data, both published in the ml-energy/zeus repository (Apache-2.0). H100 has no public
 * sweep: its curve is the A100 curve scaled to 700 W.
 */
public final class GpuCurves {

    private static final Map<String, List<PowerLevel>> CURVES = Map.of(
            "A100-PCIe",
                    List.of(
                            new PowerLevel("300W", 1.000, 275.5),
                            new PowerLevel("250W", 0.925, 233.9),
                            new PowerLevel("225W", 0.839, 211.0),
                            new PowerLevel("200W", 0.709, 187.7)),
            "V100",
                    List.of(
                            new PowerLevel("250W", 1.000, 206.5),
                            new PowerLevel("200W", 0.951, 175.2),
                            new PowerLevel("150W", 0.877, 143.5)),
            "A40",
                    List.of(
                            new PowerLevel("300W", 1.000, 235.2),
                            new PowerLevel("225W", 0.957, 199.9),
                            new PowerLevel("175W", 0.838, 160.45)),
            // A100 PCIe curve scaled by 700/300 (no public H100 sweep exists).
            "H100-SXM",
                    List.of(
                            new PowerLevel("700W", 1.000, 642.8),
                            new PowerLevel("583W", 0.925, 545.8),
                            new PowerLevel("467W", 0.709, 438.0)));

    private GpuCurves() {}

    public static Set<String> known() {
        return CURVES.keySet();
    }

    public static List<PowerLevel> levels(String gpuModel) {
        return CURVES.getOrDefault(gpuModel, List.of());
    }
}
