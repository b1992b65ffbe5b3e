package dev.computeplan.roadef;

import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes when a solve first reports a best score better than the initial assignment's, counted from the run's start
 * as the challenge counts time: how long a user waits before the answer starts to improve.
 */
final class FirstImprovement implements BiConsumer<Long, String> {

    private final long startNanos;
    private static final Pattern SOFT = Pattern.compile("^0hard/0medium/(-?\\d+)soft$");
    private long initialCost = -1;
    private long improvedAt = -1;
    private String improvedScore;

    /** @param startNanos {@link System#nanoTime()} when the run began */
    FirstImprovement(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The initial assignment's exact cost, which a placement score reports as its soft level. */
    synchronized void initialCost(long cost) {
        initialCost = cost;
    }

    @Override
    public synchronized void accept(Long nanos, String score) {
        Matcher soft = SOFT.matcher(score);
        if (improvedAt < 0 && initialCost >= 0 && soft.matches() && -Long.parseLong(soft.group(1)) < initialCost) {
            improvedAt = nanos;
            improvedScore = score;
        }
    }

    synchronized String describe() {
        if (improvedAt < 0) {
            return "first improvement: none reported";
        }
        return String.format(
                "first improvement: %.1f s after the run began (%s, from %d)",
                (improvedAt - startNanos) / 1e9, improvedScore, initialCost);
    }
}
