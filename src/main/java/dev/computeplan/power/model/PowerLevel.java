package dev.computeplan.power.model;

/**
 * One allowed GPU power limit of a job.
 *
 * @param name          e.g. {@code 250W}
 * @param relativeSpeed throughput relative to full power (1.0 = full speed)
 * @param powerW        average draw per GPU at this limit, W (a capped, compute-bound GPU draws ~0.96 × its cap)
 */
public record PowerLevel(String name, double relativeSpeed, double powerW) {}
