package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where parallel runs of one problem meet: each offers its working solution, waits for the others (at most the
 * exchange's patience), and carries on from the best offer. Between two annealing phases this makes both
 * runs' second phases polish the better first-phase answer with their own seeds, instead of each polishing its own:
 * a first phase's outcome spreads far more than a second phase's gain.
 */
public final class ExchangePhase implements PhaseCommand<PlacementSolution> {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangePhase.class);
    private static final String VARIABLE = "node";

    private final Exchange exchange;

    public ExchangePhase(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PlacementSolution> sd, BooleanSupplier isPhaseTerminated) {
        PlacementSolution solution = sd.getWorkingSolution();
        List<Workload> workloads = solution.getWorkloads();
        List<Node> nodes = solution.getNodes();
        Exchange.Offer own = new Exchange.Offer(score(solution), nodeIndexes(workloads), nodes.size());
        Exchange.Offer best = exchange.meet(own, isPhaseTerminated);
        if (best == own) {
            LOG.info("Exchange: kept own answer {}", own.score());
            return;
        }
        LOG.info("Exchange: took {} for own {}", best.score(), own.score());
        for (int i = 0; i < workloads.size(); i++) {
            int to = best.nodes()[i];
            Workload w = workloads.get(i);
            Node target = to < 0 ? null : nodes.get(to);
            if (w.getNode() != target && !w.isPinned()) {
                sd.beforeVariableChanged(w, VARIABLE);
                w.setNode(target);
                sd.afterVariableChanged(w, VARIABLE);
            }
        }
        sd.triggerVariableListeners();
    }

    /** Scored from scratch: the working solution's score field may lag behind the last phase's changes. */
    static HardMediumSoftLongScore score(PlacementSolution solution) {
        PlacementIncrementalScore score = new PlacementIncrementalScore();
        score.resetWorkingSolution(solution);
        return score.calculateScore();
    }

    /** Each workload's node as its index in the solution's node list, -1 when unassigned. */
    static int[] nodeIndexes(List<Workload> workloads) {
        int[] at = new int[workloads.size()];
        for (int i = 0; i < at.length; i++) {
            Node node = workloads.get(i).getNode();
            at[i] = node == null ? -1 : node.getIndex();
        }
        return at;
    }

    /**
     * The meeting point of {@code parties} runs of the same problem, used once. Runs are told apart by nothing but
     * their offers: an offer is a node index per workload, in the problem's list orders, which every run's copy
     * shares. A run that waited {@code patience} goes on with the best offer made so far (its own at least).
     */
    public static final class Exchange {
        private final int parties;
        private final Duration patience;
        private final Offer[] offers;
        private int count;

        public Exchange(int parties, Duration patience) {
            if (parties < 1) {
                throw new IllegalArgumentException("parties must be >= 1");
            }
            this.parties = parties;
            this.patience = patience;
            this.offers = new Offer[parties];
        }

        /**
         * Offers {@code own}; returns the best offer once all have come, or when waiting must stop: {@code own}
         * itself unless another is strictly better.
         */
        Offer meet(Offer own, BooleanSupplier stop) {
            long giveUp = System.nanoTime() + patience.toNanos();
            synchronized (this) {
                if (count == parties) {
                    return own;
                }
                offers[count++] = own;
                notifyAll();
                while (count < parties && !stop.getAsBoolean() && System.nanoTime() < giveUp) {
                    try {
                        wait(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                Offer best = own;
                for (int i = 0; i < count; i++) {
                    if (offers[i].nodeCount() == own.nodeCount()
                            && offers[i].nodes().length == own.nodes().length
                            && offers[i].score().compareTo(best.score()) > 0) {
                        best = offers[i];
                    }
                }
                return best;
            }
        }

        /** A run's answer: its score and, per workload, the index of its node (-1: unassigned). */
        record Offer(HardMediumSoftLongScore score, int[] nodes, int nodeCount) {}
    }
}
