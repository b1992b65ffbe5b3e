package dev.computeplan.power;

import java.time.Clock;

/** Kinds for tests. */
public final class PowerKinds {

    private PowerKinds() {}

    public static PowerKind defaults() {
        return new PowerKind(Clock.systemUTC(), PowerProperties.defaults());
    }

    /**
     * No local search before the time-indexed CP-SAT model: on small problems CP-SAT then ends on its own with a
     * proof, so a test's time limit is only a safety net.
     */
    public static PowerKind cpSatFirst() {
        PowerProperties d = PowerProperties.defaults();
        return new PowerKind(
                Clock.systemUTC(),
                new PowerProperties(
                        null,
                        d.workers(),
                        d.seed(),
                        d.cpSatMaxBools(),
                        0.0,
                        d.intervalMaxJobs(),
                        d.intervalSearchShare(),
                        d.boundShare(),
                        d.windowMinShare(),
                        d.stall(),
                        d.probingLevel(),
                        d.cpLog(),
                        d.fullPowerShare(),
                        d.limits()));
    }
}
