package dev.computeplan.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GpuPackingTest {

    @Test
    void sharesThatFillTwoGpusExactlyAllFitThoughFirstFitDecreasingLeavesOneOut() {
        int[] shares = {500, 400, 300, 300, 250, 250};

        GpuPacking packing = GpuPacking.pack(2, 0, shares);

        assertThat(packing.overflowMilli()).isZero();
        assertThat(packing.usedMilli()).containsExactly(1000, 1000);
        assertValid(packing, 2, 0, shares);
    }

    @Test
    void wholeGpusComeFirstAndSharesPackExactlyOnTheRest() {
        int[] shares = {600, 400, 350, 350, 300};

        GpuPacking packing = GpuPacking.pack(4, 2, shares);

        assertThat(packing.overflowMilli()).isZero();
        assertThat(packing.usedMilli()[0]).isEqualTo(1000);
        assertThat(packing.usedMilli()[1]).isEqualTo(1000);
        assertValid(packing, 4, 2, shares);
    }

    @Test
    void sharesAboveTheFreeCapacityOverflow() {
        assertThat(GpuPacking.pack(1, 0, new int[] {600, 600}).overflowMilli()).isEqualTo(600);
        assertThat(GpuPacking.pack(2, 3, new int[] {100}).overflowMilli()).isEqualTo(1100);
    }

    @Test
    void aPackingIsFoundWheneverOneExists() {
        Random random = new Random(3);
        int exactOnly = 0;
        for (int round = 0; round < 3_000; round++) {
            int gpus = 1 + random.nextInt(3);
            int[] shares = round % 2 == 0 ? randomShares(random) : fullGpus(random, gpus);
            GpuPacking packing = GpuPacking.pack(gpus, 0, shares);
            boolean fits = bruteForceFits(shares, new int[gpus], 0);
            assertThat(packing.overflowMilli() == 0).as("round %d", round).isEqualTo(fits);
            if (fits) {
                assertValid(packing, gpus, 0, shares);
                exactOnly += firstFitDecreasingFits(gpus, shares) ? 0 : 1;
            }
        }
        assertThat(exactOnly).as("cases only the exact search packs").isPositive();
    }

    private static int[] randomShares(Random random) {
        int[] shares = new int[1 + random.nextInt(7)];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = 50 * (1 + random.nextInt(15));
        }
        return shares;
    }

    /** Each GPU cut into two to four shares, shuffled: a set that fits exactly, often not first-fit-decreasing. */
    private static int[] fullGpus(Random random, int gpus) {
        java.util.List<Integer> shares = new java.util.ArrayList<>();
        for (int g = 0; g < gpus; g++) {
            int left = 1000;
            int pieces = 2 + random.nextInt(3);
            for (int p = 1; p < pieces && left > 50; p++) {
                int cut = 50 * (1 + random.nextInt(Math.max(1, left / 50 - 1)));
                shares.add(cut);
                left -= cut;
            }
            shares.add(left);
        }
        java.util.Collections.shuffle(shares, random);
        return shares.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertValid(GpuPacking packing, int gpus, int whole, int[] shares) {
        int[] load = new int[gpus];
        for (int g = 0; g < whole; g++) {
            load[g] = 1000;
        }
        for (int i = 0; i < shares.length; i++) {
            int g = packing.gpuOfShare()[i];
            assertThat(g).isBetween(whole, gpus - 1);
            load[g] += shares[i];
        }
        assertThat(load).containsExactly(packing.usedMilli());
        for (int l : load) {
            assertThat(l).isLessThanOrEqualTo(1000);
        }
    }

    private static boolean bruteForceFits(int[] shares, int[] load, int k) {
        if (k == shares.length) {
            return true;
        }
        for (int g = 0; g < load.length; g++) {
            if (load[g] + shares[k] <= 1000) {
                load[g] += shares[k];
                boolean ok = bruteForceFits(shares, load, k + 1);
                load[g] -= shares[k];
                if (ok) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean firstFitDecreasingFits(int gpus, int[] shares) {
        int[] sorted = shares.clone();
        java.util.Arrays.sort(sorted);
        int[] load = new int[gpus];
        for (int i = sorted.length - 1; i >= 0; i--) {
            boolean placed = false;
            for (int g = 0; g < gpus && !placed; g++) {
                if (load[g] + sorted[i] <= 1000) {
                    load[g] += sorted[i];
                    placed = true;
                }
            }
            if (!placed) {
                return false;
            }
        }
        return true;
    }
}
