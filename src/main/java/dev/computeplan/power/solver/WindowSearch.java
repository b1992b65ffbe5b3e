package dev.computeplan.power.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Rolling-horizon large-neighbourhood search: CP-SAT ({@link IntervalModel}) re-optimises the non-interruptible jobs
 * that run inside one window of a few days, every other job fixed (its draw taken off the cap), hinted with the
 * current placements so that it starts from them; the window's result is kept when it is cheaper. Windows are centred
 * on a late or dropped job's run 70% of the time (that is where the penalties are), else anywhere. Seeded.
 */
public final class WindowSearch {

    /** Window length in steps: 4 days of 30-minute steps. */
    static final int WINDOW_STEPS = 192;
    /** At most this many jobs are freed in one window (the ones nearest to its centre). */
    static final int MAX_JOBS = 60;
    /** The fewest jobs a window frees once it has shrunk. */
    static final int MIN_JOBS = 10;
    /** CP-SAT's limit per window, seconds. */
    static final double WINDOW_SECONDS = 2.0;

    private final PowerInstance inst;
    private final PowerSolverSettings settings;
    private final int windowSteps;
    private final int maxJobs;
    private final double windowSeconds;
    /** Jobs freed in the next window: adapts between MIN_JOBS and maxJobs (see improve). */
    private int jobsNow;

    private int windows;
    private int improvedWindows;

    public WindowSearch(PowerInstance inst, PowerSolverSettings settings) {
        this(inst, settings, WINDOW_STEPS, MAX_JOBS, WINDOW_SECONDS);
    }

    public WindowSearch(
            PowerInstance inst, PowerSolverSettings settings, int windowSteps, int maxJobs, double windowSeconds) {
        this.inst = inst;
        this.settings = settings;
        this.windowSteps = windowSteps;
        this.maxJobs = maxJobs;
        this.windowSeconds = windowSeconds;
        this.jobsNow = maxJobs;
    }

    public int windows() {
        return windows;
    }

    public int improvedWindows() {
        return improvedWindows;
    }

    /**
     * Improves {@code schedule} (changed in place and returned) until {@code stop} or {@code secondsLeft} runs out;
     * {@code onImproved} is told of every improvement.
     */
    public Placement[] improve(
            Placement[] schedule,
            long seed,
            BooleanSupplier stop,
            java.util.function.DoubleSupplier secondsLeft,
            Consumer<Placement[]> onImproved,
            Consumer<Runnable> onStop) {
        Random rnd = new Random(seed);
        CapHeuristic costs = new CapHeuristic(inst);
        int window = Math.min(inst.steps, windowSteps);
        // one stop hook for the whole search, forwarded to the window being solved (not one per window)
        java.util.concurrent.atomic.AtomicReference<Runnable> current =
                new java.util.concurrent.atomic.AtomicReference<>(() -> {});
        onStop.accept(() -> current.get().run());
        while (!stop.getAsBoolean() && secondsLeft.getAsDouble() > 0.1) {
            int[] range = pickWindow(schedule, rnd, window);
            int from = range[0];
            int to = range[1];
            int[] chosen = jobsInside(schedule, from, to, (from + to) / 2);
            if (chosen.length == 0) {
                continue;
            }
            Capacity free = Capacity.after(inst, schedule);
            long before = 0;
            for (int j : chosen) {
                free.release(inst.jobs[j], schedule[j]);
                before += costs.cost(inst.jobs[j], schedule[j]);
            }
            IntervalModel model = new IntervalModel(inst, chosen, free, from, to)
                    .withUpperBound(before)
                    .build();
            model.hint(schedule);
            windows++;
            IntervalSolve.Result r = IntervalSolve.run(
                    model,
                    schedule,
                    Math.min(windowSeconds, secondsLeft.getAsDouble()),
                    settings,
                    settings.seed() + windows,
                    (s, b) -> {},
                    current::set);
            resize(r.status());
            if (!r.found()) {
                continue;
            }
            if (cost(costs, r.schedule(), chosen) < before) {
                checkWindow(r.schedule(), chosen, free, from, to);
                for (int j : chosen) {
                    schedule[j] = r.schedule()[j];
                }
                improvedWindows++;
                onImproved.accept(schedule.clone());
            }
        }
        return schedule;
    }

    // adaptive size: a window CP-SAT cannot close within its limit was too big, one closed quickly could be bigger
    private void resize(com.google.ortools.sat.CpSolverStatus status) {
        if (status == com.google.ortools.sat.CpSolverStatus.OPTIMAL) {
            jobsNow = Math.min(maxJobs, jobsNow + Math.max(1, jobsNow / 5));
        } else {
            jobsNow = Math.max(Math.min(MIN_JOBS, maxJobs), jobsNow * 2 / 3);
        }
    }

    private long cost(CapHeuristic costs, Placement[] schedule, int[] chosen) {
        long total = 0;
        for (int j : chosen) {
            total += costs.cost(inst.jobs[j], schedule[j]);
        }
        return total;
    }

    private int[] pickWindow(Placement[] schedule, Random rnd, int window) {
        int center = -1;
        if (rnd.nextInt(10) < 7) {
            for (int tries = 0; tries < 40 && center < 0; tries++) {
                PowerInstance.Job job = inst.jobs[rnd.nextInt(inst.jobs.length)];
                Placement p = schedule[job.index];
                if (!job.interruptible && (p.dropped() || p.end() > job.deadline)) {
                    // centred on the late job's run (a dropped job: its deadline), so that it is among the freed jobs
                    center = p.dropped() ? Math.min(inst.steps - 1, job.deadline) : (p.starts()[0] + p.end()) / 2;
                }
            }
        }
        if (center < 0) {
            center = rnd.nextInt(inst.steps);
        }
        int from = Math.max(0, center - window / 2);
        int to = Math.min(inst.steps, from + window);
        return new int[] {Math.max(0, to - window), to};
    }

    /** Non-interruptible jobs whose run lies inside [from, to) (dropped ones: released there), nearest the centre first. */
    private int[] jobsInside(Placement[] schedule, int from, int to, int center) {
        List<int[]> found = new ArrayList<>();
        for (PowerInstance.Job job : inst.jobs) {
            if (job.interruptible) {
                continue;
            }
            Placement p = schedule[job.index];
            boolean inside =
                    p.dropped() ? job.release >= from && job.release < to : p.starts()[0] >= from && p.end() <= to;
            if (inside) {
                int mid = p.dropped() ? job.release : (p.starts()[0] + p.end()) / 2;
                found.add(new int[] {job.index, Math.abs(mid - center)});
            }
        }
        found.sort((a, b) -> Integer.compare(a[1], b[1]));
        return found.stream().limit(jobsNow).mapToInt(a -> a[0]).sorted().toArray();
    }

    /** A window solution that breaks the cap or the inventory is a bug in the model, never an answer. */
    private void checkWindow(Placement[] s, int[] chosen, Capacity free, int from, int to) {
        Capacity left = free.copy();
        for (int j : chosen) {
            Placement p = s[j];
            if (!p.dropped() && (p.starts()[0] < from || p.end() > to)) {
                throw new IllegalStateException(
                        "window solution places job " + j + " outside [" + from + ", " + to + ")");
            }
            left.take(inst.jobs[j], p);
        }
        if (!left.holds()) {
            throw new IllegalStateException("window solution exceeds the cap or the GPU inventory");
        }
    }
}
