package dev.computeplan.procurement.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.computeplan.procurement.api.ProblemValidator;
import dev.computeplan.procurement.api.ProcurementMapper;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.explain.ProcurementExplainer;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.ProcurementModel;
import dev.computeplan.procurement.solver.ProcurementSolver;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import java.io.File;
import java.time.Duration;
import java.util.List;

/**
 * Command-line benchmark: {@code solve FILE SECONDS [--explain]} or
 * {@code generate SKUS QUARTERS SITES WORKLOADS SEED SECONDS}, either followed by {@code --no-rounded-start} to solve
 * without the warm start and cover rows, {@code --pareto} for an 8-point cost-versus-carbon frontier or
 * {@code --two-stage} for five scenarios. Prints one result line per run (and one per frontier point or scenario).
 */
public final class ProcurementBench {

    private ProcurementBench() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT);
        ProcurementProblem problem;
        double seconds;
        String name;
        if ("solve".equals(args[0])) {
            name = new File(args[1]).getName();
            problem = ProcurementMapper.toProblem(mapper.readValue(new File(args[1]), ProcurementRequest.class));
            seconds = Double.parseDouble(args[2]);
        } else {
            int[] n = {
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                Integer.parseInt(args[4])
            };
            long seed = Long.parseLong(args[5]);
            name = String.format("gen %dx%dx%dx%d seed %d", n[0], n[1], n[2], n[3], seed);
            problem = ScenarioGenerator.generate(n[0], n[1], n[2], n[3], seed);
            seconds = Double.parseDouble(args[6]);
        }
        List<String> flags = List.of(args);
        problem = TradeOffs.attach(problem, flags);
        ProcurementSolverSettings settings =
                ProcurementSolverSettings.defaults().withRoundedStart(!flags.contains("--no-rounded-start"));
        var violations = ProblemValidator.validate(problem);
        if (!violations.isEmpty()) {
            System.out.println(name + " INVALID " + violations);
            return;
        }
        // once per JVM, as in the running service: OR-Tools' native libraries (1-3 s to unpack and load) and a first
        // model build (class loading); the timed solve below builds its model again
        com.google.ortools.Loader.loadNativeLibraries();
        ProcurementModel model = ProcurementModel.build(problem);
        long ints =
                model.program().variables().stream().filter(v -> v.integer()).count();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        ProcurementPlan plan = new ProcurementSolver(settings, PlanChecker::verdict)
                .solve(problem, null, Duration.ofMillis((long) (seconds * 1000)), r -> {}, () -> false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        String check = plan.objectiveUsd() == null
                ? "-"
                : PlanChecker.check(problem, plan).ok() ? "check ok" : "CHECK FAILED";
        System.out.printf(
                "%s | vars %d (int %d) rows %d | %s | objective %s | gap %s | %.2f s wall, %.2f s cpu, load %.1f | %s%s%n",
                name,
                model.program().variables().size(),
                ints,
                model.program().rows().size(),
                plan.status(),
                plan.objectiveUsd() == null ? "-" : String.format("%.0f", plan.objectiveUsd()),
                plan.gap() == null ? "-" : String.format("%.4f%%", 100 * plan.gap()),
                elapsed,
                cpu,
                load,
                check,
                plan.message() == null ? "" : " | " + plan.message());
        TradeOffs.print(plan);
        if (flags.contains("--explain")) {
            System.out.println(mapper.writeValueAsString(plan));
            System.out.println(mapper.writeValueAsString(ProcurementExplainer.explain(problem, plan, settings)));
        }
    }
}
