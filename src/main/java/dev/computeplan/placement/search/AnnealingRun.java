package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.PlacementSolutionCloner;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * One walk of {@link AnnealingPhase} on its own {@link PlacementIncrementalScore}: draws change, swap and ejection
 * moves, skips those sure to break capacity unscored, accepts by the annealing rule and keeps the best assignment.
 */
final class AnnealingRun {

    /** Steps between two looks at the clock and the termination. */
    private static final int CHECK_EVERY = 64;
    /** Draws of one kind before giving up on it for this step (change and swap; ejection as in its factory). */
    private static final int ATTEMPTS = 1_000;

    private static final int EJECTION_ATTEMPTS = 50;
    /**
     * Share of change draws for a moved workload that send it back to its current node. A moved workload holds
     * transient resources on both nodes, so hot early moves lock capacity that random draws (one node in N) rarely
     * free again; a workload that holds a transient resource goes home more often.
     */
    private static final double HOME_SHARE = 0.3;

    private static final double TRANSIENT_HOME_SHARE = 0.9;

    /**
     * @param budget        time over which the temperature falls to 0, unless {@code stepLimit} is set
     * @param stepLimit     steps over which it falls to 0 instead ({@code Long.MAX_VALUE}: none)
     * @param swapShare     share of draws that are swaps
     * @param ejectionShare share of draws that are ejections (the rest are changes)
     */
    record Plan(Duration budget, long stepLimit, double swapShare, double ejectionShare) {}

    private final AnnealingShared shared;
    private final Plan plan;
    final PlacementIncrementalScore score = new PlacementIncrementalScore();
    final Workload[] movable;
    /** Where each movable workload stands in the solution's list. */
    private final int[] positions;

    private final PlacementSolution solution;
    private long nextProgress;
    private HardMediumSoftLongScore reported;
    final Map<Workload, Integer> indexOf = new IdentityHashMap<>();
    final Node[] nodes;
    final List<Node> nodeList;
    final SplittableRandom random;
    /** Best assignment so far; workloads changed since it was taken are listed in {@link #dirty}. */
    final Node[] best;
    /** For each movable workload, the indexes of its nearest look-alikes. */
    final int[][] similar;
    /** For each movable workload, the share of its change draws that send it home once it has moved. */
    final double[] homeShare;

    final boolean[] isDirty;
    final int[] dirty;
    int dirtyCount;
    /** The workloads (by index in {@link #movable}) and previous nodes of the move being tried, for its undo. */
    int[] trialIndexes = new int[8];

    int trialCount;
    final List<Node> trialFrom = new ArrayList<>();
    /** Null when capacity stays strict. */
    final CapacityRelaxation relaxation;
    /** The move being tried is known to lose hard score before it is complete: undone unscored. */
    boolean doomed;

    HardMediumSoftLongScore current;
    HardMediumSoftLongScore bestScore;
    long scored;
    long accepted;

    AnnealingRun(PlacementSolution solution, AnnealingShared shared, boolean first, long seed, Plan plan) {
        this(solution, shared, first, seed, plan, () -> false);
    }

    /** @param stop cuts the set-up short (look-alike lists) when the phase ends before its walk begins */
    AnnealingRun(
            PlacementSolution solution,
            AnnealingShared shared,
            boolean first,
            long seed,
            Plan plan,
            BooleanSupplier stop) {
        this.shared = shared;
        this.plan = plan;
        random = new SplittableRandom(seed);
        score.resetWorkingSolution(solution);
        this.solution = solution;
        List<Workload> all = solution.getWorkloads();
        positions = IntStream.range(0, all.size())
                .filter(p -> isMovable(all.get(p)))
                .toArray();
        movable = Arrays.stream(positions).mapToObj(all::get).toArray(Workload[]::new);
        for (int i = 0; i < movable.length; i++) {
            indexOf.put(movable[i], i);
        }
        nodeList = solution.getNodes();
        nodes = nodeList.toArray(Node[]::new);
        best = currentNodes();
        similar = shared.similar(movable, nodes, random, stop);
        homeShare = new double[movable.length];
        for (int i = 0; i < movable.length; i++) {
            homeShare[i] = holdsTransient(movable[i]) ? TRANSIENT_HOME_SHARE : HOME_SHARE;
        }
        isDirty = new boolean[movable.length];
        dirty = new int[movable.length];
        current = score.calculateScore();
        bestScore = current;
        relaxation = shared.capacityPrice > 0.0 && first ? new CapacityRelaxation(shared.capacityPrice) : null;
        if (relaxation != null) {
            relaxation.penalty = score.capacityPenalty();
        }
    }

