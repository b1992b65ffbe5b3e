package dev.computeplan.power.api;

import dev.computeplan.common.Violation;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.GpuCurves;
import dev.computeplan.power.model.JobTiming;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.ResolvedGrid;
import dev.computeplan.power.model.Site;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules Bean Validation cannot express: sizes, grid alignment, windows, references, fit. */
public final class PowerValidator {

    private final CarbonSeries series;
    private final PowerMapper mapper;

    public PowerValidator(CarbonSeries series) {
        this.series = series;
        this.mapper = new PowerMapper(series);
    }

    /** Runs on a request that passed Bean Validation; field paths are JSON paths. */
    public List<Violation> validate(PowerRequest request) {
        List<Violation> out = new ArrayList<>();
        PowerRequest.TimeGrid grid = request.grid();
        validateGrid(grid, out);
        if (!out.isEmpty()) {
            return out;
        }
        ResolvedGrid resolved = ResolvedGrid.of(mapper.grid(grid));
        SiteRules.validate(request.site(), resolved, out);
        if (!out.isEmpty()) {
            return out;
        }
        Site site = PowerMapper.site(request.site());
        site = site == null ? Site.BOARDS_ONLY : site;
        Set<String> ids = new HashSet<>();
        for (int j = 0; j < request.jobs().size(); j++) {
            PowerJob job = PowerMapper.job(request.jobs().get(j));
            String path = "$.jobs[" + j + "]";
            if (!ids.add(job.id())) {
                out.add(new Violation(path + ".id", "duplicate job id '" + job.id() + "'"));
            }
            validateJob(job, path, resolved, site, out);
        }
        return out;
    }

    private void validateGrid(PowerRequest.TimeGrid grid, List<Violation> out) {
        int n = grid.steps();
        boolean hasList = grid.carbonGPerKwh() != null;
        boolean hasSeries = grid.carbonSeries() != null;
        if (hasList == hasSeries) {
            out.add(new Violation("$.grid.carbonGPerKwh", "give exactly one of carbonGPerKwh and carbonSeries"));
        }
        checkSize(grid.carbonGPerKwh(), n, "$.grid.carbonGPerKwh", out);
        checkSize(grid.priceUsdPerMwh(), n, "$.grid.priceUsdPerMwh", out);
        checkSize(grid.capKw(), n, "$.grid.capKw", out);
        checkSize(grid.baseLoadKw(), n, "$.grid.baseLoadKw", out);
        if (hasSeries && !hasList) {
            validateSeries(grid, out);
        }
        if (grid.baseLoadKw() != null && grid.capKw() != null && out.isEmpty()) {
            for (int t = 0; t < n; t++) {
                if (grid.baseLoadKw().get(t) > grid.capKw().get(t)) {
                    out.add(new Violation(
                            "$.grid.baseLoadKw[" + t + "]",
                            "base load " + grid.baseLoadKw().get(t) + " kW exceeds the cap "
                                    + grid.capKw().get(t) + " kW: no schedule can hold the cap"));
                    break;
                }
            }
        }
    }

    private void validateSeries(PowerRequest.TimeGrid grid, List<Violation> out) {
        String name = grid.carbonSeries();
        if (!CarbonSeries.NAMES.contains(name)) {
            out.add(new Violation(
                    "$.grid.carbonSeries", "unknown series '" + name + "'; known: " + CarbonSeries.NAMES));
            return;
        }
        CarbonSeries.Loaded loaded = series.load(name).orElseThrow();
        LocalDateTime last = grid.start().plusMinutes((long) grid.stepMinutes() * (grid.steps() - 1));
        if (loaded.at(grid.start()).isEmpty() || loaded.at(last).isEmpty()) {
            out.add(new Violation(
                    "$.grid.carbonSeries",
                    "series '" + name + "' covers " + loaded.first() + " to " + loaded.last()
                            + ", not the whole grid"));
            return;
        }
        for (int t = 0; t < grid.steps(); t++) {
            LocalDateTime time = grid.start().plusMinutes((long) grid.stepMinutes() * t);
            if (loaded.at(time).isEmpty()) {
                out.add(new Violation("$.grid.carbonSeries", "series '" + name + "' has no value near " + time));
                return;
            }
        }
    }

