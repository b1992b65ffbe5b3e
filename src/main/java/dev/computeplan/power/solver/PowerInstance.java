package dev.computeplan.power.solver;

import dev.computeplan.power.model.JobTiming;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerWeights;
import dev.computeplan.power.model.ResolvedGrid;
import dev.computeplan.power.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated problem in the solvers' integer units: steps, milliwatts, micro-dollars (µ$).
 * Costs are rounded per step (interruptible) or per placement (non-interruptible), the same way for every solver,
 * so that CP-SAT and the heuristics agree on the objective to the µ$. A job's draw is its IT draw (boards plus server
 * overhead above idle); the cap is turned into the IT power the jobs may add (cap / PUE − base − idle inventory), and
 * each IT kWh is priced at PUE × the grid's unit cost, so facility power is exact and stays linear.
 */
public final class PowerInstance {

    /** Free capacity where no cap is given: large, but far from overflow when summed. */
    public static final long UNCAPPED_MW = Long.MAX_VALUE / 1024;

    public final PowerProblem problem;
    public final ResolvedGrid grid;
    public final int steps;
    public final boolean capped;
    /** cap − base load per step, mW. */
    public final long[] freeMw;
    /** µ$ per IT kWh drawn at step t: PUE × (price (if priced) + CO2 price × intensity). */
    public final double[] unitMicroUsdPerKwh;
    /** The site's GPU models with an inventory, and how many GPUs of each it has. */
    public final String[] gpuTypes;

    public final int[] gpuLimit;
    /** Inventory, server overhead and PUE. */
    public final Site site;

    public final Job[] jobs;

    public PowerInstance(PowerProblem problem, ResolvedGrid grid) {
        this.problem = problem;
        this.grid = grid;
        this.steps = grid.steps();
        this.capped = grid.hasCap();
        PowerWeights w = problem.weightsOrDefault();
        Site site = problem.siteOrDefault();
        this.site = site;
        List<String> types =
                new ArrayList<>(site.gpus() == null ? List.of() : site.gpus().keySet());
        types.sort(null);
        gpuTypes = types.toArray(String[]::new);
        gpuLimit = types.stream().mapToInt(k -> site.gpus().get(k)).toArray();
        freeMw = new long[steps];
        unitMicroUsdPerKwh = new double[steps];
        for (int t = 0; t < steps; t++) {
            freeMw[t] = capped ? Math.round(site.jobRoomKw(grid, t) * 1e6) : UNCAPPED_MW;
            // $/MWh → µ$/kWh is × 1000; gCO2/kWh × $/t → µ$/kWh is × 1 (1 g = 1e-6 t, 1 $ = 1e6 µ$)
            unitMicroUsdPerKwh[t] = site.pueAt(t)
                    * ((w.includeEnergyCost() ? grid.price()[t] * 1000.0 : 0.0)
                            + grid.carbon()[t] * w.co2PriceUsdPerTonne());
        }
        List<PowerJob> list = problem.jobs();
        jobs = new Job[list.size()];
        for (int j = 0; j < jobs.length; j++) {
            jobs[j] = new Job(j, list.get(j), grid, w, unitMicroUsdPerKwh, multipliers, site);
            jobs[j].gpuType = types.indexOf(list.get(j).gpuModel());
        }
    }

    public static PowerInstance of(PowerProblem problem) {
        return new PowerInstance(problem, ResolvedGrid.of(problem.grid()));
    }

    /** One job's data in steps; {@code latestEnd} is the deadline, or the horizon end when it may be late. */
    public static final class Job {
        public final int index;
        public final PowerJob source;
        public final int release;
        public final int deadline;
        public final int latestEnd;
        public final boolean interruptible;
        public final int minRun;
        public final int overhead;
        public final long latePenaltyPerStep;
        public final long dropPenalty;
        public final Level[] levels;
        /** Index into {@link PowerInstance#gpuTypes}, or -1 when its GPUs are not counted. */
        public int gpuType = -1;

        Job(
                int index,
                PowerJob job,
                ResolvedGrid grid,
                PowerWeights w,
                double[] unit,
                Multipliers multipliers,
                Site site) {
            this.index = index;
            this.source = job;
            int stepMinutes = grid.grid().stepMinutes();
            release = grid.stepOf(job.release());
            deadline = grid.stepOf(job.deadline());
            latestEnd = job.mayBeLate() ? grid.steps() : deadline;
            interruptible = job.interruptible();
            minRun = JobTiming.minRunSteps(job, stepMinutes);
            overhead = JobTiming.overheadSteps(job, stepMinutes);
            latePenaltyPerStep = Math.round(w.latePenaltyUsdPerHour()
                    * 1e6
                    * job.priority()
                    * grid.grid().stepHours());
            dropPenalty = job.mayBeDropped() ? Math.round(w.dropPenaltyUsd() * 1e6 * job.priority()) : -1;
            List<PowerLevel> source = job.levelsOrDefault();
            levels = new Level[source.size()];
            for (int l = 0; l < levels.length; l++) {
                levels[l] = new Level(l, job, source.get(l), grid, unit, multipliers, site);
            }
        }

