package dev.computeplan.placement.domain;

import java.util.Comparator;

/**
 * Harder to place sorts last (construction heuristics place the hardest first): more important, then more GPU,
 * then larger total requirement; the id makes the order total and reproducible.
 */
public class WorkloadDifficultyComparator implements Comparator<Workload> {

    private static final Comparator<Workload> ORDER = Comparator.comparingLong(Workload::getPriority)
            .thenComparingLong(Workload::gpuDemandMilli)
            .thenComparingLong(WorkloadDifficultyComparator::totalRequirement)
            .thenComparing(Workload::getId, Comparator.reverseOrder());

    @Override
    public int compare(Workload a, Workload b) {
        return ORDER.compare(a, b);
    }

    private static long totalRequirement(Workload w) {
        long sum = 0;
        for (int r = 0; r < w.resourceCount(); r++) {
            sum += w.requirement(r);
        }
        return sum;
    }
}
