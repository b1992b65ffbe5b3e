package dev.computeplan.placement.bench;

import dev.computeplan.placement.solver.PlacementEngineSettings;
import java.util.Arrays;
import java.util.List;

/**
 * The placement benchmarks as one program:
 * <pre>
 *   openb SEEDS [TRACES] [POLICIES] [BALANCE_WEIGHT]   online OpenB simulation (comma-separated traces and policies)
 *   openb-latency [GPUS] [POLICIES]                   decision latency on a synthetic cluster of OpenB nodes
 *   openb-batch SECONDS [TRACES] [SEARCH]             the whole OpenB arrival list solved at once as a placement job
 *                                                     (SEARCH: AUTO, ANNEALING or LATE_ACCEPTANCE)
 *   scale [WORKLOADS] [GPUS] [SECONDS] [ARRIVALS]     synthetic scale run, then a re-plan with ARRIVALS new workloads
 * </pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "openb" ->
                System.out.print(OpenbRun.run(
                        Integer.parseInt(arg(rest, 0, null)),
                        list(arg(rest, 1, "default,gpuspec33")),
                        list(arg(rest, 2, "best-fit,best-fit-gpu-first,fgd,product")),
                        Double.parseDouble(arg(rest, 3, "1"))));
            case "openb-latency" ->
                System.out.print(
                        OpenbRun.latency(Integer.parseInt(arg(rest, 0, "10000")), list(arg(rest, 1, "fgd,product"))));
            case "openb-batch" ->
                System.out.print(OpenbBatch.run(
                        Integer.parseInt(arg(rest, 0, null)),
                        list(arg(rest, 1, "default,gpuspec33")),
                        PlacementEngineSettings.Search.valueOf(arg(rest, 2, "AUTO"))));
            case "scale" ->
                ScaleRun.run(
                        Integer.parseInt(arg(rest, 0, "2000")),
                        Integer.parseInt(arg(rest, 1, "10000")),
                        Integer.parseInt(arg(rest, 2, "10")),
                        Integer.parseInt(arg(rest, 3, "0")));
            default -> usage();
        }
    }

    private static String arg(List<String> args, int i, String fallback) {
        if (i < args.size() && !args.get(i).isBlank()) {
            return args.get(i);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing argument " + (i + 1) + "; run without arguments for usage");
        }
        return fallback;
    }

    private static List<String> list(String commaSeparated) {
        return List.of(commaSeparated.split(","));
    }

    private static void usage() {
        System.err.println("""
                usage: Main openb SEEDS [TRACES] [POLICIES] [BALANCE_WEIGHT]
                       Main openb-latency [GPUS] [POLICIES]
                       Main openb-batch SECONDS [TRACES] [AUTO|ANNEALING|LATE_ACCEPTANCE]
                       Main scale [WORKLOADS] [GPUS] [SECONDS] [ARRIVALS]""");
    }
}
