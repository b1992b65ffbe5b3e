package dev.computeplan.placement.search;

import dev.computeplan.placement.solver.PlacementIncrementalScore;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Simulated annealing over change, swap (mostly of look-alike workloads) and ejection moves, run on the engine's
 * own incremental score without Timefold's move machinery. On tightly packed clusters late in a search nearly every
 * random move breaks a capacity and is skipped unscored; drawing such a move through Timefold (selectors, pin check,
 * move objects) cost more than the skip itself, so this loop draws and tests them directly. Same acceptance as
 * Timefold's simulated annealing: no loss in hard or medium, a soft loss d accepted with probability exp(-d/T), T
 * falling linearly from the starting temperature to 0 over the budget. Gang members, pinned and unassigned workloads
 * stay as they are (the gang and construction phases place those).
 */
public final class AnnealingPhase implements PhaseCommand<PlacementSolution> {

    private static final Logger LOG = LoggerFactory.getLogger(AnnealingPhase.class);
    private static final String VARIABLE = "node";
    /** Steps between two looks at the clock and the termination. */
    private static final int CHECK_EVERY = 64;
    /** Draws of one kind before giving up on it for this step (change and swap; ejection as in its factory). */
    private static final int ATTEMPTS = 1_000;
    private static final int EJECTION_ATTEMPTS = 50;
    /**
     * Share of change draws for a moved workload that send it back to its current node. A moved workload holds
     * transient resources on both nodes, so hot early moves lock capacity that random draws (one node in N) rarely
     * free again. At a fixed 3,000,000 steps 0.3 against none lowered a2_2 by 3 % and a2_3 by 1.4 % (mean of 4 and 2
     * seeds) and was neutral on a1_4 and a2_5; in 60 s runs 0.9 against 0.3 lowered a2_3 by 2.1 % (4 seeds of 4)
     * and a2_2 by 1.8 % (10 seeds), so a workload that holds a transient resource goes home in 90 % of its change
     * draws (benchmarks/RESULTS.md).
     */
    private static final double HOME_SHARE = 0.3;
    private static final double TRANSIENT_HOME_SHARE = 0.9;
    /**
     * Share of swap draws whose partner is one of the {@link #SIMILAR} workloads with the nearest requirements
     * ({@link SimilarWorkloads}), the rest being uniform. Near an optimum every node sits just above or below its
     * safety capacity in each resource, and a swap of look-alikes trims one resource without spilling another;
     * 60 s runs, 4-8 seeds each: a2_5 -2.6 %, a1_4 -1.4 %. 0.5 screened better on a1_4 and a2_5 in 300 s runs but
     * lost in the 300 s tables (a2_2 6.1-6.5 % against 1.5-2.9 %; benchmarks/RESULTS.md). A solve may set its own
     * share ({@link Shared}).
     */
    public static final double SIMILAR_SHARE = 0.9;
    static final int SIMILAR = 20;

    private final Duration budget;
    private final Shared shared;
    private final boolean first;
    private final long seed;
    private final double swapShare;
    private final double ejectionShare;
    private long stepLimit = Long.MAX_VALUE;

    /**
     * @param budget              time over which the temperature falls to 0 (the phase may be stopped earlier)
     * @param startingTemperature soft units
     * @param swapShare           share of draws that are swaps
     * @param ejectionShare       share of draws that are ejections (the rest are changes)
     */
    public AnnealingPhase(Duration budget, long startingTemperature, long seed, double swapShare, double ejectionShare) {
        this(budget, new Shared(startingTemperature, SIMILAR_SHARE), true, seed, swapShare, ejectionShare);
    }

    /**
     * One of several annealing phases of a solve that share {@code shared}; {@code first} starts at its initial
     * temperature, a later one where the phase before left it.
     */
    public AnnealingPhase(Duration budget, Shared shared, boolean first, long seed, double swapShare,
            double ejectionShare) {
        this.budget = budget;
        this.shared = shared;
        this.first = first;
        this.seed = seed;
        this.swapShare = swapShare;
        this.ejectionShare = ejectionShare;
    }

    /**
     * What the annealing phases of one solve hand on to each other. The starting temperature: a first phase's may be
     * hotter than a later one's, which polishes an answer; a phase that ends without beating the score it started
     * from was too hot for the instance (its walk went further than it came back: a1_3, whose initial assignment is
     * 0.11 % above the best known, at 0.1 % of its cost), so the next one starts at a tenth of the cooler of the two.
     * The share of swap draws that take a look-alike partner. And the look-alike lists, which
     * depend only on requirements and capacities and take about 2 s to build on 50,000 workloads.
     */
    public static final class Shared {
        static final int COOLER = 10;
        /** Starting temperatures of a first phase and of a later one. */
        private final long firstStart;
        private final long laterStart;
        private final double lookAlikeShare;
        /** Starting price of a unit of capacity penalty in the walk; 0 keeps capacity strict. */
        private final double capacityPrice;
        private final AtomicLong overfullMoves = new AtomicLong();
        private volatile long next;
        private volatile LookAlikes lookAlikes;

