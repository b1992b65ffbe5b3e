package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.Node;
import java.math.BigInteger;

/**
 * The GPU class balance measure: nodes are grouped by GPU class (GPU count x GPU type, e.g. {@code 8xG2}); the
 * GPU milli used in a class costs {@code P x used^2 / capacity}, P being the total popularity of the
 * fragmentation probes that may run on the class's GPU type (all of them when no probe names types). The marginal
 * cost of {@code g} more milli is about {@code 2 x P x g x utilisation}: the same unit as the fragmentation rule
 * (popularity x milli-GPU), growing with how full the class already is.
 * Why: the fragmentation measure only sees the typical shapes, so exact fragmentation deltas keep steering
 * small workloads onto the one class that looks marginally better (e.g. fresh 4-GPU nodes) until the rarer
 * multi-GPU workloads that only that class can host find it full. Spreading use over classes in proportion to
 * their size keeps room in every class.
 */
public final class GpuClassBalance {

    /** A GPU class, its total GPU capacity in milli and the popularity of the probes that may run on it. */
    public record ClassCapacity(String gpuClass, long capacityMilli, long popularity) {

        public long penalty(long usedMilli) {
            return GpuClassBalance.penalty(popularity, usedMilli, capacityMilli);
        }
    }

    private GpuClassBalance() {}

    /** The node's GPU class: GPU count x GPU type. */
    public static String gpuClass(Node node) {
        return gpuClass(node.getGpuCount(), node.getGpuType());
    }

    public static String gpuClass(int gpuCount, String gpuType) {
        return gpuCount + "x" + gpuType;
    }

    /** P of a class: the total popularity of the probes that may run on {@code gpuType}. */
    public static long popularity(Iterable<FragmentationProbe> probes, String gpuType) {
        long sum = 0L;
        for (FragmentationProbe probe : probes) {
            if (probe.allowsGpuType(gpuType)) {
                sum += probe.popularity();
            }
        }
        return sum;
    }

    /** floor(popularity x used^2 / capacity), exact; 0 for an empty class or no capacity; capped at Long.MAX_VALUE. */
    public static long penalty(long popularity, long usedMilli, long capacityMilli) {
        if (popularity <= 0 || usedMilli <= 0 || capacityMilli <= 0) {
            return 0L;
        }
        BigInteger p = BigInteger.valueOf(popularity)
                .multiply(BigInteger.valueOf(usedMilli).pow(2))
                .divide(BigInteger.valueOf(capacityMilli));
        return p.bitLength() < 63 ? p.longValue() : Long.MAX_VALUE;
    }
}
