package dev.computeplan.placement.bench;

/** One pod of an OpenB trace: CPU (milli), memory (MiB), GPUs and the milli share of one GPU, allowed GPU models. */
record Pod(String name, long cpu, long mem, int gpus, int milli, String[] spec) {

    long gpuMilli() {
        return gpus == 1 ? milli : gpus * 1000L;
    }

    boolean share() {
        return gpus == 1 && milli < 1000;
    }
}
