package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two racks of two 4-GPU nodes, each node running a 1-GPU notebook: a gang of two 4-GPU workers that must share a
 * rack fits nowhere until two notebooks leave one rack. The gang phase evicts them when the gang matters more;
 * the search then re-places them on the other rack.
 */
class GangEvictionTest {

    private static final long STEPS = 2_000;

    private final Resource cpu = new Resource(0, "cpu", false, 0);
    private final Rack r1 = new Rack("r1", 0);
    private final Rack r2 = new Rack("r2", 0);
    private final List<Node> nodes = List.of(node(0, "a", r1), node(1, "b", r1), node(2, "c", r2), node(3, "d", r2));
    private final Gang gang = new Gang("train", GangTopology.SAME_RACK);

    private static Node node(int index, String id, Rack rack) {
        return new Node(index, id, new long[] {64}, new long[] {64}, "z", "d")
                .withGpus(4, "A100")
                .withRack(rack);
    }

    private PlacementSolution solve(long notebookPriority, long gangPriority) {
        List<Workload> workloads = new ArrayList<>();
        for (Node n : nodes) {
            workloads.add(new Workload("nb-" + n.getId(), new long[] {1}, null, n, 10)
                    .withGpus(1, 0)
                    .withPriority(notebookPriority)
                    .withNode(n));
        }
        for (int i = 0; i < 2; i++) {
            workloads.add(new Workload("train-" + i, new long[] {8}, null, null, 0)
                    .withGpus(4, 0)
                    .withPriority(gangPriority)
                    .withGang(gang));
        }
        PlacementSolution problem = new PlacementSolution(
                List.of(cpu),
                nodes,
                List.of(r1, r2),
                List.of(),
                List.of(),
                List.of(gang),
                List.of(),
                List.of(),
                List.of(),
                workloads);
        return new PlacementSolver(PlacementSolverSettings.defaults())
                .solve(
                        problem,
                        SolverOptions.builder(Duration.ofMinutes(1))
                                .seed(PlacementSolverSettings.defaults().seed())
                                .stepLimit(STEPS)
                                .build(),
                        stop -> {},
                        best -> {});
    }

    @Test
    void aMoreImportantGangEvictsNotebooksWhichThenMoveToTheOtherRack() {
        PlacementSolution s = solve(1, 50);

        assertThat(s.getScore().hardScore()).isZero();
        List<Workload> members =
                s.getWorkloads().stream().filter(w -> w.getGang() != null).toList();
        assertThat(members).allMatch(Workload::isAssigned);
        assertThat(members.get(0).getNode().getRack())
                .isSameAs(members.get(1).getNode().getRack());
        // 8 free GPUs remain on the other rack: every notebook runs again
        assertThat(s.getWorkloads()).allMatch(Workload::isAssigned);
        assertThat(PlacementSolver.solutionManager().update(s)).isEqualTo(s.getScore());
    }

    @Test
    void aLessImportantGangEvictsNothing() {
        PlacementSolution s = solve(100, 50);

        assertThat(s.getWorkloads().stream().filter(w -> w.getGang() != null)).noneMatch(Workload::isAssigned);
        assertThat(s.getWorkloads().stream().filter(w -> w.getGang() == null)).allMatch(w -> !w.isMoved());
    }
}
