package dev.computeplan.placement.search;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the annealing phases of one solve hand on to each other. The starting temperature: a first phase's may be
 * hotter than a later one's, which polishes an answer; a phase that ends without beating the score it started
 * from was too hot for the instance (its walk went further than it came back), so the next one starts at a tenth
 * of the cooler of the two. The share of swap draws that take a look-alike partner. And the look-alike lists,
 * which depend only on requirements and capacities and are costly to build on large clusters.
 */
public final class AnnealingShared {
    static final int COOLER = 10;
    /** Starting temperatures of a first phase and of a later one. */
    private final long firstStart;

    private final long laterStart;
    final double lookAlikeShare;
    /** Starting price of a unit of capacity penalty in the walk; 0 keeps capacity strict. */
    final double capacityPrice;

    final AtomicLong overfullMoves = new AtomicLong();
    private volatile Consumer<PlacementSolution> progress = solution -> {};
    private volatile long progressNanos = Long.MAX_VALUE;
    private volatile long next;
    private volatile LookAlikes lookAlikes;

    /** @param lookAlikeShare share of swap draws whose partner is a look-alike (0: none, and no lists built) */
    public AnnealingShared(long initial, double lookAlikeShare) {
        this(initial, lookAlikeShare, 0.0);
    }

    /**
     * @param capacityPrice when positive, the first phase's walk may overfill node and transient capacity at an
     *                      adaptive price per unit of their hard penalty that starts here ({@link Relaxation});
     *                      its answer still keeps them, and later phases keep them strict. 0: always strict
     */
    public AnnealingShared(long initial, double lookAlikeShare, double capacityPrice) {
        this(initial, initial, lookAlikeShare, capacityPrice);
    }

    /**
     * @param first a first phase's starting temperature
     * @param later a later phase's, unless a phase before it failed
     */
    public AnnealingShared(long first, long later, double lookAlikeShare, double capacityPrice) {
        if (!(lookAlikeShare >= 0.0 && lookAlikeShare <= 1.0)) {
            throw new IllegalArgumentException("lookAlikeShare must be in [0, 1]: " + lookAlikeShare);
        }
        this.firstStart = Math.max(1L, first);
        this.laterStart = Math.max(1L, later);
        this.lookAlikeShare = lookAlikeShare;
        if (!(capacityPrice >= 0.0) || Double.isInfinite(capacityPrice)) {
            throw new IllegalArgumentException("capacityPrice must be finite and >= 0: " + capacityPrice);
        }
        this.capacityPrice = capacityPrice;
        this.next = laterStart;
    }

    /**
     * A phase otherwise shows its answer only when it ends, which on a long limit leaves a job's best unchanged for
     * half of it: every {@code interval} a walk that improved hands a copy of its best so far to {@code listener}.
     */
    public void onProgress(Duration interval, Consumer<PlacementSolution> listener) {
        progressNanos = interval.isZero() || interval.isNegative() ? Long.MAX_VALUE : interval.toNanos();
        progress = listener;
    }

    long progressNanos() {
        return progressNanos;
    }

    void progress(PlacementSolution bestSoFar) {
        progress.accept(bestSoFar);
    }

    /** Scored moves after which the walk was overfull, over the phases so far (0 when capacity stays strict). */
    public long overfullMoves() {
        return overfullMoves.get();
    }

    long take(boolean first) {
        if (first) {
            next = laterStart;
            return firstStart;
        }
        return next;
    }

    void failed(long used) {
        next = Math.max(1L, Math.min(next, used) / COOLER);
    }

    /** The lists of the previous phase when it had the same workloads and nodes, else new ones. */
    int[][] similar(Workload[] movable, Node[] nodes, SplittableRandom random) {
        return similar(movable, nodes, random, () -> false);
    }

    /** As above; lists cut short by {@code stop} are not kept for the next phase. */
    int[][] similar(Workload[] movable, Node[] nodes, SplittableRandom random, BooleanSupplier stop) {
        if (lookAlikeShare == 0.0) {
            return new int[movable.length][0];
        }
        LookAlikes known = lookAlikes;
        if (known != null && sameObjects(known.workloads, movable) && sameObjects(known.nodes, nodes)) {
            return known.similar;
        }
        int[][] similar = SimilarWorkloads.nearest(
                movable, List.of(nodes), AnnealingPhase.SIMILAR, SimilarWorkloads.SAMPLE, random, stop);
        if (!stop.getAsBoolean()) {
            lookAlikes = new LookAlikes(movable, nodes, similar);
        }
        return similar;
    }

    /** By identity: a configuration solved again gets other objects, whatever their ids. */
    private static boolean sameObjects(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private record LookAlikes(Workload[] workloads, Node[] nodes, int[][] similar) {}
}