        public boolean droppable() {
            return dropPenalty >= 0;
        }

        public long lateCost(int end) {
            return Math.max(0, end - deadline) * latePenaltyPerStep;
        }

        /** The level with the highest speed (ties: highest power): "full power". */
        public Level fullPower() {
            Level best = levels[0];
            for (Level level : levels) {
                if (level.speed > best.speed || (level.speed == best.speed && level.drawMw > best.drawMw)) {
                    best = level;
                }
            }
            return best;
        }
    }

    /** A power level of a job: run length, draw, and the µ$ cost of each step run at it. */
    public static final class Level {
        public final int index;
        public final String name;
        public final double speed;
        public final int runSteps;
        public final long drawMw;
        /** IT kWh of a whole step at this level. */
        public final double kwhPerStep;
        /** Part of its last step the job runs, in (0, 1]: the last step is charged only for it. */
        public final double lastFraction;

        private final double[] unit;
        private final Multipliers multipliers;

        Level(
                int index,
                PowerJob job,
                PowerLevel level,
                ResolvedGrid grid,
                double[] unit,
                Multipliers multipliers,
                Site site) {
            this.index = index;
            this.name = level.name();
            this.speed = level.relativeSpeed();
            int stepMinutes = grid.grid().stepMinutes();
            this.runSteps = JobTiming.runSteps(job, level, stepMinutes);
            this.lastFraction = JobTiming.lastStepFraction(job, level, stepMinutes);
            double itW = site.jobItW(job.gpus(), level.powerW());
            this.drawMw = Math.round(itW * 1000.0);
            this.kwhPerStep = itW / 1000.0 * grid.grid().stepHours();
            this.unit = unit;
            this.multipliers = multipliers;
        }

        /**
         * µ$ of the job's whole run [from, from + len), its last step charged for {@link #lastFraction}, rounded once
         * (plus the Lagrange price of its draw over every step, if set: the cap holds the full draw).
         */
        public long runCost(double[] sharedPrefix, int from, int len) {
            int last = from + len - 1;
            long cost = Math.round(kwhPerStep * (sharedPrefix[last] - sharedPrefix[from] + lastFraction * unit[last]));
            if (multipliers.prefix != null) {
                cost += (long) Math.floor(drawMw * (multipliers.prefix[from + len] - multipliers.prefix[from]));
            }
            return cost;
        }

        /** µ$ of running step t, rounded per step (the unit of interruptible jobs). */
        public long stepCost(int t) {
            return Math.round(kwhPerStep * unit[t]) + lagrange(t);
        }

        /** µ$ of step t as the job's final step, run for {@link #lastFraction} of it. */
        public long lastStepCost(int t) {
            return Math.round(kwhPerStep * lastFraction * unit[t]) + lagrange(t);
        }

        private long lagrange(int t) {
            return multipliers.lambda == null ? 0 : (long) Math.floor(drawMw * multipliers.lambda[t]);
        }
    }

    private double[] prefix;
    private final Multipliers multipliers = new Multipliers();

    /**
     * Lagrange multipliers of the cap (µ$ per mW per step), added to every step's cost, floored; {@code null} clears
     * them. Only {@link LagrangeBound} sets them, on an instance of its own.
     */
    void setMultipliers(double[] lambda) {
        multipliers.lambda = lambda;
        if (lambda == null) {
            multipliers.prefix = null;
            return;
        }
        double[] p = new double[lambda.length + 1];
        for (int t = 0; t < lambda.length; t++) {
            p[t + 1] = p[t] + lambda[t];
        }
        multipliers.prefix = p;
    }

    static final class Multipliers {
        double[] lambda;
        double[] prefix;
    }

    /** Prefix sums of the µ$/kWh unit cost: prefix[t] = Σ_{u<t} unit[u]. */
    public double[] prefix() {
        if (prefix == null) {
            double[] p = new double[steps + 1];
            for (int t = 0; t < steps; t++) {
                p[t + 1] = p[t] + unitMicroUsdPerKwh[t];
            }
            prefix = p;
        }
        return prefix;
    }
}
