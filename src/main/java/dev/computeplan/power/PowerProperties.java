package dev.computeplan.power;

import dev.computeplan.power.api.PowerLimits;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.solver.PowerSolverSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of kind {@code power} ({@code computeplan.power.*}); the defaults equal {@link PowerSolverSettings#defaults()}.
 *
 * @param limits    the largest problem accepted ({@code computeplan.power.limits.*})
 * @param carbonDir a folder of {@code <name>_ci.csv} files that replace the bundled carbon series (none: the bundled)
 * @see PowerSolverSettings for the solver fields
 */
@ConfigurationProperties("computeplan.power")
public record PowerProperties(
        Path carbonDir,
        @DefaultValue("2") int workers,
        @DefaultValue("7") int seed,
        @DefaultValue("30000") long cpSatMaxBools,
        @DefaultValue("0.2") double heuristicShare,
        @DefaultValue("300") int intervalMaxJobs,
        @DefaultValue("0.2") double intervalSearchShare,
        @DefaultValue("0.25") double boundShare,
        @DefaultValue("0.3") double windowMinShare,
        @DefaultValue("3s") Duration stall,
        @DefaultValue("0") int probingLevel,
        @DefaultValue("false") boolean cpLog,
        @DefaultValue("0.4") double fullPowerShare,
        @DefaultValue PowerLimits limits) {

    /** The defaults, as binding an empty configuration gives them. */
    public static PowerProperties defaults() {
        PowerSolverSettings d = PowerSolverSettings.defaults();
        return new PowerProperties(
                null,
                d.workers(),
                d.seed(),
                d.cpSatMaxBools(),
                d.heuristicShare(),
                d.intervalMaxJobs(),
                d.intervalSearchShare(),
                d.boundShare(),
                d.windowMinShare(),
                d.stall(),
                d.probingLevel(),
                d.cpLog(),
                d.fullPowerShare(),
                PowerLimits.defaults());
    }

    public PowerSolverSettings solverSettings() {
        return new PowerSolverSettings(
                workers,
                seed,
                cpSatMaxBools,
                heuristicShare,
                intervalMaxJobs,
                intervalSearchShare,
                boundShare,
                windowMinShare,
                stall,
                probingLevel,
                cpLog,
                fullPowerShare);
    }

    public CarbonSeries carbonSeries() {
        return new CarbonSeries(carbonDir);
    }
}
