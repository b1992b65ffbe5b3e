package dev.computeplan.placement;

import dev.computeplan.placement.solver.PlacementSolverSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the placement solver ({@code computeplan.placement.*}); the kind hands them on as
 * {@link PlacementSolverSettings}.
 *
 * @param seed                 random seed of every solve
 * @param ruinRecreateMaxNodes ruin-and-recreate moves only on clusters up to this many nodes
 * @param factoryCacheSize     solver factories kept for reuse
 * @param lateAcceptanceSize   late acceptance list length
 * @param firstSearchPercent   share of the time limit for the first local search
 */
@ConfigurationProperties("computeplan.placement")
public record PlacementProperties(
        long seed, int ruinRecreateMaxNodes, int factoryCacheSize, int lateAcceptanceSize, int firstSearchPercent) {

    public static PlacementProperties defaults() {
        PlacementSolverSettings d = PlacementSolverSettings.defaults();
        return new PlacementProperties(
                d.seed(),
                d.ruinRecreateMaxNodes(),
                d.factoryCacheSize(),
                d.lateAcceptanceSize(),
                d.firstSearchPercent());
    }

    public PlacementSolverSettings solverSettings() {
        return new PlacementSolverSettings(
                seed, ruinRecreateMaxNodes, factoryCacheSize, lateAcceptanceSize, firstSearchPercent);
    }
}
