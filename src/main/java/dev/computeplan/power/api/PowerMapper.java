package dev.computeplan.power.api;

import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerWeights;
import dev.computeplan.power.model.Site;
import dev.computeplan.power.model.TimeGrid;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Request to model: a field-by-field copy, except that a named carbon series becomes its values per step. */
public final class PowerMapper {

    private final CarbonSeries series;

    public PowerMapper(CarbonSeries series) {
        this.series = series;
    }

    /** Maps a request that passed {@link PowerValidator}. */
    public PowerProblem toModel(PowerRequest request) {
        return new PowerProblem(
                grid(request.grid()),
                request.jobs().stream().map(PowerMapper::job).toList(),
                weights(request.weights()),
                site(request.site()));
    }

    static Site site(PowerRequest.Site s) {
        return s == null
                ? null
                : new Site(
                        s.gpus(),
                        s.gpusPerNode(),
                        s.idleWPerGpu(),
                        s.busyWPerGpu(),
                        s.idleWPerNode(),
                        s.busyWPerNode(),
                        s.pue(),
                        s.pueSeries());
    }

    /** The grid with its carbon series (if named) sampled at each step start; the series must cover the grid. */
    public TimeGrid grid(PowerRequest.TimeGrid g) {
        List<Double> carbon = g.carbonGPerKwh();
        if (carbon == null) {
            CarbonSeries.Loaded loaded = series.load(g.carbonSeries())
                    .orElseThrow(() -> new IllegalArgumentException("unknown carbon series " + g.carbonSeries()));
            carbon = new ArrayList<>(g.steps());
            for (int t = 0; t < g.steps(); t++) {
                LocalDateTime time = g.start().plusMinutes((long) t * g.stepMinutes());
                carbon.add(loaded.at(time)
                        .orElseThrow(() -> new IllegalArgumentException("series does not cover " + time)));
            }
        }
        return new TimeGrid(
                g.start(), g.stepMinutes(), g.steps(), carbon, g.priceUsdPerMwh(), g.capKw(), g.baseLoadKw());
    }

    public static PowerJob job(PowerRequest.PowerJob j) {
        List<PowerLevel> levels = j.levels() == null
                ? null
                : j.levels().stream().map(PowerMapper::level).toList();
        return new PowerJob(
                j.id(),
                j.release(),
                j.deadline(),
                j.workGpuHours(),
                j.gpus(),
                j.interruptible(),
                j.minRunMinutes(),
                j.checkpointOverheadMinutes(),
                levels,
                j.gpuModel(),
                j.priority(),
                j.mayBeLate(),
                j.mayBeDropped());
    }

    public static PowerLevel level(PowerRequest.PowerLevel l) {
        return new PowerLevel(l.name(), l.relativeSpeed(), l.powerW());
    }

    /** A model level as the request names it (for the defaults the API lists). */
    public static PowerRequest.PowerLevel toRequest(PowerLevel l) {
        return new PowerRequest.PowerLevel(l.name(), l.relativeSpeed(), l.powerW());
    }

    static PowerWeights weights(PowerRequest.PowerWeights w) {
        return w == null
                ? null
                : new PowerWeights(
                        w.co2PriceUsdPerTonne(), w.includeEnergyCost(), w.latePenaltyUsdPerHour(), w.dropPenaltyUsd());
    }
}
