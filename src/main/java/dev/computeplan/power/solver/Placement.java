package dev.computeplan.power.solver;

import java.util.Arrays;

/**
 * Where one job runs: a level and its runs (sorted, disjoint), or dropped ({@code level == -1}).
 * Non-interruptible jobs have one run.
 */
public record Placement(int level, int[] starts, int[] lengths) {

    public static final Placement DROPPED = new Placement(-1, new int[0], new int[0]);

    public static Placement single(int level, int start, int length) {
        return new Placement(level, new int[] {start}, new int[] {length});
    }

    /** Runs from a sorted set of steps: consecutive steps merge into one run. */
    public static Placement ofSteps(int level, int[] sortedSteps) {
        int[] starts = new int[sortedSteps.length];
        int[] lengths = new int[sortedSteps.length];
        int runs = 0;
        for (int i = 0; i < sortedSteps.length; i++) {
            if (runs > 0 && starts[runs - 1] + lengths[runs - 1] == sortedSteps[i]) {
                lengths[runs - 1]++;
            } else {
                starts[runs] = sortedSteps[i];
                lengths[runs] = 1;
                runs++;
            }
        }
        return new Placement(level, Arrays.copyOf(starts, runs), Arrays.copyOf(lengths, runs));
    }

    public boolean dropped() {
        return level < 0;
    }

    /** One past the last step run, or -1 when dropped. */
    public int end() {
        return dropped() ? -1 : starts[starts.length - 1] + lengths[lengths.length - 1];
    }

    /** Adds {@code sign × draw} to {@code used} over every step run. */
    public void apply(long[] used, long draw, int sign) {
        for (int r = 0; r < starts.length; r++) {
            for (int t = starts[r]; t < starts[r] + lengths[r]; t++) {
                used[t] += sign * draw;
            }
        }
    }
}
