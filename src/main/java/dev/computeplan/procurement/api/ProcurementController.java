package dev.computeplan.procurement.api;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.computeplan.common.ConflictException;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.explain.Explanation;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.ThroughputBasis;
import dev.computeplan.procurement.model.ThroughputCatalogue;
import dev.computeplan.procurement.model.Workload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Procurement-only endpoints: the throughput catalogue and the table a request implies, a re-check, an export. */
@RestController
// like the shared job API: absent where the job machinery is switched off (no JobService then)
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/v1/procurement")
@Tag(
        name = "procurement",
        description = "Throughput table of a request, independent re-check of a stored plan, and CSV export")
class ProcurementController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ProblemReader reader;
    private final JobService jobs;
    private final ProblemKind<ProcurementRequest, ProcurementPlan> kind;

    ProcurementController(
            ProblemReader reader, JobService jobs, ProblemKind<ProcurementRequest, ProcurementPlan> kind) {
        this.reader = reader;
        this.jobs = jobs;
        this.kind = kind;
    }

    /**
     * What one accelerator of a SKU delivers to a workload per quarter, and whether it was measured or derived: the
     * catalogue figure behind it ({@code classFigure} in {@code classUnit} of {@code workloadClass}), its basis and its
     * source (the row's, or how it was derived and from which rows).
     */
    record ThroughputRow(
            String workload,
            String sku,
            double perAccelerator,
            String unit,
            String precision,
            Integer acceleratorsPerReplica,
            boolean derived,
            String workloadClass,
            double classFigure,
            String classUnit,
            ThroughputBasis basis,
            String source) {}

    /** Whether a stored plan passes the independent check; the JSON values are lower case. */
    enum Verdict {
        OK,
        VIOLATED;

        @JsonValue
        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The independent checker's verdict on a stored plan. */
    record CheckResult(
            Verdict status,
            List<String> violations,
            ProcurementPlan.CostSummary recomputedCosts,
            Double solverObjectiveUsd) {}

    @Operation(
            summary = "Throughput of every workload on every SKU that can serve it (measured or derived from specs)",
            operationId = "getProcurementThroughput")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "A procurement problem, as submitted to POST /api/v1/procurement/jobs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ProcurementRequest.class)))
    @ApiResponse(responseCode = "200", description = "One row per workload and SKU that can serve it")
    @ApiResponse(responseCode = "422", description = "The problem breaks a rule; errors name each field")
    @PostMapping(path = "/throughput", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<ThroughputRow> throughput(@RequestBody String body) {
        ProcurementProblem problem = ProcurementMapper.toProblem(
                reader.read(kind, reader.parseTree(body)).problem());
        Throughput t = Throughput.of(problem);
        List<ThroughputRow> rows = new ArrayList<>();
        for (int w = 0; w < problem.workloads().size(); w++) {
            Workload load = problem.workloads().get(w);
            for (int k = 0; k < problem.catalogue().size(); k++) {
                if (t.eligible(w, k)) {
                    Sku sku = problem.catalogue().get(k);
                    rows.add(new ThroughputRow(
                            load.name(),
                            sku.name(),
                            t.rate(w, k),
                            Throughput.unitPerQuarter(load),
                            String.valueOf(t.precision(w, k)),
                            load.training() ? null : t.acceleratorsPerReplica(w, k),
                            t.derived(w, k),
                            load.workloadClass(),
                            t.perAccelerator(w, k),
                            problem.throughputCatalogue()
                                    .workloadClass(load.workloadClass())
                                    .unit(),
                            t.basis(w, k),
                            t.source(w, k)));
                }
            }
        }
        return rows;
    }

    @Operation(
            summary = "The embedded throughput catalogue: workload classes with their units and precision factors, and"
                    + " every row (SKU, class, precision, figure, measured or derived, source)",
            operationId = "getProcurementThroughputCatalogue")
    @ApiResponse(responseCode = "200", description = "The catalogue a request's throughput overrides replace rows of")
    @GetMapping("/throughput-catalogue")
    ThroughputCatalogue throughputCatalogue() {
        return ThroughputCatalogue.embedded();
    }

    @Operation(
            summary = "Re-check a stored plan against every constraint and recompute its cost",
            operationId = "checkProcurementPlan")
    @ApiResponse(responseCode = "200", description = "The checker's verdict")
    @ApiResponse(responseCode = "409", description = "The job has no plan to check")
    @GetMapping("/jobs/{id}/check")
    CheckResult check(@PathVariable String id) {
        JobService.Stored<ProcurementRequest, ProcurementPlan> stored = jobs.stored(kind, id);
        ProcurementPlan plan = stored.solution();
        if (plan == null || plan.objectiveUsd() == null) {
            throw new ConflictException("Procurement job " + id + " has no plan to check (status "
                    + (plan == null ? stored.job().status() : plan.status()) + ").");
        }
        PlanChecker.Result result = PlanChecker.check(ProcurementMapper.toProblem(stored.problem()), plan);
        return new CheckResult(
                result.ok() ? Verdict.OK : Verdict.VIOLATED, result.violations(), result.costs(), plan.objectiveUsd());
    }

    @Operation(
            summary = "A stored plan as a CSV table (the plan, its quarterly cash flow, budget use, explanation,"
                    + " cost-versus-carbon frontier or two-stage plan), or all of them as one XLSX workbook",
            description = "format=xlsx returns every table as a sheet of one workbook and ignores table.",
            operationId = "exportProcurementPlan")
    @ApiResponse(
            responseCode = "200",
            description = "RFC 4180 CSV with a header row, or an XLSX workbook with a sheet per table",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "409", description = "The job has no plan to export")
    @GetMapping("/jobs/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @RequestParam(defaultValue = "PLAN") PlanCsv.Table table,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {"csv", "xlsx"},
                                            defaultValue = "csv"))
                    @RequestParam(defaultValue = "csv")
                    String format) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"csv".equalsIgnoreCase(format)) {
            throw InvalidInputException.unreadable(
                    "Unknown export format " + format + ".", List.of(new Violation("format", "must be csv or xlsx")));
        }
        JobService.Stored<ProcurementRequest, ProcurementPlan> stored = jobs.stored(kind, id);
        ProcurementPlan plan = stored.solution();
        if (plan == null || (plan.objectiveUsd() == null && (xlsx || table != PlanCsv.Table.EXPLANATION))) {
            throw new ConflictException("Procurement job " + id + " has no plan to export (status "
                    + (plan == null ? stored.job().status() : plan.status()) + ").");
        }
        String name = "procurement-" + id;
        if (xlsx) {
            Map<String, PlanCsv.Tabular> sheets = new LinkedHashMap<>();
            for (PlanCsv.Table t : PlanCsv.Table.values()) {
                sheets.put(t.name().toLowerCase(Locale.ROOT).replace('_', ' '), table(t, stored, plan));
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                    .body(PlanXlsx.workbook(sheets));
        }
        String file = name + "-" + table.name().toLowerCase(Locale.ROOT) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(PlanCsv.csv(table(table, stored, plan)).getBytes(StandardCharsets.UTF_8));
    }

    private PlanCsv.Tabular table(
            PlanCsv.Table table, JobService.Stored<ProcurementRequest, ProcurementPlan> stored, ProcurementPlan plan) {
        return switch (table) {
            case PLAN -> PlanCsv.plan(plan);
            case CASH_FLOW -> PlanCsv.cashFlow(plan.cashFlow());
            case BUDGET_USE -> PlanCsv.budgetUse(plan.cashFlow());
            case EXPLANATION -> PlanCsv.explanation((Explanation) kind.explain(stored.problem(), plan));
            case FRONTIER -> PlanCsv.frontier(plan);
            case TWO_STAGE -> PlanCsv.twoStage(plan);
        };
    }
}
