package dev.computeplan.placement.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Reads the OpenB node and pod lists and draws a seeded arrival order. */
final class OpenbTrace {

    private OpenbTrace() {}

    /** The OpenB directory of the shared data set. */
    static Path dataDir() {
        return Files.isDirectory(Path.of("../shared/data/openb"))
                ? Path.of("../shared/data/openb")
                : Path.of("/work/shared/data/openb");
    }

    static List<String[]> nodes(Path data) throws IOException {
        return csv(Files.readAllLines(data.resolve("openb_node_list_gpu_node.csv")));
    }

    /** Columns are found by their header names: the traces differ in which optional columns they carry. */
    static List<Pod> pods(Path data, String trace) throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("openb_pod_list_" + trace + ".csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int spec = header.indexOf("gpu_spec");
        List<Pod> out = new ArrayList<>();
        for (String[] f : csv(lines)) {
            String types = spec >= 0 && spec < f.length ? f[spec].trim() : "";
            out.add(new Pod(
                    f[header.indexOf("name")],
                    Long.parseLong(f[header.indexOf("cpu_milli")]),
                    Long.parseLong(f[header.indexOf("memory_mib")]),
                    Integer.parseInt(f[header.indexOf("num_gpu")]),
                    Integer.parseInt(f[header.indexOf("gpu_milli")]),
                    types.isEmpty() ? new String[0] : types.split("\\|")));
        }
        return out;
    }

    /** Sorted by name, shuffled with the seed, padded with redraws until the GPU request would pass 130%. */
    static List<Pod> arrivals(List<Pod> pods, ClusterState s, long seed) {
        long capacity = s.gpuCapacityMilli();
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing(Pod::name));
        Random random = new Random(seed);
        Collections.shuffle(sorted, random);
        List<Pod> out = new ArrayList<>();
        long total = 0;
        int i = 0;
        while (true) {
            Pod p = i < sorted.size() ? sorted.get(i) : sorted.get(random.nextInt(sorted.size()));
            i++;
            if (total + p.gpuMilli() > 1.3 * capacity) {
                return out;
            }
            total += p.gpuMilli();
            out.add(p);
        }
    }

    private static List<String[]> csv(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
