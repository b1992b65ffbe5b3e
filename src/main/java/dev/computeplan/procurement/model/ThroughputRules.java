package dev.computeplan.procurement.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one workload's speed on a SKU is found from the throughput catalogue, in order: the SKU's own row at the
 * precision (as given, never rescaled); its row at another precision times the published precision factor; for
 * training, peak x the policy's MFU if the request sets one, else the per-accelerator ratio measured in the class's
 * ratio class (e.g. MLPerf LoRA) applied to an anchor SKU's figure, else peak x the vendor's efficiency (mean of its
 * SKUs with a figure anchored in measurements); for inference, a roofline blend from a reference SKU of the request.
 */
final class ThroughputRules {

    /** A speed in the class's unit, measured or derived, and how it was found. */
    record Figure(double value, ThroughputBasis basis, String source) {}

    private record Spec(String vendor, double bf16, Double fp8) {}

    private final ProcurementProblem problem;
    private final Workload load;
    private final WorkloadClass workloadClass;
    private final List<CatalogueRow> rows = new ArrayList<>();
    private final List<CatalogueRow> ratioRows;

    ThroughputRules(ProcurementProblem problem, Workload load) {
        this.problem = problem;
        this.load = load;
        ThroughputCatalogue catalogue = problem.throughputCatalogue();
        this.workloadClass = catalogue.workloadClass(load.workloadClass());
        Precision at = load.training() ? load.trainingPrecision() : load.measuredPrecision();
        for (MeasuredThroughput m : load.measured()) {
            rows.add(new CatalogueRow(
                    m.sku(),
                    null,
                    load.workloadClass(),
                    at,
                    m.perAccelerator(),
                    ThroughputBasis.MEASURED,
                    "measured (request): " + m.source(),
                    null,
                    null,
                    true));
        }
        for (CatalogueRow r : catalogue.rows(load.workloadClass())) {
            if (rows.stream().noneMatch(r::sameKey)) {
                rows.add(r);
            }
        }
        String ratio = workloadClass == null ? null : workloadClass.ratioClass();
        ratioRows = ratio == null ? List.of() : catalogue.rows(ratio);
    }

    WorkloadClass workloadClass() {
        return workloadClass;
    }

    Figure training(Sku sku, Precision p) {
        Spec spec = new Spec(sku.vendor(), sku.bf16Tflops(), sku.fp8Tflops());
        Figure own = own(sku.name(), spec, p);
        if (own != null) {
            return own;
        }
        boolean tflops = workloadClass == null || workloadClass.tflops();
        Double mfu = problem.policy().mfu();
        if (mfu != null && tflops) {
            double peak = p == Precision.FP8 ? sku.fp8Tflops() : sku.bf16Tflops();
            return new Figure(
                    peak * mfu,
                    ThroughputBasis.DERIVED,
                    String.format("%s peak %.0f TFLOPS x policy MFU %.2f (request assumption)", p, peak, mfu));
        }
        Figure ratio = viaRatio(sku.name(), spec, p);
        if (ratio != null || !tflops) {
            return ratio;
        }
        return viaVendor(sku.name(), spec, p);
    }

    Figure inference(Sku sku, Precision p) {
        Figure own = own(sku.name(), null, p);
        if (own != null) {
            return own;
        }
        for (boolean measuredOnly : new boolean[] {true, false}) {
            for (Sku r : problem.catalogue()) {
                Figure ref = r == sku ? null : own(r.name(), null, p);
                if (ref == null || (measuredOnly && ref.basis() != ThroughputBasis.MEASURED)) {
                    continue;
                }
                double d = load.decodeShare();
                double value = ref.value()
                        / (d * r.memoryBandwidthTbs() / sku.memoryBandwidthTbs()
                                + (1 - d) * r.bf16Tflops() / sku.bf16Tflops());
                return new Figure(
                        value,
                        ThroughputBasis.DERIVED,
                        String.format(
                                "roofline blend (decode share %.2f: bandwidth, rest BF16 TFLOPS) from %s at %s, %.0f"
                                        + " (%s)",
                                d, r.name(), p, ref.value(), ref.source()));
            }
        }
        return null;
    }

    /** The SKU's own row at p, or its row at another precision times the precision factor (spec: training only). */
    private Figure own(String sku, Spec spec, Precision p) {
        List<CatalogueRow> mine = rows.stream()
                .filter(r -> r.sku().equals(sku))
                .sorted(Comparator.comparing(r -> r.basis() != ThroughputBasis.MEASURED))
                .toList();
        for (CatalogueRow r : mine) {
            if (r.precision() == p) {
                return new Figure(r.perAccelerator(), r.basis(), label(r));
            }
        }
        for (CatalogueRow r : mine) {
            Double factor =
                    load.training() ? trainingFactor(spec, p, r.precision()) : inferenceFactor(p, r.precision());
            if (factor != null) {
                return new Figure(
                        r.perAccelerator() * factor,
                        ThroughputBasis.DERIVED,
                        String.format(
                                "%s row x precision factor %.3f for %s (%s)", r.precision(), factor, p, label(r)));
            }
        }
        return null;
    }

