package dev.computeplan.power.api;

import dev.computeplan.common.ConflictException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.power.explain.PowerExplanation;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.GpuCurves;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.TimeGrid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Power-only reads: the default power curves, and one job's story in a solved schedule. */
@RestController
// like the shared job API: absent where the job machinery is switched off (no JobService then)
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/v1/power")
@Tag(name = "power", description = "Default GPU power curves and per-job explanations of power schedules")
class PowerController {

    private final JobService jobs;
    private final ProblemKind<PowerRequest, PowerSolution> kind;
    private final PowerMapper mapper;

    PowerController(JobService jobs, ProblemKind<PowerRequest, PowerSolution> kind, CarbonSeries series) {
        this.jobs = jobs;
        this.kind = kind;
        this.mapper = new PowerMapper(series);
    }

    /**
     * A job's time grid as the solver reads it: a named carbon series sampled at each step start.
     *
     * @param start local date-time of step 0, e.g. {@code 2020-06-01T00:00}
     */
    record GridSteps(
            String start,
            int stepMinutes,
            int steps,
            List<Double> carbonGPerKwh,
            List<Double> priceUsdPerMwh,
            List<Double> capKw,
            List<Double> baseLoadKw) {}

    /** What a request may name: GPU models with their default levels, and the measured carbon series. */
    record Defaults(Map<String, List<PowerRequest.PowerLevel>> gpuModels, List<String> carbonSeries) {}

    /** One job of a solved schedule: its line and, if it is late or dropped, why. */
    record JobStory(PowerExplanation.JobLine job, PowerExplanation.Why why) {}

    @Operation(
            summary = "Default power-limit curves per GPU model and the named carbon series",
            operationId = "getPowerDefaults")
    @GetMapping("/defaults")
    Defaults defaults() {
        Map<String, List<PowerRequest.PowerLevel>> curves = new TreeMap<>();
        GpuCurves.known()
                .forEach(m -> curves.put(
                        m,
                        GpuCurves.levels(m).stream().map(PowerMapper::toRequest).toList()));
        return new Defaults(curves, CarbonSeries.NAMES);
    }

    @Operation(
            summary = "A job's time grid as the solver reads it, with a named carbon series sampled at every step",
            operationId = "getPowerJobGrid")
    @ApiResponse(responseCode = "200", description = "Carbon intensity, price, cap and base load per step")
    @ApiResponse(responseCode = "404", description = "No such job")
    @GetMapping("/jobs/{id}/grid")
    GridSteps grid(@PathVariable String id) {
        TimeGrid g = mapper.grid(jobs.stored(kind, id).problem().grid());
        return new GridSteps(
                g.start().toString(),
                g.stepMinutes(),
                g.steps(),
                g.carbonGPerKwh(),
                g.priceUsdPerMwh(),
                g.capKw(),
                g.baseLoadKw());
    }

    @Operation(
            summary =
                    "One job of a solved schedule: plan vs running at release at full power, and why it is late or dropped",
            operationId = "getPowerJobStory")
    @ApiResponse(responseCode = "200", description = "The job's line and, if it is late or dropped, why")
    @ApiResponse(responseCode = "404", description = "No such job, or no such job id in its schedule")
    @ApiResponse(responseCode = "409", description = "The job has no schedule yet")
    @GetMapping("/jobs/{id}/why/{jobId}")
    JobStory why(@PathVariable String id, @PathVariable String jobId) {
        JobService.Stored<PowerRequest, PowerSolution> stored = jobs.stored(kind, id);
        if (stored.solution() == null) {
            throw new ConflictException("Power job " + id + " has no schedule yet (status "
                    + stored.job().status() + ").");
        }
        if (stored.problem().jobs().stream().noneMatch(j -> j.id().equals(jobId))) {
            throw new NotFoundException("Power job " + id + " has no job with id '" + jobId + "'.");
        }
        if (!(kind.explain(stored.problem(), stored.solution()) instanceof PowerExplanation e)) {
            throw new IllegalStateException("kind power explained job " + id + " without a power explanation");
        }
        PowerExplanation.JobLine line = e.jobs().stream()
                .filter(j -> j.jobId().equals(jobId))
                .findFirst()
                .orElseThrow();
        PowerExplanation.Why why = e.lateOrDropped().stream()
                .filter(w -> w.jobId().equals(jobId))
                .findFirst()
                .orElse(null);
        return new JobStory(line, why);
    }
}