        /** @param lookAlikeShare share of swap draws whose partner is a look-alike (0: none, and no lists built) */
        public Shared(long initial, double lookAlikeShare) {
            this(initial, lookAlikeShare, 0.0);
        }

        /**
         * @param capacityPrice when positive, the first phase's walk may overfill node and transient capacity at an
         *                      adaptive price per unit of their hard penalty that starts here ({@link Relaxation});
         *                      its answer still keeps them, and later phases keep them strict. 0: always strict
         */
        public Shared(long initial, double lookAlikeShare, double capacityPrice) {
            this(initial, initial, lookAlikeShare, capacityPrice);
        }

        /**
         * @param first a first phase's starting temperature
         * @param later a later phase's, unless a phase before it failed
         */
        public Shared(long first, long later, double lookAlikeShare, double capacityPrice) {
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
            if (lookAlikeShare == 0.0) {
                return new int[movable.length][0];
            }
            LookAlikes known = lookAlikes;
            if (known != null && sameObjects(known.workloads, movable) && sameObjects(known.nodes, nodes)) {
                return known.similar;
            }
            int[][] similar = SimilarWorkloads.nearest(movable, List.of(nodes), SIMILAR, random);
            lookAlikes = new LookAlikes(movable, nodes, similar);
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

        private record LookAlikes(Workload[] workloads, Node[] nodes, int[][] similar) {
        }
    }

    /**
     * Strategic oscillation on capacity. A tightly packed cluster leaves few feasible moves (a2_2's answers: 3 % of
     * shifts, 0.2 % of swaps), so the walk is cut into pockets that only a chain of moves through an overfull node
     * joins. With relaxation a move may overfill node or transient capacity; each unit of that hard penalty costs
     * {@link #price} soft units in the acceptance test (other hard rules and the medium level stay strict). The price
     * adapts every {@link #WINDOW} scored moves: up when more than the target share of them ended overfull, down
     * otherwise; the target falls from {@link #TARGET} to 0 at {@link #STRICT_FROM} of the phase, so the walk ends
     * feasible. The best answer is judged by the true score, so it is always one that keeps capacity. Only a
     * solve's first phase relaxes: a relaxed walk from an already good answer wanders off and rarely comes back
     * below it, while a strict one polishes it.
     */
    static final class Relaxation {
        static final int WINDOW = 1_000;
        static final double TARGET = 0.1;
        static final double STRICT_FROM = 0.9;
        static final double STEP = 1.1;
        static final double MIN_PRICE = 0.01;
        static final double MAX_PRICE = 1e12;
        double price;
        /** Capacity penalty of the current solution. */
        long penalty;
        /** Scored moves after which the current solution was overfull, in all. */
        long overfullMoves;
        private int moves;
        private int overfull;

        Relaxation(double price) {
            this.price = price;
        }

        /** Called once per scored move, after its acceptance, with the share of the phase spent. */
        void observe(double spent) {
            moves++;
            if (penalty > 0) {
                overfull++;
                overfullMoves++;
            }
            if (moves == WINDOW) {
                double target = spent >= STRICT_FROM ? 0.0 : TARGET * (1.0 - spent / STRICT_FROM);
                price = overfull > target * WINDOW ? Math.min(MAX_PRICE, price * STEP)
                        : Math.max(MIN_PRICE, price / STEP);
                moves = 0;
                overfull = 0;
            }
        }
    }