    private static boolean isMovable(Workload w) {
        return !w.isPinned() && w.getGang() == null && w.getNode() != null;
    }

    boolean holdsTransient(Workload w) {
        for (int r = 0; r < w.resourceCount(); r++) {
            if (score.fit().isTransient(r) && w.requirement(r) > 0) {
                return true;
            }
        }
        return false;
    }

    Node[] currentNodes() {
        Node[] at = new Node[movable.length];
        for (int i = 0; i < movable.length; i++) {
            at[i] = movable[i].getNode();
        }
        return at;
    }

    void anneal(BooleanSupplier isPhaseTerminated, long startingTemperature) {
        long startNanos = System.nanoTime();
        double budgetNanos = Math.max(1L, plan.budget().toNanos());
        double temperature = startingTemperature;
        double spentNow = 0.0;
        reported = bestScore;
        nextProgress = startNanos + shared.progressNanos();
        for (long step = 0; ; step++) {
            if (step % CHECK_EVERY == 0) {
                reportProgress();
                double spent = plan.stepLimit() == Long.MAX_VALUE
                        ? (System.nanoTime() - startNanos) / budgetNanos
                        : step / (double) plan.stepLimit();
                if (spent >= 1.0 || isPhaseTerminated.getAsBoolean()) {
                    break;
                }
                temperature = startingTemperature * (1.0 - spent);
                spentNow = spent;
            }
            if (draw()) {
                scoreTrial(temperature);
                if (relaxation != null) {
                    relaxation.observe(spentNow);
                }
            }
        }
    }

    /** Hands a copy of the best so far on when it improved and the interval has passed since the last one. */
    private void reportProgress() {
        long now = System.nanoTime();
        if (now - nextProgress < 0 || bestScore.compareTo(reported) <= 0) {
            return;
        }
        PlacementSolution copy = new PlacementSolutionCloner().cloneSolution(solution);
        for (int i = 0; i < movable.length; i++) {
            copy.getWorkloads().get(positions[i]).setNode(best[i]);
        }
        copy.setScore(bestScore);
        reported = bestScore;
        shared.progress(copy);
        nextProgress = System.nanoTime() + shared.progressNanos();
    }

    /** Draws a move worth scoring and makes it on the score; false if none was found this step. */
    private boolean draw() {
        // The kind first, then draws of that kind until one is worth scoring: the shares are of scored moves.
        double kind = random.nextDouble();
        boolean tried = false;
        if (kind < plan.ejectionShare()) {
            for (int a = 0; a < EJECTION_ATTEMPTS && !tried; a++) {
                tried = tryEjection();
            }
        } else {
            boolean swap = kind < plan.ejectionShare() + plan.swapShare();
            for (int a = 0; a < ATTEMPTS && !tried; a++) {
                tried = swap ? trySwap() : tryChange();
            }
        }
        return tried;
    }

    /** Scores the move made by {@link #draw}, keeps it if accepted (and the best if better) or undoes it. */
    private void scoreTrial(double temperature) {
        scored++;
        HardMediumSoftLongScore after = doomed ? null : score.calculateScore();
        if (!doomed && accept(after, temperature)) {
            accepted++;
            current = after;
            for (int k = 0; k < trialCount; k++) {
                int i = trialIndexes[k];
                if (!isDirty[i]) {
                    isDirty[i] = true;
                    dirty[dirtyCount++] = i;
                }
            }
            if (current.compareTo(bestScore) > 0) {
                takeBest();
            }
        } else {
            for (int k = trialCount - 1; k >= 0; k--) {
                score.move(movable[trialIndexes[k]], trialFrom.get(k));
            }
        }
    }

