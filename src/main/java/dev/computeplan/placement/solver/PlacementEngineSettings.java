package dev.computeplan.placement.solver;

import java.time.Duration;

/**
 * How the search phase of a solve runs ({@code computeplan.placement.engine.*}).
 *
 * @param search                     AUTO (by problem shape: annealing unless much work is pending), ANNEALING or
 *                                   LATE_ACCEPTANCE
 * @param threads                    parallel annealing runs of one solve, each with its own seed (seed, seed+1, ...);
 *                                   the best answer wins (Timefold's multithreaded move evaluation is not in its
 *                                   community edition)
 * @param annealingMaxPendingPercent AUTO anneals when at most this share of the workloads starts pending (annealing
 *                                   moves placed workloads only; late acceptance also places pending ones)
 * @param exchangePatiencePercent    the runs meet between their two annealing phases and all go on from the best
 *                                   answer; a run waits at most this share of the limit for the others
 * @param temperatureShare           a later (and a relaxed first) annealing phase starts at this share of the
 *                                   initial soft cost
 * @param strictFirstHeat            where capacity stays strict, the first phase starts this many times hotter
 * @param temperatureReferenceNodes  the share above suits clusters of up to this many nodes; on more it shrinks in
 *                                   proportion (a move changes the cost of two nodes, not of the whole cluster)
 * @param temperatureReferenceWorkloads likewise for workloads: on more it shrinks in proportion (a move of one of
 *                                   many small workloads changes little), whichever of the two shrinks it more
 * @param relaxCapacity              with a transient resource, the first annealing phase may overfill capacity at an
 *                                   adaptive price on its way (its answers still keep it)
 * @param lookAlikeShare             share of swap draws whose partner has near requirements
 * @param progressInterval           an annealing walk hands its best so far to the job at most this often (a phase
 *                                   otherwise shows its answer only when it ends); zero: only then
 * @param stepLimit                  when positive, each search phase ends after this many steps instead of on the
 *                                   clock, and the construction phases are unbounded: the same answer on any
 *                                   machine, for tests (0: off)
 */
public record PlacementEngineSettings(
        Search search,
        int threads,
        int annealingMaxPendingPercent,
        int exchangePatiencePercent,
        double temperatureShare,
        int strictFirstHeat,
        int temperatureReferenceNodes,
        int temperatureReferenceWorkloads,
        boolean relaxCapacity,
        double lookAlikeShare,
        Duration progressInterval,
        long stepLimit) {

    /** The search phase: chosen by problem shape, or forced. */
    public enum Search {
        AUTO,
        ANNEALING,
        LATE_ACCEPTANCE
    }

    public PlacementEngineSettings {
        if (search == null) {
            search = Search.AUTO;
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in 1..64: " + threads);
        }
        if (annealingMaxPendingPercent < 0 || annealingMaxPendingPercent > 100) {
            throw new IllegalArgumentException("annealingMaxPendingPercent must be in 0..100");
        }
        if (exchangePatiencePercent < 0 || exchangePatiencePercent > 50) {
            throw new IllegalArgumentException("exchangePatiencePercent must be in 0..50");
        }
        if (!(temperatureShare > 0.0) || Double.isInfinite(temperatureShare)) {
            throw new IllegalArgumentException("temperatureShare must be positive: " + temperatureShare);
        }
        if (strictFirstHeat < 1
                || temperatureReferenceNodes < 1
                || temperatureReferenceWorkloads < 1
                || stepLimit < 0) {
            throw new IllegalArgumentException(
                    "strictFirstHeat >= 1, temperatureReferenceNodes >= 1 and stepLimit >= 0 required");
        }
        if (!(lookAlikeShare >= 0.0 && lookAlikeShare <= 1.0)) {
            throw new IllegalArgumentException("lookAlikeShare must be in [0, 1]: " + lookAlikeShare);
        }
        if (progressInterval == null || progressInterval.isNegative()) {
            throw new IllegalArgumentException("progressInterval must be zero or positive");
        }
    }

    public static PlacementEngineSettings defaults() {
        return new PlacementEngineSettings(
                Search.AUTO, 2, 5, 5, 0.001, 10, 100, 1_000, true, 0.9, Duration.ofSeconds(2), 0L);
    }

    public PlacementEngineSettings withThreads(int value) {
        return new PlacementEngineSettings(
                search,
                value,
                annealingMaxPendingPercent,
                exchangePatiencePercent,
                temperatureShare,
                strictFirstHeat,
                temperatureReferenceNodes,
                temperatureReferenceWorkloads,
                relaxCapacity,
                lookAlikeShare,
                progressInterval,
                stepLimit);
    }

    public PlacementEngineSettings withSearch(Search value) {
        return new PlacementEngineSettings(
                value,
                threads,
                annealingMaxPendingPercent,
                exchangePatiencePercent,
                temperatureShare,
                strictFirstHeat,
                temperatureReferenceNodes,
                temperatureReferenceWorkloads,
                relaxCapacity,
                lookAlikeShare,
                progressInterval,
                stepLimit);
    }

    public PlacementEngineSettings withProgressInterval(Duration value) {
        return new PlacementEngineSettings(
                search,
                threads,
                annealingMaxPendingPercent,
                exchangePatiencePercent,
                temperatureShare,
                strictFirstHeat,
                temperatureReferenceNodes,
                temperatureReferenceWorkloads,
                relaxCapacity,
                lookAlikeShare,
                value,
                stepLimit);
    }

    public PlacementEngineSettings withStepLimit(long value) {
        return new PlacementEngineSettings(
                search,
                threads,
                annealingMaxPendingPercent,
                exchangePatiencePercent,
                temperatureShare,
                strictFirstHeat,
                temperatureReferenceNodes,
                temperatureReferenceWorkloads,
                relaxCapacity,
                lookAlikeShare,
                progressInterval,
                value);
    }

    /** 1 up to the reference sizes, then in inverse proportion to the number of nodes or workloads. */
    double sizeScale(int nodes, int workloads) {
        return Math.min(
                1.0,
                Math.min(
                        temperatureReferenceNodes / (double) Math.max(1, nodes),
                        temperatureReferenceWorkloads / (double) Math.max(1, workloads)));
    }
}
