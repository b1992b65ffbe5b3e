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
        return csv(data.resolve("openb_node_list_gpu_node.csv"));
    }

    static List<Pod> pods(Path data, String trace) throws IOException {
        List<Pod> out = new ArrayList<>();
        for (String[] f : csv(data.resolve("openb_pod_list_" + trace + ".csv"))) {
            String spec = f[5].trim();
            out.add(new Pod(
                    f[0],
                    Long.parseLong(f[1]),
                    Long.parseLong(f[2]),
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    spec.isEmpty() ? new String[0] : spec.split("\\|")));
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

    private static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
