package dev.computeplan.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingWeightsTest {

    @Test
    void oneHigherPriorityWorkloadOutweighsAllLowerOnesTogether() {
        // 2 workloads of priority 2, 1 of priority 3, 5 of priority 9: w(2) = 1, w(3) = 1 + 2 = 3, w(9) = 1 + 2 + 3 = 6
        Map<Long, Long> w = PendingWeights.of(Map.of(2L, 2L, 3L, 1L, 9L, 5L));
        assertThat(w).containsEntry(2L, 1L).containsEntry(3L, 3L).containsEntry(9L, 6L);
    }

    @Test
    void tooManyLevelsMergeTheLowestIntoARankedBlockAndKeepTheTopLexicographic() {
        // 100 levels of 1,000 workloads: 1001^100 cannot fit, so the lowest levels are ranked instead
        Map<Long, Long> counts = new HashMap<>();
        for (long p = 1; p <= 100; p++) {
            counts.put(p, 1_000L);
        }
        Map<Long, Long> w = PendingWeights.of(counts);
        long total = 0;
        for (long p = 1; p <= 99; p++) {
            total += 1_000L * w.get(p);
            assertThat(w.get(p + 1)).as("order kept at %d", p).isGreaterThan(w.get(p));
        }
        assertThat(w.get(100L)).as("the top level outweighs everything below").isEqualTo(total + 1);
        assertThat(total + 1_000L * w.get(100L)).isLessThanOrEqualTo(PendingWeights.MAX_TOTAL);
        assertThat(w.get(1L)).isEqualTo(1L);
        assertThat(w.get(2L)).as("the lowest levels are ranked").isEqualTo(2L);
    }
}
