package dev.computeplan.placement.bench;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * What the OpenB benchmark states about the cluster in the placement request's vocabulary: the trace's typical shapes
 * as fragmentation probes, and the free CPU and memory per free GPU to keep as balance objectives.
 */
final class OpenbObjectives {

    /** The engine's resources in this benchmark: cpu (milli), memory (MiB) and the GPU milli mirror. */
    static final List<Resource> RESOURCES = List.of(
            new Resource(0, "cpu", false, 0),
            new Resource(1, "memory", false, 0),
            new Resource(2, "gpu", false, 0, true));

    private OpenbObjectives() {}

    /** The engine's fragmentation probes for the typical shapes: requirements (cpu, memory, gpu), popularity x 10,000. */
    static List<FragmentationProbe> probes(List<Shape> shapes) {
        List<FragmentationProbe> probes = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape m = shapes.get(i);
            boolean share = m.gpus() == 1 && m.milli() < 1000;
            probes.add(new FragmentationProbe(
                    "shape" + i,
                    new long[] {m.cpu(), m.mem(), 0},
                    share ? 0 : m.gpus(),
                    share ? m.milli() : 0,
                    Math.round(m.popularity() * 10_000),
                    m.gpuTypes()));
        }
        return probes;
    }

    /**
     * Free CPU and memory per free GPU milli to keep on every node (the engine's balance rule on its {@code gpu}
     * resource): the targets are the pods' total CPU and memory per total GPU milli, so a node that runs out of CPU
     * or memory with GPUs free is charged for them; weight = full probe popularity / target x {@code weight}, so at
     * weight 1 an unbacked milli-GPU costs as much as a fragment milli of a shape every pod has. Weight 0: none.
     */
    static List<BalanceObjective> gpuBalances(List<Pod> pods, double weight) {
        if (weight == 0) {
            return List.of();
        }
        long cpu = 0;
        long mem = 0;
        long gpu = 0;
        for (Pod p : pods) {
            cpu += p.cpu();
            mem += p.mem();
            gpu += p.gpuMilli();
        }
        Resource cpuR = RESOURCES.get(0);
        Resource memR = RESOURCES.get(1);
        Resource gpuR = RESOURCES.get(2);
        long cpuTarget = Math.round((double) cpu / gpu);
        long memTarget = Math.round((double) mem / gpu);
        return List.of(
                new BalanceObjective("cpu-per-gpu", gpuR, cpuR, cpuTarget, Math.round(weight * 10_000 / cpuTarget)),
                new BalanceObjective("memory-per-gpu", gpuR, memR, memTarget, Math.round(weight * 10_000 / memTarget)));
    }
}
