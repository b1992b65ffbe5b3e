package dev.computeplan.placement;

import dev.computeplan.placement.api.PlacementLimits;
import dev.computeplan.placement.solver.PlacementEngineSettings;
import dev.computeplan.placement.solver.PlacementSolverSettings;
import dev.computeplan.placement.solver.PlacementTimeSplit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the placement solver ({@code computeplan.placement.*}); the kind hands them on as
 * {@link PlacementSolverSettings}.
 *
 * @param seed                 random seed of every solve
 * @param ruinRecreateMaxNodes ruin-and-recreate moves only on clusters up to this many nodes
 * @param factoryCacheSize     solver factories kept for reuse
 * @param lateAcceptanceSize   late acceptance list length
 * @param firstSearchPercent   share of the time limit for the first local search
 * @param limits               the largest problem accepted ({@code computeplan.placement.limits.*})
 * @param timeSplit            how the time limit is shared among the phases ({@code computeplan.placement.time-split.*});
 *                             the built-in split when absent
 * @param engine               how the search runs ({@code computeplan.placement.engine.*}); the built-in settings
 *                             when absent
 */
@ConfigurationProperties("computeplan.placement")
public record PlacementProperties(
        long seed,
        int ruinRecreateMaxNodes,
        int factoryCacheSize,
        int lateAcceptanceSize,
        int firstSearchPercent,
        @DefaultValue PlacementLimits limits,
        PlacementTimeSplit timeSplit,
        PlacementEngineSettings engine) {

    public static PlacementProperties defaults() {
        PlacementSolverSettings d = PlacementSolverSettings.defaults();
        return new PlacementProperties(
                d.seed(),
                d.ruinRecreateMaxNodes(),
                d.factoryCacheSize(),
                d.lateAcceptanceSize(),
                d.firstSearchPercent(),
                PlacementLimits.defaults(),
                d.timeSplit(),
                d.engine());
    }

    /** These settings with {@code value} as the seed. */
    public PlacementProperties withSeed(long value) {
        return new PlacementProperties(
                value,
                ruinRecreateMaxNodes,
                factoryCacheSize,
                lateAcceptanceSize,
                firstSearchPercent,
                limits,
                timeSplit,
                engine);
    }

    /** These settings with {@code value} as the engine settings. */
    public PlacementProperties withEngine(PlacementEngineSettings value) {
        return new PlacementProperties(
                seed,
                ruinRecreateMaxNodes,
                factoryCacheSize,
                lateAcceptanceSize,
                firstSearchPercent,
                limits,
                timeSplit,
                value);
    }

    public PlacementSolverSettings solverSettings() {
        return new PlacementSolverSettings(
                seed,
                ruinRecreateMaxNodes,
                factoryCacheSize,
                lateAcceptanceSize,
                firstSearchPercent,
                timeSplit == null ? PlacementTimeSplit.defaults() : timeSplit,
                engine == null ? PlacementEngineSettings.defaults() : engine);
    }
}