    /** Speed at p over speed at q on the same chip; FP8 gains only as far as its FP8 tensor rate exceeds BF16. */
    private Double trainingFactor(Spec spec, Precision p, Precision q) {
        Double gp = gain(spec, p);
        Double gq = gain(spec, q);
        return gp == null || gq == null ? null : gp / gq;
    }

    private Double gain(Spec spec, Precision p) {
        if (p == Precision.FP16) {
            return 1.0;
        }
        Double f8 = workloadClass == null ? null : workloadClass.factor(Precision.FP8);
        if (p != Precision.FP8 || f8 == null || spec == null || spec.fp8() == null) {
            return null;
        }
        double doubling = Math.max(0, Math.min(1, spec.fp8() / spec.bf16() - 1));
        return 1 + (f8 - 1) * doubling;
    }

    private Double inferenceFactor(Precision p, Precision q) {
        Double fp = inferenceFactor(p);
        Double fq = inferenceFactor(q);
        return fp == null || fq == null ? null : fp / fq;
    }

    private Double inferenceFactor(Precision p) {
        for (PrecisionOption o : load.precisions()) {
            if (o.precision() == p && o.speedFactor() != null) {
                return o.speedFactor();
            }
        }
        return workloadClass == null ? null : workloadClass.factor(p);
    }

    /** Anchor SKU's figure x this SKU's per-accelerator ratio to the anchor in the ratio class, at that row's precision. */
    private Figure viaRatio(String sku, Spec spec, Precision p) {
        CatalogueRow mine = ratioRow(sku, null);
        if (mine == null) {
            return null;
        }
        for (String anchor : names(rows)) {
            CatalogueRow theirs = ratioRow(anchor, mine.precision());
            Spec anchorSpec = spec(anchor);
            Figure base = theirs == null || anchor.equals(sku) ? null : own(anchor, anchorSpec, mine.precision());
            Double toP = trainingFactor(spec, p, mine.precision());
            if (base == null || toP == null) {
                continue;
            }
            double ratio = mine.perAccelerator() / theirs.perAccelerator();
            return new Figure(
                    base.value() * ratio * toP,
                    ThroughputBasis.DERIVED,
                    String.format(
                            "%s %s %.0f x per-accelerator ratio %.3f in %s [%s / %s]%s",
                            anchor,
                            mine.precision(),
                            base.value(),
                            ratio,
                            mine.workloadClass(),
                            mine.source(),
                            theirs.source(),
                            toP == 1.0 ? "" : String.format(" x %.3f for %s", toP, p)));
        }
        return null;
    }

    private Figure viaVendor(String sku, Spec spec, Precision p) {
        Double toP = trainingFactor(spec, p, Precision.FP16);
        if (toP == null) {
            return null;
        }
        List<String> used = new ArrayList<>();
        double sum = 0;
        for (boolean sameVendor : new boolean[] {true, false}) {
            for (String name : names(ratioRows, rows)) {
                Spec s = spec(name);
                if (name.equals(sku)
                        || s == null
                        || (sameVendor && !spec.vendor().equals(s.vendor()))) {
                    continue;
                }
                Figure f = own(name, s, Precision.FP16);
                f = f != null ? f : viaRatio(name, s, Precision.FP16);
                if (f != null) {
                    sum += f.value() / s.bf16();
                    used.add(name);
                }
            }
            if (!used.isEmpty()) {
                break;
            }
        }
        if (used.isEmpty()) {
            return null;
        }
        double efficiency = sum / used.size();
        return new Figure(
                spec.bf16() * efficiency * toP,
                ThroughputBasis.DERIVED,
                String.format(
                        "BF16 peak %.0f x efficiency %.3f (mean sustained/peak of %s)%s",
                        spec.bf16(),
                        efficiency,
                        String.join(", ", used),
                        toP == 1.0 ? "" : String.format(" x %.3f for %s", toP, p)));
    }

    private CatalogueRow ratioRow(String sku, Precision p) {
        return ratioRows.stream()
                .filter(r -> r.sku().equals(sku) && (p == null || r.precision() == p))
                .min(Comparator.comparing(r -> r.basis() != ThroughputBasis.MEASURED))
                .orElse(null);
    }

    /** Vendor and peaks of a SKU: from the request's catalogue, else from the embedded row that names them. */
    private Spec spec(String name) {
        Sku sku = problem.sku(name);
        if (sku != null) {
            return new Spec(sku.vendor(), sku.bf16Tflops(), sku.fp8Tflops());
        }
        List<CatalogueRow> all = new ArrayList<>(rows);
        all.addAll(ratioRows);
        return all.stream()
                .filter(r -> r.sku().equals(name) && r.bf16Tflops() != null && r.vendor() != null)
                .findFirst()
                .map(r -> new Spec(r.vendor(), r.bf16Tflops(), r.fp8Tflops()))
                .orElse(null);
    }

    @SafeVarargs
    private static List<String> names(List<CatalogueRow>... lists) {
        Set<String> out = new LinkedHashSet<>();
        for (List<CatalogueRow> list : lists) {
            list.forEach(r -> out.add(r.sku()));
        }
        return List.copyOf(out);
    }

    private static String label(CatalogueRow r) {
        return (r.override() ? "override, " : "") + r.basis().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + r.source();
    }
}
