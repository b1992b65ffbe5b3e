package dev.computeplan.roadef;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ROADEF-specific search for comparison with the engine: a greedy best-of-sample shift descent, then late
 * acceptance hill climbing over shift and swap moves; always feasible, with the cost kept exact and incremental
 * by {@link RoadefSearchState}. Independent runs with seeds seed, seed+1, ... use the
 * cores (Timefold's multithreaded move evaluation is not in the community edition); the best run wins.
 */
public final class RoadefLocalSearch implements RoadefSolver {

    /** Late acceptance history: a move is accepted if it is no worse than the cost this many steps ago. */
    public static final int DEFAULT_HISTORY = 2_000;

    public static final int DEFAULT_THREADS = 2;
    private static final int CLOCK_CHECK_MASK = 1023;
    /** Shifts sampled per greedy step (capped by the number of distinct shifts): close to steepest descent on set A. */
    static final int GREEDY_SAMPLE = 100_000;
    /** The greedy descent may use at most this share of the time limit, the rest is late acceptance. */
    static final int GREEDY_TIME_PERCENT = 80;

    private final Clock clock;
    private final int threads;
    private final int history;

    public RoadefLocalSearch(Clock clock, int threads, int history) {
        if (threads < 1 || history < 1) {
            throw new IllegalArgumentException("threads and history must be >= 1");
        }
        this.clock = clock;
        this.threads = threads;
        this.history = history;
    }

    public RoadefLocalSearch() {
        this(Clock.systemUTC(), DEFAULT_THREADS, DEFAULT_HISTORY);
    }

    @Override
    public int[] solve(RoadefInstance instance, Duration timeLimit, long seed) {
        int[] start = instance.initialAssignment();
        // The search only walks between feasible states, so it needs a feasible start.
        if (!RoadefScorer.score(instance, start).feasible()) {
            return start;
        }
        long deadline = clock.millis() + timeLimit.toMillis();
        if (threads == 1) {
            return new Run(instance, start, seed, deadline).call().assignment;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "roadef-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Best>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(new Run(instance, start, seed + i, deadline)));
            }
            Best best = null;
            for (Future<Best> f : futures) {
                Best b = f.get();
                if (best == null || b.cost < best.cost) {
                    best = b;
                }
            }
            return best.assignment;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return start;
        } catch (ExecutionException e) {
            throw new IllegalStateException("search run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Best(int[] assignment, long cost) {}

    /** One single-threaded late acceptance run. */
    private final class Run implements Callable<Best> {
        private final RoadefSearchState state;
        private final SplittableRandom random;
        private final long deadline;
        /** The last move tried. */
        private boolean shift;

        private int p1;
        private int p2;
        private int from;

        Run(RoadefInstance instance, int[] start, long seed, long deadline) {
            this.state = new RoadefSearchState(instance, start);
            this.random = new SplittableRandom(seed);
            this.deadline = deadline;
        }

        @Override
        public Best call() {
            int processes = state.processCount();
            int machines = state.machineCount();
            long current = state.cost();
            long best = current;
            int[] bestAssignment = state.assignment();
            boolean atBest = true;
            long[] past = new long[history];
            Arrays.fill(past, current);
            if (processes == 0 || machines < 2) {
                return new Best(bestAssignment, best);
            }
            current = greedyDescent(current);
            if (current < best) {
                best = current;
                state.copyAssignmentInto(bestAssignment);
            }
            Arrays.fill(past, current);
            for (long step = 0; ; step++) {
                if ((step & CLOCK_CHECK_MASK) == 0
                        && (clock.millis() >= deadline || Thread.currentThread().isInterrupted())) {
                    break;
                }
                if (!tryMove(processes, machines)) {
                    continue;
                }
                long candidate = state.cost();
                int slot = (int) (step % history);
                if (candidate <= current || candidate <= past[slot]) {
                    if (candidate > current && atBest) {
                        // leaving the best state: keep a copy of it first (with the move undone)
                        undo(shift, p1, p2, from);
                        state.copyAssignmentInto(bestAssignment);
                        redo(shift, p1, p2);
                        atBest = false;
                    }
                    current = candidate;
                    if (current < best) {
                        best = current;
                        atBest = true;
                    } else if (current > best) {
                        atBest = false;
                    }
                } else {
                    undo(shift, p1, p2, from);
                }
                past[slot] = current;
            }
            if (atBest) {
                state.copyAssignmentInto(bestAssignment);
            }
            return new Best(bestAssignment, best);
        }

        /** A random shift or swap, made if it keeps every rule; remembered in shift, p1, p2 and from for an undo. */
        private boolean tryMove(int processes, int machines) {
            shift = random.nextBoolean();
            p1 = random.nextInt(processes);
            p2 = -1;
            from = state.machineOf(p1);
            if (shift) {
                int to = random.nextInt(machines - 1);
                if (to >= from) {
                    to++;
                }
                return state.tryShift(p1, to);
            }
            p2 = random.nextInt(processes);
            return state.trySwap(p1, p2);
        }

        /**
         * Best-of-sample descent before late acceptance: each step tries {@code GREEDY_SAMPLE} random shifts and
         * applies the one that saves most, until a sample finds nothing. Greedier than first improvement, which
         * matters with transient resources: every move away from an initial machine locks capacity there.
         */
        private long greedyDescent(long current) {
            int processes = state.processCount();
            int sample = (int) Math.min(GREEDY_SAMPLE, (long) processes * (state.machineCount() - 1));
            long greedyDeadline = clock.millis() + (deadline - clock.millis()) * GREEDY_TIME_PERCENT / 100;
            while (clock.millis() < greedyDeadline) {
                int bestP = -1;
                int bestTo = -1;
                long bestCost = current;
                for (int i = 0; i < sample; i++) {
                    int p = random.nextInt(processes);
                    int from = state.machineOf(p);
                    int to = random.nextInt(state.machineCount() - 1);
                    if (to >= from) {
                        to++;
                    }
                    if (state.tryShift(p, to)) {
                        long c = state.cost();
                        state.forceShift(p, from);
                        if (c < bestCost) {
                            bestCost = c;
                            bestP = p;
                            bestTo = to;
                        }
                    }
                }
                if (bestP < 0) {
                    break;
                }
                state.forceShift(bestP, bestTo);
                current = bestCost;
            }
            return current;
        }

        private int redoTarget;

        private void undo(boolean shift, int p1, int p2, int from) {
            if (shift) {
                redoTarget = state.machineOf(p1);
                state.forceShift(p1, from);
            } else {
                state.forceSwap(p1, p2);
            }
        }

        private void redo(boolean shift, int p1, int p2) {
            if (shift) {
                state.forceShift(p1, redoTarget);
            } else {
                state.forceSwap(p1, p2);
            }
        }
    }
}