    /**
     * Ends after {@code steps} steps, the temperature falling with the steps taken instead of the time spent: the
     * same answer on any machine, for tests and speed measurements.
     */
    public AnnealingPhase withStepLimit(long steps) {
        this.stepLimit = steps;
        return this;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PlacementSolution> sd, BooleanSupplier isPhaseTerminated) {
        PlacementSolution solution = sd.getWorkingSolution();
        Run run = new Run(solution);
        if (run.movable.length == 0 || solution.getNodes().size() < 2) {
            return;
        }
        Node[] start = run.currentNodes();
        HardMediumSoftLongScore startScore = run.current;
        long startingTemperature = shared.take(first);
        long startNanos = System.nanoTime();
        run.anneal(isPhaseTerminated, startingTemperature);
        LOG.info("Annealing from {} (look-alikes {}, capacity price {}): {} moves scored ({}/s), {} accepted, best {}",
                startingTemperature, shared.lookAlikeShare,
                run.relaxation == null ? "strict" : String.format("%.3g", run.relaxation.price), run.scored,
                run.scored * 1_000_000_000L / Math.max(1L, System.nanoTime() - startNanos), run.accepted, run.bestScore);
        if (run.relaxation != null) {
            shared.overfullMoves.addAndGet(run.relaxation.overfullMoves);
        }
        if (run.bestScore.compareTo(startScore) <= 0) {
            shared.failed(startingTemperature);
        }
        Node[] best = run.best;
        // The loop moved the workloads behind Timefold's back: put them back and replay the best through it.
        for (int i = 0; i < run.movable.length; i++) {
            run.movable[i].setNode(start[i]);
        }
        for (int i = 0; i < run.movable.length; i++) {
            if (best[i] != start[i]) {
                sd.beforeVariableChanged(run.movable[i], VARIABLE);
                run.movable[i].setNode(best[i]);
                sd.afterVariableChanged(run.movable[i], VARIABLE);
            }
        }
        sd.triggerVariableListeners();
    }

    private final class Run {
        final PlacementIncrementalScore score = new PlacementIncrementalScore();
        final Workload[] movable;
        final Map<Workload, Integer> indexOf = new IdentityHashMap<>();
        final Node[] nodes;
        final List<Node> nodeList;
        final SplittableRandom random = new SplittableRandom(seed);
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
        final Relaxation relaxation;
        /** The move being tried is known to lose hard score before it is complete: undone unscored. */
        boolean doomed;
        HardMediumSoftLongScore current;
        HardMediumSoftLongScore bestScore;
        long scored;
        long accepted;

        Run(PlacementSolution solution) {
            score.resetWorkingSolution(solution);
            movable = solution.getWorkloads().stream()
                    .filter(w -> !w.isPinned() && w.getGang() == null && w.getNode() != null).toArray(Workload[]::new);
            for (int i = 0; i < movable.length; i++) {
                indexOf.put(movable[i], i);
            }
            nodeList = solution.getNodes();
            nodes = nodeList.toArray(Node[]::new);
            best = currentNodes();
            similar = shared.similar(movable, nodes, random);
            homeShare = new double[movable.length];
            for (int i = 0; i < movable.length; i++) {
                homeShare[i] = holdsTransient(movable[i]) ? TRANSIENT_HOME_SHARE : HOME_SHARE;
            }
            isDirty = new boolean[movable.length];
            dirty = new int[movable.length];
            current = score.calculateScore();
            bestScore = current;
            relaxation = shared.capacityPrice > 0.0 && first ? new Relaxation(shared.capacityPrice) : null;
            if (relaxation != null) {
                relaxation.penalty = score.capacityPenalty();
            }
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
            double budgetNanos = Math.max(1L, budget.toNanos());
            double temperature = startingTemperature;
            double spentNow = 0.0;
            for (long step = 0; ; step++) {
                if (step % CHECK_EVERY == 0) {
                    double spent = stepLimit == Long.MAX_VALUE ? (System.nanoTime() - startNanos) / budgetNanos
                            : step / (double) stepLimit;
                    if (spent >= 1.0 || isPhaseTerminated.getAsBoolean()) {
                        break;
                    }
                    temperature = startingTemperature * (1.0 - spent);
                    spentNow = spent;
                }
                // The kind first, then draws of that kind until one is worth scoring: the shares are of scored moves.
                double kind = random.nextDouble();
                boolean tried = false;
                if (kind < ejectionShare) {
                    for (int a = 0; a < EJECTION_ATTEMPTS && !tried; a++) {
                        tried = tryEjection();
                    }
                } else {
                    boolean swap = kind < ejectionShare + swapShare;
                    for (int a = 0; a < ATTEMPTS && !tried; a++) {
                        tried = swap ? trySwap() : tryChange();
                    }
                }
                if (!tried) {
                    continue;
                }
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
                if (relaxation != null) {
                    relaxation.observe(spentNow);
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
                double loss = (current.softScore() - after.softScore())
                        + relaxation.price * (penaltyAfter - relaxation.penalty);
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
            Node to = w.isMoved() && random.nextDouble() < homeShare[i] ? w.getCurrentNode()
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
            List<Workload> ejected = EjectionMoveFactory.ejected(score, w, target);
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
                Node to = EjectionMove.destination(score, nodeList, e, from, target);
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
                trialIndexes = java.util.Arrays.copyOf(trialIndexes, 2 * trialCount);
            }
            trialIndexes[trialCount++] = i;
            trialFrom.add(w.getNode());
            score.move(w, to);
        }
    }
}
