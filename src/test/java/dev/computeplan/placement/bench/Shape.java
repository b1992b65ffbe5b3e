package dev.computeplan.placement.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A typical pod shape; {@code gpuTypes} empty = any GPU type. */
record Shape(long cpu, long mem, int gpus, int milli, double popularity, Set<String> gpuTypes) {

    /**
     * The most frequent (cpu, mem, gpus, milli) shapes covering 95% of pods, weighted by frequency; with
     * {@code typed}, the GPU types a pod may use are part of its shape.
     */
    static List<Shape> typical(List<Pod> pods, boolean typed) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Pod p : pods) {
            counts.merge(key(p, typed), 1, Integer::sum);
        }
        List<Map.Entry<List<Object>, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<List<Object>, Integer>comparingByValue()
                .reversed()
                .thenComparing(e -> e.getKey().toString()));
        List<Map.Entry<List<Object>, Integer>> kept = new ArrayList<>();
        int covered = 0;
        for (Map.Entry<List<Object>, Integer> e : sorted) {
            if (covered >= 0.95 * pods.size()) {
                break;
            }
            covered += e.getValue();
            kept.add(e);
        }
        int total = covered;
        List<Shape> shapes = new ArrayList<>();
        for (Map.Entry<List<Object>, Integer> e : kept) {
            List<Object> k = e.getKey();
            @SuppressWarnings("unchecked")
            Set<String> types = (Set<String>) k.get(4);
            shapes.add(new Shape(
                    (Long) k.get(0),
                    (Long) k.get(1),
                    ((Long) k.get(2)).intValue(),
                    ((Long) k.get(3)).intValue(),
                    (double) e.getValue() / total,
                    types));
        }
        return shapes;
    }

    private static List<Object> key(Pod p, boolean typed) {
        return List.of(
                p.cpu(),
                p.mem(),
                (long) p.gpus(),
                (long) p.milli(),
                typed ? new TreeSet<>(Arrays.asList(p.spec())) : Set.of());
    }
}
