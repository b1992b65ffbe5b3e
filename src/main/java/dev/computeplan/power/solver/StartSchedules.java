package dev.computeplan.power.solver;

import dev.computeplan.power.model.PowerSolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The starting schedule: cost-aware EDF insertion always, then first-come-first-served and shift-then-repair while
 * the time set aside for starts allows, or the warm start; the cheapest wins. On a large instance each start takes
 * a sizeable part of the limit, so one is skipped when the previous ones say it would not end in time.
 */
final class StartSchedules {

    /** A starting schedule and the name of the method that made it. */
    record Start(Placement[] schedule, String name) {}

    private final PowerInstance inst;
    private final CapHeuristic heuristic;
    private final Clock clock;

    StartSchedules(PowerInstance inst, CapHeuristic heuristic, Clock clock) {
        this.inst = inst;
        this.heuristic = heuristic;
        this.clock = clock;
    }

    /** The cheapest start; the optional ones run only if each, taking as long as the greedy one, ends by {@code until}. */
    Start best(PowerSolution warmStart, Instant until) {
        Placement[] warm = SolutionMapper.fromSolution(inst, warmStart);
        boolean warmUsable = warm != null
                && !heuristic.hasUnplaced(warm)
                && heuristic.withinCap(warm)
                && WorkCheck.doesAllWork(inst, warm);
        Instant before = clock.instant();
        Start best = new Start(heuristic.greedy(), "greedy");
        Duration one = Duration.between(before, clock.instant());
        if (fitsBefore(one, until)) {
            best = cheaper(best, new Start(heuristic.earliestFit(), "earliest-fit"));
        }
        if (fitsBefore(one, until)) {
            best = cheaper(best, new Start(heuristic.shiftThenRepair(), "shift-then-repair"));
        }
        if (warmUsable && heuristic.total(warm) <= heuristic.total(best.schedule())) {
            best = new Start(warm, "warm-start");
        }
        return best;
    }

    private boolean fitsBefore(Duration estimate, Instant until) {
        return !clock.instant().plus(estimate).isAfter(until);
    }

    private Start cheaper(Start a, Start b) {
        return heuristic.total(b.schedule()) < heuristic.total(a.schedule()) ? b : a;
    }
}