    boolean accept(HardMediumSoftLongScore after, double temperature) {
        if (relaxation != null) {
            return acceptRelaxed(after, temperature);
        }
        if (after.hardScore() != current.hardScore()) {
            return after.hardScore() > current.hardScore();
        }
        if (after.mediumScore() != current.mediumScore()) {
            return after.mediumScore() > current.mediumScore();
        }
        long loss = current.softScore() - after.softScore();
        return loss <= 0 || random.nextDouble() < Math.exp(-loss / temperature);
    }

    /** As {@link #accept}, with capacity priced instead of strict. */
    boolean acceptRelaxed(HardMediumSoftLongScore after, double temperature) {
        long penaltyAfter = score.capacityPenalty();
        long otherHard = after.hardScore() + penaltyAfter;
        long otherHardNow = current.hardScore() + relaxation.penalty;
        boolean accepted;
        if (otherHard != otherHardNow) {
            accepted = otherHard > otherHardNow;
        } else if (after.mediumScore() != current.mediumScore()) {
            accepted = after.mediumScore() > current.mediumScore();
        } else {
            double loss =
                    (current.softScore() - after.softScore()) + relaxation.price * (penaltyAfter - relaxation.penalty);
            accepted = loss <= 0 || random.nextDouble() < Math.exp(-loss / temperature);
        }
        if (accepted) {
            relaxation.penalty = penaltyAfter;
        }
        return accepted;
    }

    void takeBest() {
        bestScore = current;
        for (int k = 0; k < dirtyCount; k++) {
            int i = dirty[k];
            best[i] = movable[i].getNode();
            isDirty[i] = false;
        }
        dirtyCount = 0;
    }

    boolean tryChange() {
        int i = random.nextInt(movable.length);
        Workload w = movable[i];
        Node to = w.isMoved() && random.nextDouble() < homeShare[i]
                ? w.getCurrentNode()
                : nodes[random.nextInt(nodes.length)];
        if (to == w.getNode() || (relaxation == null && score.fit().breaksFeasibleShift(w, to))) {
            return false;
        }
        begin();
        move(i, to);
        return true;
    }

    boolean trySwap() {
        int i = random.nextInt(movable.length);
        Workload a = movable[i];
        int j = similar[i].length > 0 && random.nextDouble() < shared.lookAlikeShare
                ? similar[i][random.nextInt(similar[i].length)]
                : random.nextInt(movable.length);
        Workload b = movable[j];
        Node na = a.getNode();
        Node nb = b.getNode();
        if (na == nb || (relaxation == null && score.fit().breaksFeasibleSwap(a, b))) {
            return false;
        }
        begin();
        move(i, nb);
        move(j, na);
        return true;
    }

    boolean tryEjection() {
        int i = random.nextInt(movable.length);
        Workload w = movable[i];
        Node target = nodes[random.nextInt(nodes.length)];
        Node from = w.getNode();
        if (from == target) {
            return false;
        }
        List<Workload> ejected = Ejections.ejected(score, w, target);
        if (ejected == null || ejected.isEmpty()) {
            return false;
        }
        begin();
        int[] ejectedIndexes = new int[ejected.size()];
        for (int k = 0; k < ejectedIndexes.length; k++) {
            ejectedIndexes[k] = indexOf.get(ejected.get(k));
            move(ejectedIndexes[k], null);
        }
        move(i, target);
        for (int k = 0; k < ejectedIndexes.length; k++) {
            Workload e = ejected.get(k);
            Node to = Ejections.destination(score, nodeList, e, from, target);
            if (to == target && current.hardScore() == 0 && score.fit().breaksHardOn(e, target)) {
                // it fits nowhere, not even back: the move would end with a hard loss and be rejected
                doomed = true;
                return true;
            }
            move(ejectedIndexes[k], to);
        }
        return true;
    }

    void begin() {
        trialCount = 0;
        trialFrom.clear();
        doomed = false;
    }

    void move(int i, Node to) {
        Workload w = movable[i];
        if (trialCount == trialIndexes.length) {
            trialIndexes = Arrays.copyOf(trialIndexes, 2 * trialCount);
        }
        trialIndexes[trialCount++] = i;
        trialFrom.add(w.getNode());
        score.move(w, to);
    }
}
