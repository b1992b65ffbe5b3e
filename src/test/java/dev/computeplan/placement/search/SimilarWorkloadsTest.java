package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.roadef.RoadefInstance;
import dev.computeplan.roadef.RoadefMapper;
import dev.computeplan.roadef.RoadefTestData;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The look-alike lists the annealing draws swap partners from, against a plain sort of all distances (a2_5). */
class SimilarWorkloadsTest {

    private static PlacementSolution A2_5;

    // per test, not in a static initialiser or @BeforeAll: without the data set each test is reported skipped
    @BeforeEach
    void load() {
        if (A2_5 == null) {
            RoadefInstance in = RoadefTestData.load("a2_5");
            A2_5 = RoadefMapper.toPlacement(in, in.initialAssignment());
        }
    }

    @Test
    void eachListHoldsTheNearestOthersInOrder() {
        Workload[] w = A2_5.getWorkloads().toArray(Workload[]::new);
        int[][] nearest = SimilarWorkloads.nearest(w, A2_5.getNodes(), 20, new SplittableRandom(1));
        double[][] shares = SimilarWorkloads.shares(w, A2_5.getNodes());
        assertThat(nearest).hasNumberOfRows(w.length);
        for (int i = 0; i < w.length; i += 37) {
            final int self = i;
            double[] all = new double[w.length - 1];
            for (int j = 0, k = 0; j < w.length; j++) {
                if (j != i) {
                    all[k++] = SimilarWorkloads.distance(shares[i], shares[j]);
                }
            }
            Arrays.sort(all);
            double[] got = Arrays.stream(nearest[i])
                    .mapToDouble(j -> SimilarWorkloads.distance(shares[self], shares[j]))
                    .toArray();
            assertThat(got).containsExactly(Arrays.copyOf(all, 20));
            assertThat(nearest[i]).doesNotContain(i).doesNotHaveDuplicates();
        }
    }

    @Test
    void aSampledListIsSortedDistinctAndFull() {
        Workload[] w = A2_5.getWorkloads().toArray(Workload[]::new);
        int[][] nearest = SimilarWorkloads.nearest(w, A2_5.getNodes(), 20, 100, new SplittableRandom(2));
        double[][] shares = SimilarWorkloads.shares(w, A2_5.getNodes());
        Set<Integer> partners = new HashSet<>();
        for (int i = 0; i < w.length; i++) {
            assertThat(nearest[i]).hasSize(20).doesNotContain(i).doesNotHaveDuplicates();
            for (int k = 1; k < 20; k++) {
                assertThat(SimilarWorkloads.distance(shares[i], shares[nearest[i][k]]))
                        .isGreaterThanOrEqualTo(SimilarWorkloads.distance(shares[i], shares[nearest[i][k - 1]]));
            }
            for (int j : nearest[i]) {
                partners.add(j);
            }
        }
        // sampled, not the same few workloads for everyone
        assertThat(partners.size()).isGreaterThan(w.length / 2);
    }

    @Test
    void aLoneWorkloadHasNoPartner() {
        Workload[] w = {A2_5.getWorkloads().get(0)};
        assertThat(SimilarWorkloads.nearest(w, A2_5.getNodes(), 20, new SplittableRandom(3))[0])
                .isEmpty();
    }

    @Test
    void aStopLeavesTheWorkloadsNotReachedWithoutLookAlikes() {
        Workload[] w = A2_5.getWorkloads().toArray(Workload[]::new);
        int[] asked = {0};
        int[][] nearest =
                SimilarWorkloads.nearest(w, A2_5.getNodes(), 20, 100, new SplittableRandom(2), () -> asked[0]++ > 0);
        assertThat(nearest).hasNumberOfRows(w.length);
        for (int i = 0; i < w.length; i++) {
            assertThat(nearest[i]).as("workload " + i).hasSize(i < SimilarWorkloads.STOP_CHECK ? 20 : 0);
        }
    }
}