    private static void validateJob(PowerJob job, String path, ResolvedGrid grid, Site site, List<Violation> out) {
        int r = grid.stepOf(job.release());
        int d = grid.stepOf(job.deadline());
        boolean windowOk = validateWindow(r, d, path, grid, out);
        if (job.gpuModel() != null && !GpuCurves.known().contains(job.gpuModel())) {
            out.add(new Violation(path + ".gpuModel", "unknown GPU model; known: " + GpuCurves.known()));
        }
        List<PowerLevel> levels = job.levelsOrDefault();
        if (levels.isEmpty()) {
            out.add(new Violation(path + ".levels", "give at least one power level, or a known gpuModel"));
            return;
        }
        validateLevelNames(levels, path, out);
        if (!job.interruptible() && (job.minRunMinutes() > 0 || job.checkpointOverheadMinutes() > 0)) {
            out.add(new Violation(
                    path + ".interruptible",
                    "minRunMinutes and checkpointOverheadMinutes apply only to interruptible jobs"));
        }
        SiteRules.validateJob(job, path, site, out);
        if (!windowOk) {
            return;
        }
        validateFeasible(job, path, grid, site, levels, r, d, out);
    }

    /** Whether release and deadline are grid steps of the horizon in the right order. */
    private static boolean validateWindow(int r, int d, String path, ResolvedGrid grid, List<Violation> out) {
        boolean windowOk = true;
        if (r == ResolvedGrid.OFF_GRID || r < 0 || r >= grid.steps()) {
            out.add(new Violation(path + ".release", "must be a step boundary of the grid inside the horizon"));
            windowOk = false;
        }
        if (d == ResolvedGrid.OFF_GRID || d < 1 || d > grid.steps()) {
            out.add(new Violation(path + ".deadline", "must be a step boundary of the grid inside the horizon"));
            windowOk = false;
        }
        if (windowOk && d <= r) {
            out.add(new Violation(path + ".deadline", "must be after the release"));
            windowOk = false;
        }
        return windowOk;
    }

    private static void validateLevelNames(List<PowerLevel> levels, String path, List<Violation> out) {
        Set<String> names = new HashSet<>();
        for (int l = 0; l < levels.size(); l++) {
            if (!names.add(levels.get(l).name())) {
                out.add(new Violation(
                        path + ".levels[" + l + "].name",
                        "duplicate level name '" + levels.get(l).name() + "'"));
            }
        }
    }

    /** A job that may not be dropped must fit its window in time and, with a cap, in power somewhere. */
    private static void validateFeasible(
            PowerJob job,
            String path,
            ResolvedGrid grid,
            Site site,
            List<PowerLevel> levels,
            int r,
            int d,
            List<Violation> out) {
        int stepMinutes = grid.grid().stepMinutes();
        int fastest = Integer.MAX_VALUE;
        long leastDraw = Long.MAX_VALUE;
        for (PowerLevel level : levels) {
            fastest = Math.min(fastest, JobTiming.runSteps(job, level, stepMinutes));
            leastDraw = Math.min(leastDraw, Math.round(site.jobItW(job.gpus(), level.powerW()) * 1000.0));
        }
        int latestEnd = job.mayBeLate() ? grid.steps() : d;
        if (r + fastest > latestEnd && !job.mayBeDropped()) {
            out.add(new Violation(
                    path + ".workGpuHours",
                    "needs " + fastest + " steps at its fastest level but only "
                            + (latestEnd - r) + " steps lie between release and "
                            + (job.mayBeLate() ? "the horizon end" : "deadline")
                            + "; allow mayBeDropped or widen the window"));
        }
        if (grid.hasCap() && !job.mayBeDropped() && fitsNowhere(grid, site, r, latestEnd, leastDraw)) {
            out.add(new Violation(
                    path + ".gpus",
                    "even at its lowest power level the job draws more than the cap (divided by PUE) minus base"
                            + " load and idle servers at every step of its window; allow mayBeDropped or raise the"
                            + " cap"));
        }
    }

    private static boolean fitsNowhere(ResolvedGrid grid, Site site, int from, int to, long drawMw) {
        for (int t = from; t < to; t++) {
            if (Math.round(site.jobRoomKw(grid, t) * 1e6) >= drawMw) {
                return false;
            }
        }
        return true;
    }

    private static void checkSize(List<Double> values, int steps, String path, List<Violation> out) {
        if (values != null && values.size() != steps) {
            out.add(new Violation(path, "has " + values.size() + " values but the grid has " + steps + " steps"));
        }
    }
}
