package dev.computeplan.placement.solver;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import dev.computeplan.placement.search.AnnealingPhase;
import dev.computeplan.placement.search.AnnealingShared;
import dev.computeplan.placement.search.ExchangePhase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The options of one solver configuration ({@link PlacementSolverConfig#create}), built by name:
 * {@code SolverOptions.builder(limit).seed(7).stepLimit(1_000).build()}.
 *
 * @param timeLimit          wall-clock budget of the solve
 * @param unimprovedLimit    also stop after this long without a better score; null: no such stop
 * @param ruinRecreateWeight ruin-and-recreate's selection weight against change and swap's (0 = none)
 * @param annealing          what the annealing phases of one solve share (simulated annealing only)
 * @param searches           local search phases of equal length (at least 2; with 2 the first takes
 *                           {@code firstSearchPercent} of the limit)
 * @param meetings           empty, or one per gap between two searches: parallel runs of one problem that share
 *                           them meet there and all go on from the best answer so far
 * @param stepLimit          when positive, every local search phase ends after this many steps instead of on the
 *                           clock (annealing cools by steps): the same answer on any machine, for tests
 * @param gangPercent        when positive (and no step limit), each whole-gang placement phase stops after this
 *                           share of the time limit
 * @param constructionPercent when positive (and no step limit), the construction heuristic stops after this share
 *                           of the time limit
 */
public record SolverOptions(
        Duration timeLimit,
        Duration unimprovedLimit,
        long seed,
        EnvironmentMode mode,
        double ruinRecreateWeight,
        PlacementSolverConfig.Search search,
        AnnealingShared annealing,
        int searches,
        List<ExchangePhase.Exchange> meetings,
        int lateAcceptanceSize,
        int firstSearchPercent,
        long stepLimit,
        int gangPercent,
        int constructionPercent) {

    static final int DEFAULT_LATE_ACCEPTANCE_SIZE = 400;
    static final int DEFAULT_FIRST_SEARCH_PERCENT = 50;

    public SolverOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(annealing, "annealing");
        meetings = List.copyOf(meetings);
        if (searches < 2 || !(meetings.isEmpty() || meetings.size() == searches - 1)) {
            throw new IllegalArgumentException("need at least 2 searches and no meetings or one between each two");
        }
    }

    public static Builder builder(Duration timeLimit) {
        return new Builder(timeLimit);
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return builder(timeLimit)
                .unimprovedLimit(unimprovedLimit)
                .seed(seed)
                .mode(mode)
                .ruinRecreateWeight(ruinRecreateWeight)
                .search(search)
                .annealing(annealing)
                .searches(searches)
                .meetings(meetings)
                .lateAcceptanceSize(lateAcceptanceSize)
                .firstSearchPercent(firstSearchPercent)
                .stepLimit(stepLimit)
                .gangPercent(gangPercent)
                .constructionPercent(constructionPercent);
    }

    /** Defaults: reproducible, ruin-and-recreate on, late acceptance, two searches, no meetings, no step limit. */
    public static final class Builder {
        private final Duration timeLimit;
        private Duration unimprovedLimit;
        private long seed;
        private EnvironmentMode mode = EnvironmentMode.REPRODUCIBLE;
        private double ruinRecreateWeight = PlacementSolverConfig.RUIN_RECREATE_WEIGHT;
        private PlacementSolverConfig.Search search = PlacementSolverConfig.Search.LATE_ACCEPTANCE;
        private AnnealingShared annealing;
        private int searches = 2;
        private List<ExchangePhase.Exchange> meetings = List.of();
        private int lateAcceptanceSize = DEFAULT_LATE_ACCEPTANCE_SIZE;
        private int firstSearchPercent = DEFAULT_FIRST_SEARCH_PERCENT;
        private long stepLimit;
        private int gangPercent;
        private int constructionPercent;

        private Builder(Duration timeLimit) {
            this.timeLimit = timeLimit;
        }

        public Builder unimprovedLimit(Duration value) {
            unimprovedLimit = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder mode(EnvironmentMode value) {
            mode = value;
            return this;
        }

        public Builder ruinRecreate(boolean on) {
            return ruinRecreateWeight(on ? PlacementSolverConfig.RUIN_RECREATE_WEIGHT : 0.0);
        }

        public Builder ruinRecreateWeight(double value) {
            ruinRecreateWeight = value;
            return this;
        }

        public Builder search(PlacementSolverConfig.Search value) {
            search = value;
            return this;
        }

        public Builder annealing(AnnealingShared value) {
            annealing = value;
            return this;
        }

        public Builder searches(int value) {
            searches = value;
            return this;
        }

        public Builder meetings(List<ExchangePhase.Exchange> value) {
            meetings = value;
            return this;
        }

        public Builder lateAcceptanceSize(int value) {
            lateAcceptanceSize = value;
            return this;
        }

        public Builder firstSearchPercent(int value) {
            firstSearchPercent = value;
            return this;
        }

        public Builder stepLimit(long value) {
            stepLimit = value;
            return this;
        }

        public Builder gangPercent(int value) {
            gangPercent = value;
            return this;
        }

        public Builder constructionPercent(int value) {
            constructionPercent = value;
            return this;
        }

        /** With the settings' late acceptance size, first-search share, phase shares and step limit. */
        public Builder settings(PlacementSolverSettings settings) {
            return lateAcceptanceSize(settings.lateAcceptanceSize())
                    .firstSearchPercent(settings.firstSearchPercent())
                    .timeSplit(settings.timeSplit())
                    .stepLimit(settings.engine().stepLimit());
        }

        /** Bounds the gang placement and construction phases to their shares of the time limit. */
        public Builder timeSplit(PlacementTimeSplit split) {
            gangPercent = split.gangPercent();
            constructionPercent = split.constructionPercent();
            return this;
        }

        public SolverOptions build() {
            AnnealingShared shared =
                    annealing != null ? annealing : new AnnealingShared(0L, AnnealingPhase.SIMILAR_SHARE);
            return new SolverOptions(
                    timeLimit,
                    unimprovedLimit,
                    seed,
                    mode,
                    ruinRecreateWeight,
                    search,
                    shared,
                    searches,
                    meetings,
                    lateAcceptanceSize,
                    firstSearchPercent,
                    stepLimit,
                    gangPercent,
                    constructionPercent);
        }
    }
}
