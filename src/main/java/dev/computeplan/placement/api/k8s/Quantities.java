package dev.computeplan.placement.api.k8s;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Kubernetes resource quantities ("500m", "2", "1.5Gi", "129e6") as plain numbers. */
final class Quantities {

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantities() {}

    static BigDecimal parse(String q) {
        String s = q.trim();
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        String suffix = s.substring(end);
        if (suffix.isEmpty()) {
            return new BigDecimal(s);
        }
        BigDecimal factor = SUFFIXES.get(suffix);
        if (factor == null) {
            throw new IllegalArgumentException("not a Kubernetes quantity: " + q);
        }
        return new BigDecimal(s.substring(0, end)).multiply(factor);
    }

    /** CPU in millicores, rounded up. */
    static long milliCpu(String q) {
        return parse(q).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Memory in MiB, rounded up. */
    static long mebibytes(String q) {
        return parse(q).divide(BigDecimal.valueOf(1L << 20), 0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** A count (GPUs, MIG slices), rounded up. */
    static long count(String q) {
        return parse(q).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
