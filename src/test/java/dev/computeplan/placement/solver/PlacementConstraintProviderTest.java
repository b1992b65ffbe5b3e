package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.DisruptionBudget;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.SpareReserve;
import dev.computeplan.placement.domain.TopologySpread;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.justifications.AntiAffinityJustification;
import dev.computeplan.placement.solver.justifications.BalanceJustification;
import dev.computeplan.placement.solver.justifications.DependencyJustification;
import dev.computeplan.placement.solver.justifications.DisruptionBudgetJustification;
import dev.computeplan.placement.solver.justifications.EvictionJustification;
import dev.computeplan.placement.solver.justifications.FragmentationJustification;
import dev.computeplan.placement.solver.justifications.GangAllOrNothingJustification;
import dev.computeplan.placement.solver.justifications.GangTopologyJustification;
import dev.computeplan.placement.solver.justifications.GpuCapacityJustification;
import dev.computeplan.placement.solver.justifications.GpuClassBalanceJustification;
import dev.computeplan.placement.solver.justifications.GpuTypeJustification;
import dev.computeplan.placement.solver.justifications.LoadCostJustification;
import dev.computeplan.placement.solver.justifications.MachineMoveJustification;
import dev.computeplan.placement.solver.justifications.NodeCapacityJustification;
import dev.computeplan.placement.solver.justifications.NodeStateJustification;
import dev.computeplan.placement.solver.justifications.PowerDrawJustification;
import dev.computeplan.placement.solver.justifications.PreemptionJustification;
import dev.computeplan.placement.solver.justifications.PreferredGpuTypeJustification;
import dev.computeplan.placement.solver.justifications.ProcessMoveJustification;
import dev.computeplan.placement.solver.justifications.RackPowerJustification;
import dev.computeplan.placement.solver.justifications.ServiceMoveJustification;
import dev.computeplan.placement.solver.justifications.SpareReserveJustification;
import dev.computeplan.placement.solver.justifications.SpreadJustification;
import dev.computeplan.placement.solver.justifications.TopologySpreadJustification;
import dev.computeplan.placement.solver.justifications.TransientCapacityJustification;
import dev.computeplan.placement.solver.justifications.UnassignedJustification;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One test per constraint: a satisfied case, a violated case with the hand-computed amount, and its justification. */
class PlacementConstraintProviderTest {

    private static final Resource CPU = new Resource(0, "cpu", false, 10);
    private static final Resource MEM = new Resource(1, "mem", true, 0);

    private final ConstraintVerifier<PlacementConstraintProvider, PlacementSolution> verifier =
            ConstraintVerifier.build(new PlacementConstraintProvider(), PlacementSolution.class, Workload.class);

    private static Node node(String id, long cpu, long mem) {
        return new Node(0, id, new long[] {cpu, mem}, new long[] {cpu, mem}, "z1", "d1");
    }

    private static Node node(int index, String id, long cpu, long mem, String zone, String domain) {
        return new Node(index, id, new long[] {cpu, mem}, new long[] {cpu, mem}, zone, domain);
    }

    private static Workload workload(String id, long cpu, long mem, Node at) {
        return new Workload(id, new long[] {cpu, mem}, null, null, 0).withNode(at);
    }

    @Test
    void everyConstraintHasATest() {
        Set<String> tests = Arrays.stream(getClass().getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(tests).containsAll(PlacementConstraintProvider.NAMES);
        Set<String> constraintMethods = Stream.concat(
                        Arrays.stream(PlacementConstraintProvider.class.getDeclaredMethods()),
                        Arrays.stream(PlacementHardRules.class.getDeclaredMethods()))
                .filter(m -> m.getReturnType() == ai.timefold.solver.core.api.score.stream.Constraint.class)
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(constraintMethods).containsExactlyInAnyOrderElementsOf(PlacementConstraintProvider.NAMES);
    }

    @Test
    void nodeCapacity() {
        Node n1 = node("n1", 10, 100);
        Node n2 = node("n2", 10, 100);
        verifier.verifyThat(PlacementConstraintProvider::nodeCapacity)
                .given(CPU, MEM, n1, n2, workload("w1", 6, 10, n1), workload("w2", 7, 10, n2))
                .penalizesBy(0);
        // cpu on n1: 6 + 7 = 13 > 10, excess 3; mem 20 <= 100
        verifier.verifyThat(PlacementConstraintProvider::nodeCapacity)
                .given(CPU, MEM, n1, n2, workload("w1", 6, 10, n1), workload("w2", 7, 10, n1))
                .justifiesWithExactly(new NodeCapacityJustification(
                        "n1", "cpu", 13, 10, 3, "Node n1 needs 13 cpu but has 10 (3 over)"))
                .penalizesBy(3);
    }

    @Test
    void nodeCapacityLeavesTheGpuMirrorToTheGpuRule() {
        // resource 1 mirrors the node's GPU milli (2 GPUs = 2000); 3000 asked is the GPU rule's excess, not this one's
        Resource gpu = new Resource(1, "gpu", false, 0, true);
        Node g1 = node("g1", 10, 2000).withGpus(2, "V100");
        verifier.verifyThat(PlacementConstraintProvider::nodeCapacity)
                .given(
                        CPU,
                        gpu,
                        g1,
                        workload("w1", 4, 2000, g1).withGpus(2, 0),
                        workload("w2", 4, 1000, g1).withGpus(1, 0))
                .penalizesBy(0);
        verifier.verifyThat(PlacementConstraintProvider::nodeCapacity)
                .given(
                        CPU,
                        gpu,
                        g1,
                        workload("w1", 6, 2000, g1).withGpus(2, 0),
                        workload("w2", 6, 1000, g1).withGpus(1, 0))
                .penalizesBy(2);
    }

    @Test
    void transientCapacity() {
        Node n1 = node(0, "n1", 10, 100, "z1", "d1");
        Node n2 = node(1, "n2", 10, 100, "z1", "d1");
        Workload leaving = new Workload("w1", new long[] {1, 60}, null, n1, 0).withNode(n2);
        verifier.verifyThat(PlacementConstraintProvider::transientCapacity)
                .given(CPU, MEM, n1, n2, leaving, workload("w2", 1, 40, n1))
                .penalizesBy(0);
        // mem on n1: 50 in use + 60 still held by w1 = 110 > 100: 10 over (nodeCapacity alone sees 50, no excess)
        verifier.verifyThat(PlacementConstraintProvider::transientCapacity)
                .given(CPU, MEM, n1, n2, leaving, workload("w2", 1, 50, n1))
                .justifiesWithExactly(new TransientCapacityJustification(
                        "n1",
                        "mem",
                        50,
                        60,
                        100,
                        10,
                        "Node n1: 50 mem in use plus 60 still held by workloads moving away exceeds capacity 100"))
                .penalizesBy(10);
    }

    @Test
    void gpuCapacity() {
        Node g1 = node("g1", 100, 100).withGpus(2, "V100");
        Workload whole = workload("w1", 1, 1, g1).withGpus(1, 0);
        Workload share = workload("w2", 1, 1, g1).withGpus(0, 600);
        verifier.verifyThat(PlacementConstraintProvider::gpuCapacity)
                .given(g1, whole, share, workload("w3", 1, 1, g1).withGpus(0, 400))
                .penalizesBy(0);
        // GPU0 whole for w1, GPU1 takes 600 of w2; 600 of w3 fits on neither without splitting: 600 over.
        // demand = 1000 + 600 + 600 = 2200
        verifier.verifyThat(PlacementConstraintProvider::gpuCapacity)
                .given(g1, whole, share, workload("w3", 1, 1, g1).withGpus(0, 600))
                .justifiesWithExactly(
                        new GpuCapacityJustification(
                                "g1",
                                2,
                                2200,
                                600,
                                "Node g1 has 2 GPUs; 600 milli-GPU of its workloads' demand does not fit without splitting a GPU"))
                .penalizesBy(600);
        // Shares of 500, 400, 300, 300, 250 and 250 fill two GPUs exactly ({500, 250, 250} and {400, 300, 300}),
        // though first-fit-decreasing alone would leave one 250 out.
        Node g2 = node("g2", 100, 100).withGpus(2, "V100");
        int[] milli = {500, 400, 300, 300, 250, 250};
        Object[] facts = new Object[milli.length + 1];
        facts[0] = g2;
        for (int i = 0; i < milli.length; i++) {
            facts[i + 1] = workload("s" + i, 1, 1, g2).withGpus(0, milli[i]);
        }
        verifier.verifyThat(PlacementConstraintProvider::gpuCapacity)
                .given(facts)
                .penalizesBy(0);
    }

    @Test
    void gpuType() {
        Node v100 = node("v", 10, 10).withGpus(1, "V100");
        Node a100 = node("a", 10, 10).withGpus(1, "A100");
        Workload w = workload("w1", 1, 1, v100).withGpus(1, 0).withGpuTypes(Set.of("V100"), Set.of());
        verifier.verifyThat(PlacementConstraintProvider::gpuType)
                .given(v100, a100, w)
                .penalizesBy(0);
        w.setNode(a100);
        verifier.verifyThat(PlacementConstraintProvider::gpuType)
                .given(v100, a100, w)
                .justifiesWithExactly(new GpuTypeJustification(
                        "w1", "a", "A100", Set.of("V100"), "Workload w1 allows GPU types [V100] but node a has A100"))
                .penalizesBy(1);
        Node cpuOnly = node("c", 10, 10);
        w.setNode(cpuOnly);
        verifier.verifyThat(PlacementConstraintProvider::gpuType)
                .given(cpuOnly, w)
                .justifiesWithExactly(new GpuTypeJustification(
                        "w1", "c", null, Set.of("V100"), "Workload w1 allows GPU types [V100] but node c has no GPU"))
                .penalizesBy(1);
    }

    @Test
    void nodeState() {
        Node failed = node("f", 10, 10).withState(NodeState.FAILED);
        Node cordoned = node("c", 10, 10).withState(NodeState.CORDONED);
        Workload staying = new Workload("w1", new long[] {1, 1}, null, cordoned, 0).withNode(cordoned);
        verifier.verifyThat(PlacementConstraintProvider::nodeState)
                .given(failed, cordoned, staying)
                .penalizesBy(0);
        // one workload on the failed node (1) + one newly on the cordoned node (1) = 2
        verifier.verifyThat(PlacementConstraintProvider::nodeState)
                .given(failed, cordoned, staying, workload("w2", 1, 1, failed), workload("w3", 1, 1, cordoned))
                .justifiesWithExactly(
                        new NodeStateJustification("w2", "f", "FAILED", "Workload w2 is on node f, which is failed"),
                        new NodeStateJustification(
                                "w3", "c", "CORDONED", "Workload w3 is on node c, which is cordoned"))
                .penalizesBy(2);
    }

    @Test
    void serviceAntiAffinity() {
        Service s = new Service("s", true, 0);
        Node n1 = node("n1", 10, 10);
        Node n2 = node("n2", 10, 10);
        Workload a = new Workload("a", new long[] {1, 1}, s, null, 0).withNode(n1);
        Workload b = new Workload("b", new long[] {1, 1}, s, null, 0).withNode(n2);
        Workload c = new Workload("c", new long[] {1, 1}, s, null, 0).withNode(n2);
        verifier.verifyThat(PlacementConstraintProvider::serviceAntiAffinity)
                .given(s, n1, n2, a, b)
                .penalizesBy(0);
        // b and c share n2: one pair
        verifier.verifyThat(PlacementConstraintProvider::serviceAntiAffinity)
                .given(s, n1, n2, a, b, c)
                .justifiesWithExactly(new AntiAffinityJustification(
                        "s", "b", "c", "n2", "Workloads b and c of service s share node n2"))
                .penalizesBy(1);
    }

    @Test
    void serviceSpread() {
        Service s = new Service("s", false, 2);
        Node za = node(0, "a", 10, 10, "za", "d");
        Node za2 = node(1, "a2", 10, 10, "za", "d");
        Node zb = node(2, "b", 10, 10, "zb", "d");
        Workload w1 = new Workload("w1", new long[] {1, 1}, s, null, 0).withNode(za);
        verifier.verifyThat(PlacementConstraintProvider::serviceSpread)
                .given(s, za, zb, w1, new Workload("w2", new long[] {1, 1}, s, null, 0).withNode(zb))
                .penalizesBy(0);
        // a single placed replica needs min(2, 1) = 1 zone: satisfied, so replicas can be placed one at a time
        verifier.verifyThat(PlacementConstraintProvider::serviceSpread)
                .given(s, za, zb, w1, new Workload("w2", new long[] {1, 1}, s, null, 0))
                .penalizesBy(0);
        // both placed in zone za: 1 zone, needs min(2, 2) = 2: shortfall 1
        verifier.verifyThat(PlacementConstraintProvider::serviceSpread)
                .given(s, za, za2, w1, new Workload("w2", new long[] {1, 1}, s, null, 0).withNode(za2))
                .justifiesWithExactly(
                        new SpreadJustification("s", 1, 2, 1, "Service s runs in 1 zones, needs at least 2"))
                .penalizesBy(1);
    }

    @Test
    void serviceDependency() {
        Service s = new Service("s", false, 0);
        Service t = new Service("t", false, 0);
        ServiceDependency dep = new ServiceDependency(s, t);
        Node d1 = node(0, "n1", 10, 10, "z", "d1");
        Node d1b = node(1, "n1b", 10, 10, "z", "d1");
        Node d2 = node(2, "n2", 10, 10, "z", "d2");
        Workload ws = new Workload("ws", new long[] {1, 1}, s, null, 0).withNode(d1);
        verifier.verifyThat(PlacementConstraintProvider::serviceDependency)
                .given(dep, d1, d1b, d2, ws, new Workload("wt", new long[] {1, 1}, t, null, 0).withNode(d1b))
                .penalizesBy(0);
        // s in domain d1, t only in d2: one (dependency, domain) pair
        verifier.verifyThat(PlacementConstraintProvider::serviceDependency)
                .given(dep, d1, d1b, d2, ws, new Workload("wt", new long[] {1, 1}, t, null, 0).withNode(d2))
                .justifiesWithExactly(new DependencyJustification(
                        "s", "t", "d1", "Network domain d1 hosts service s but not t, which it depends on"))
                .penalizesBy(1);
    }

    @Test
    void gangAllOrNothing() {
        Gang g = new Gang("g", GangTopology.ANY);
        Node n1 = node("n1", 10, 10);
        Workload m1 = workload("m1", 1, 1, n1).withGang(g);
        Workload m2 = workload("m2", 1, 1, n1).withGang(g);
        Workload m3 = workload("m3", 1, 1, null).withGang(g);
        verifier.verifyThat(PlacementConstraintProvider::gangAllOrNothing)
                .given(
                        g,
                        n1,
                        workload("a", 1, 1, null).withGang(g),
                        workload("b", 1, 1, null).withGang(g))
                .penalizesBy(0);
        // 2 of 3 placed: 1 missing
        verifier.verifyThat(PlacementConstraintProvider::gangAllOrNothing)
                .given(g, n1, m1, m2, m3)
                .justifiesWithExactly(
                        new GangAllOrNothingJustification("g", 2, 3, 1, "Gang g has 2 of 3 members placed"))
                .penalizesBy(1);
    }

    @Test
    void gangTopology() {
        Gang g = new Gang("g", GangTopology.SAME_RACK);
        Rack r1 = new Rack("r1", 0);
        Rack r2 = new Rack("r2", 0);
        Node a = node("a", 10, 10).withRack(r1);
        Node b = node("b", 10, 10).withRack(r1);
        Node c = node("c", 10, 10).withRack(r2);
        Workload m1 = workload("m1", 1, 1, a).withGang(g);
        verifier.verifyThat(PlacementConstraintProvider::gangTopology)
                .given(g, a, b, c, m1, workload("m2", 1, 1, b).withGang(g))
                .penalizesBy(0);
        // racks r1 and r2: 2 racks, 1 too many
        verifier.verifyThat(PlacementConstraintProvider::gangTopology)
                .given(g, a, b, c, m1, workload("m2", 1, 1, c).withGang(g))
                .justifiesWithExactly(
                        new GangTopologyJustification("g", "SAME_RACK", 2, "Gang g must be in one rack but spans 2"))
                .penalizesBy(1);
    }

    @Test
    void rackPowerCap() {
        Rack rack = new Rack("r", 1500);
        Node n1 = node("n1", 10, 10).withRack(rack).withIdlePowerWatts(300);
        Node idle = node(1, "n2", 10, 10, "z1", "d1").withRack(rack).withIdlePowerWatts(300);
        Workload w1 = workload("w1", 1, 1, n1).withPowerWatts(400);
        verifier.verifyThat(PlacementConstraintProvider::rackPowerCap)
                .given(rack, n1, idle, w1, workload("w2", 1, 1, n1).withPowerWatts(300))
                .penalizesBy(0);
        // n1: 300 idle + 400 + 500 = 1200; n2 is idle but powered: 300; cap 1500: 0 W left, then 200 over
        verifier.verifyThat(PlacementConstraintProvider::rackPowerCap)
                .given(rack, n1, idle, w1, workload("w2", 1, 1, n1).withPowerWatts(700))
                .justifiesWithExactly(
                        new RackPowerJustification("r", 1700, 1500, 200, "Rack r draws 1700 W, cap 1500 W"))
                .penalizesBy(200);
    }

    @Test
    void rackPowerCapLeavesOutIdleNodesThatArePoweredOffOrFailed() {
        Rack rack = new Rack("r", 1000);
        Node n1 = node("n1", 10, 10).withRack(rack).withIdlePowerWatts(300);
        Node sleeps = node(1, "n2", 10, 10, "z1", "d1")
                .withRack(rack)
                .withIdlePowerWatts(300)
                .withPowerOffWhenIdle(true);
        Node failed = node(2, "n3", 10, 10, "z1", "d1")
                .withRack(rack)
                .withIdlePowerWatts(300)
                .withState(NodeState.FAILED);
        // n1: 300 + 900 = 1200; the idle n2 is off, the failed n3 down: 200 over
        verifier.verifyThat(PlacementConstraintProvider::rackPowerCap)
                .given(rack, n1, sleeps, failed, workload("w", 1, 1, n1).withPowerWatts(900))
                .justifiesWithExactly(
                        new RackPowerJustification("r", 1200, 1000, 200, "Rack r draws 1200 W, cap 1000 W"))
                .penalizesBy(200);
        // once n2 runs something it is powered and draws its idle power too: 1200 + 300 + 100
        verifier.verifyThat(PlacementConstraintProvider::rackPowerCap)
                .given(
                        rack,
                        n1,
                        sleeps,
                        failed,
                        workload("w", 1, 1, n1).withPowerWatts(900),
                        workload("v", 1, 1, sleeps).withPowerWatts(100))
                .penalizesBy(600);
    }

    @Test
    void spareReserve() {
        Node g4 = node("g", 10, 10).withGpus(4, "A100");
        Node empty = new Node(1, "e", new long[] {10, 10}, new long[] {10, 10}, "z2", "d1").withGpus(4, "A100");
        SpareReserve reserve = new SpareReserve("z1", 2);
        verifier.verifyThat(PlacementConstraintProvider::spareReserve)
                .given(reserve, g4, empty, workload("w", 1, 1, g4).withGpus(2, 0))
                .penalizesBy(0);
        // zone z1: 4 GPUs, 3 used, 1 free; reserve 2: shortfall 1 (zone z2's free GPUs do not count)
        verifier.verifyThat(PlacementConstraintProvider::spareReserve)
                .given(reserve, g4, empty, workload("w", 1, 1, g4).withGpus(3, 0))
                .justifiesWithExactly(
                        new SpareReserveJustification("z1", 1, 2, 1, "Zone z1 keeps 1 free GPUs, reserve is 2"))
                .penalizesBy(1);
    }

    @Test
    void spareReserveOfAZoneWhoseGpuNodesFailedIsShortByTheWholeReserve() {
        Node failed = node("g", 10, 10).withGpus(4, "A100").withState(NodeState.FAILED);
        Node cpuOnly = node(1, "c", 10, 10, "z1", "d1");
        verifier.verifyThat(PlacementConstraintProvider::spareReserve)
                .given(new SpareReserve("z1", 2), failed, cpuOnly)
                .justifiesWithExactly(
                        new SpareReserveJustification("z1", 0, 2, 2, "Zone z1 keeps 0 free GPUs, reserve is 2"))
                .penalizesBy(2);
    }

    @Test
    void unassignedWorkload() {
        Node n1 = node("n1", 10, 10);
        verifier.verifyThat(PlacementConstraintProvider::unassignedWorkload)
                .given(n1, workload("w1", 1, 1, n1).withPriority(5))
                .penalizesBy(0);
        // priority 5 pending
        verifier.verifyThat(PlacementConstraintProvider::unassignedWorkload)
                .given(n1, workload("w1", 1, 1, null).withPriority(5))
                .justifiesWithExactly(new UnassignedJustification("w1", 5, null, "Workload w1 (priority 5) is pending"))
                .penalizesBy(5);
    }

    @Test
    void processMove() {
        Node n1 = node(0, "n1", 10, 10, "z", "d");
        Node n2 = node(1, "n2", 10, 10, "z", "d");
        Workload w = new Workload("w", new long[] {1, 1}, null, n1, 7).withNode(n1);
        verifier.verifyThat(PlacementConstraintProvider::processMove)
                .given(n1, n2, w)
                .penalizesBy(0);
        w.setNode(n2);
        // move cost 7
        verifier.verifyThat(PlacementConstraintProvider::processMove)
                .given(n1, n2, w)
                .justifiesWithExactly(
                        new ProcessMoveJustification("w", "n1", "n2", 7, "Workload w moves from n1 to n2 (cost 7)"))
                .penalizesBy(7);
    }

    @Test
    void serviceMove() {
        Service a = new Service("a", false, 0);
        Service b = new Service("b", false, 0);
        Node n1 = node(0, "n1", 10, 10, "z", "d");
        Node n2 = node(1, "n2", 10, 10, "z", "d");
        Workload a1 = new Workload("a1", new long[] {1, 1}, a, n1, 1).withNode(n2);
        Workload a2 = new Workload("a2", new long[] {1, 1}, a, n1, 1).withNode(n2);
        Workload b1 = new Workload("b1", new long[] {1, 1}, b, n1, 1).withNode(n2);
        verifier.verifyThat(PlacementConstraintProvider::serviceMove)
                .given(a, b, n1, n2, new Workload("a1", new long[] {1, 1}, a, n1, 1).withNode(n1))
                .penalizesBy(0);
        // service a moved 2, b moved 1: max = 2
        verifier.verifyThat(PlacementConstraintProvider::serviceMove)
                .given(a, b, n1, n2, a1, a2, b1)
                .justifiesWithExactly(
                        new ServiceMoveJustification("a", 2, "Service a has the most migrated workloads: 2"))
                .penalizesBy(2);
    }

    @Test
    void machineMove() {
        Node n1 = node(0, "n1", 10, 10, "z", "d").withMoveCosts(new long[] {0, 4});
        Node n2 = node(1, "n2", 10, 10, "z", "d").withMoveCosts(new long[] {4, 0});
        Workload w = new Workload("w", new long[] {1, 1}, null, n1, 0).withNode(n1);
        verifier.verifyThat(PlacementConstraintProvider::machineMove)
                .given(n1, n2, w)
                .penalizesBy(0);
        w.setNode(n2);
        // moveCost[n1][n2] = 4
        verifier.verifyThat(PlacementConstraintProvider::machineMove)
                .given(n1, n2, w)
                .justifiesWithExactly(
                        new MachineMoveJustification("w", "n1", "n2", 4, "Moving w from n1 to n2 costs 4"))
                .penalizesBy(4);
    }

    @Test
    void loadCost() {
        Node n1 = new Node(0, "n1", new long[] {10, 100}, new long[] {5, 50}, "z", "d");
        verifier.verifyThat(PlacementConstraintProvider::loadCost)
                .given(CPU, MEM, n1, workload("w", 5, 90, n1))
                .penalizesBy(0); // cpu at safety; mem has load weight 0
        // cpu 8 - safety 5 = 3, weight 10: 30
        verifier.verifyThat(PlacementConstraintProvider::loadCost)
                .given(CPU, MEM, n1, workload("w", 8, 90, n1))
                .justifiesWithExactly(new LoadCostJustification(
                        "n1", "cpu", 8, 5, 3, 10, "Node n1 uses 8 cpu, 3 above its safety capacity 5"))
                .penalizesBy(30);
    }

    @Test
    void balanceCost() {
        BalanceObjective b = new BalanceObjective("b0", CPU, MEM, 2, 3);
        Node n1 = node(0, "n1", 10, 100, "z", "d");
        Node roomy = node(1, "n2", 10, 100, "z", "d");
        Node tight = node(2, "n3", 10, 15, "z", "d");
        verifier.verifyThat(PlacementConstraintProvider::balanceCost)
                .given(b, n1, roomy, workload("w", 0, 50, n1))
                .penalizesBy(0); // n1: 2*10 - 50 < 0; n2 empty: 2*10 - 100 < 0
        // n1: 2*10 - 10 = 10; empty n3: 2*10 - 15 = 5; empty n2: 0. (10 + 5) * weight 3 = 45
        verifier.verifyThat(PlacementConstraintProvider::balanceCost)
                .given(b, n1, roomy, tight, workload("w", 0, 90, n1))
                .justifiesWithExactly(
                        new BalanceJustification(
                                "n1", "b0", 10, 10, 2, 10, 3, "Node n1: 2 x free cpu (10) exceeds free mem (10) by 10"),
                        new BalanceJustification(
                                "n3", "b0", 10, 15, 2, 5, 3, "Node n3: 2 x free cpu (10) exceeds free mem (15) by 5"))
                .penalizesBy(45);
    }

    @Test
    void fragmentation() {
        Node g = node("g", 10, 10).withGpus(2, "V100");
        FragmentationProbe half = new FragmentationProbe("half", new long[] {0, 0}, 0, 500, 2);
        FragmentationProbe two = new FragmentationProbe("two", new long[] {0, 0}, 2, 0, 1);
        verifier.verifyThat(PlacementConstraintProvider::fragmentation)
                .given(g, half, two, workload("w", 1, 1, g).withGpus(2, 0))
                .penalizesBy(0); // no free GPU left
        // w takes 700 of GPU0: free 300 + 1000. Probe half (500): GPU0's 300 unusable, x2 = 600.
        // Probe two (2 whole GPUs): only 1 whole free, nothing fits: all 1300 free, x1 = 1300. Total 1900.
        verifier.verifyThat(PlacementConstraintProvider::fragmentation)
                .given(g, half, two, workload("w", 1, 1, g).withGpus(0, 700))
                .justifiesWithExactly(
                        new FragmentationJustification(
                                "g", "half", 300, 2, "Node g: 300 milli-GPU free that shape half could not use"),
                        new FragmentationJustification(
                                "g", "two", 1300, 1, "Node g: 1300 milli-GPU free that shape two could not use"))
                .penalizesBy(1900);
    }

    @Test
    void fragmentationOfATypedShapeCountsOnlyOnNodesOfItsTypes() {
        Node v = node("v", 10, 10).withGpus(2, "V100");
        Node t = node("t", 10, 10).withGpus(2, "T4");
        FragmentationProbe t4Half = new FragmentationProbe("t4-half", new long[] {0, 0}, 0, 500, 2, Set.of("T4"));
        // Both nodes have 700 of GPU0 used: 300 there is too little for a 500 share. Only the T4 node counts it.
        verifier.verifyThat(PlacementConstraintProvider::fragmentation)
                .given(
                        v,
                        t,
                        t4Half,
                        workload("wv", 1, 1, v).withGpus(0, 700),
                        workload("wt", 1, 1, t).withGpus(0, 700))
                .justifiesWithExactly(new FragmentationJustification(
                        "t", "t4-half", 300, 2, "Node t: 300 milli-GPU free that shape t4-half could not use"))
                .penalizesBy(600);
    }

    @Test
    void preferredGpuType() {
        Node v = node("v", 10, 10).withGpus(1, "V100");
        Node a = node("a", 10, 10).withGpus(1, "A100");
        Workload w = workload("w", 1, 1, a).withGpus(1, 0).withGpuTypes(Set.of(), Set.of("A100"));
        verifier.verifyThat(PlacementConstraintProvider::preferredGpuType)
                .given(v, a, w)
                .penalizesBy(0);
        w.setNode(v);
        verifier.verifyThat(PlacementConstraintProvider::preferredGpuType)
                .given(v, a, w)
                .justifiesWithExactly(new PreferredGpuTypeJustification(
                        "w", "v", "V100", Set.of("A100"), "Workload w prefers GPU types [A100], node v has V100"))
                .penalizesBy(1);
    }

    @Test
    void powerDraw() {
        Node n1 = node("n1", 10, 10).withIdlePowerWatts(100);
        Node sleeps = node(1, "n2", 10, 10, "z1", "d1").withIdlePowerWatts(100).withPowerOffWhenIdle(true);
        Node idle = node(2, "n3", 10, 10, "z1", "d1").withIdlePowerWatts(40);
        verifier.verifyThat(PlacementConstraintProvider::powerDraw)
                .given(n1, sleeps)
                .penalizesBy(100);
        // n1: 100 idle + 250 = 350; n2 is idle and powered off: 0; n3 is idle and powered: 40
        verifier.verifyThat(PlacementConstraintProvider::powerDraw)
                .given(n1, sleeps, idle, workload("w", 1, 1, n1).withPowerWatts(250))
                .justifiesWithExactly(
                        new PowerDrawJustification("n1", 350, "Node n1 draws about 350 W"),
                        new PowerDrawJustification("n3", 40, "Node n3 draws about 40 W"))
                .penalizesBy(390);
    }

    @Test
    void gpuClassBalance() {
        Node a1 = node(0, "a1", 10, 10, "z1", "d1").withGpus(2, "T4");
        Node a2 = node(1, "a2", 10, 10, "z1", "d1").withGpus(2, "T4");
        Node b = node(2, "b", 10, 10, "z1", "d1").withGpus(8, "G2");
        FragmentationProbe one = new FragmentationProbe("one", new long[] {0, 0}, 1, 0, 3);
        FragmentationProbe half = new FragmentationProbe("half", new long[] {0, 0}, 0, 500, 2);
        // No probe, no fragmentation unit: nothing to weigh.
        verifier.verifyThat(PlacementConstraintProvider::gpuClassBalance)
                .given(a1, a2, b, workload("w", 1, 1, a1).withGpus(1, 0))
                .penalizesBy(0);
        // CPU-only workloads use no GPU class.
        verifier.verifyThat(PlacementConstraintProvider::gpuClassBalance)
                .given(a1, a2, b, one, workload("w", 1, 1, a1))
                .penalizesBy(0);
        // P = 3 + 2 = 5. Class 2xT4: capacity 4000, used 1000 + 500 = 1500: 5 x 1500^2 / 4000 = 2812.5 -> 2812.
        // Class 8xG2: capacity 8000, used 2000: 5 x 2000^2 / 8000 = 2500. Total 5312.
        verifier.verifyThat(PlacementConstraintProvider::gpuClassBalance)
                .given(
                        a1,
                        a2,
                        b,
                        one,
                        half,
                        workload("w1", 1, 1, a1).withGpus(1, 0),
                        workload("w2", 1, 1, a2).withGpus(0, 500),
                        workload("w3", 1, 1, b).withGpus(2, 0))
                .justifiesWithExactly(
                        new GpuClassBalanceJustification(
                                "2xT4", 1500, 4000, 5, 2812, "GPU class 2xT4 uses 1500 of 4000 milli-GPU (37%)"),
                        new GpuClassBalanceJustification(
                                "8xG2", 2000, 8000, 5, 2500, "GPU class 8xG2 uses 2000 of 8000 milli-GPU (25%)"))
                .penalizesBy(5312);
    }

    @Test
    void gpuClassBalanceWeighsEachClassByTheShapesThatMayRunOnIt() {
        Node a = node(0, "a", 10, 10, "z1", "d1").withGpus(2, "T4");
        Node b = node(1, "b", 10, 10, "z1", "d1").withGpus(8, "G2");
        Node c = node(2, "c", 10, 10, "z1", "d1").withGpus(4, "P100");
        FragmentationProbe any = new FragmentationProbe("any", new long[] {0, 0}, 1, 0, 3);
        FragmentationProbe t4 = new FragmentationProbe("t4", new long[] {0, 0}, 0, 500, 2, Set.of("T4"));
        FragmentationProbe p100 = new FragmentationProbe("p100", new long[] {0, 0}, 1, 0, 4, Set.of("P100", "V100"));
        // 2xT4: P = 3 + 2 = 5, 5 x 1000^2 / 2000 = 2500. 8xG2: P = 3, 3 x 2000^2 / 8000 = 1500.
        // 4xP100: P = 3 + 4 = 7, 7 x 1000^2 / 4000 = 1750. Total 5750.
        verifier.verifyThat(PlacementConstraintProvider::gpuClassBalance)
                .given(
                        a,
                        b,
                        c,
                        any,
                        t4,
                        p100,
                        workload("w1", 1, 1, a).withGpus(1, 0),
                        workload("w2", 1, 1, b).withGpus(2, 0),
                        workload("w3", 1, 1, c).withGpus(1, 0))
                .justifiesWithExactly(
                        new GpuClassBalanceJustification(
                                "2xT4", 1000, 2000, 5, 2500, "GPU class 2xT4 uses 1000 of 2000 milli-GPU (50%)"),
                        new GpuClassBalanceJustification(
                                "8xG2", 2000, 8000, 3, 1500, "GPU class 8xG2 uses 2000 of 8000 milli-GPU (25%)"),
                        new GpuClassBalanceJustification(
                                "4xP100", 1000, 4000, 7, 1750, "GPU class 4xP100 uses 1000 of 4000 milli-GPU (25%)"))
                .penalizesBy(5750);
    }

    @Test
    void preemption() {
        Node n1 = node(0, "n1", 10, 10, "z", "d");
        Node n2 = node(1, "n2", 10, 10, "z", "d");
        Workload victim = new Workload("v", new long[] {8, 1}, null, n1, 1).withPriority(5);
        Workload same = workload("p", 8, 1, n1).withPriority(5);
        Workload higher = workload("h", 8, 1, n1).withPriority(6);
        // a priority-5 arrival cannot evict a running priority 5
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(n1, n2, victim, same)
                .justifiesWithExactly(new PreemptionJustification(
                        "Workload v",
                        1,
                        "Workload v is evicted (1 workloads) though no higher-priority workload takes its place"))
                .penalizesBy(1);
        // a priority-6 arrival may
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(n1, n2, victim, higher)
                .penalizesBy(0);
        // unless its policy is Never, or it arrives on another node
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(n1, n2, victim, workload("h", 8, 1, n1).withPriority(6).withPreempts(false))
                .penalizesBy(1);
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(n1, n2, victim, workload("h", 8, 1, n2).withPriority(6))
                .penalizesBy(1);
        // a gang goes as a whole: members on n1 and n2, a priority-6 arrival on n1 justifies both evictions
        Gang g = new Gang("g", GangTopology.ANY);
        Workload g1 = new Workload("g1", new long[] {8, 1}, null, n1, 1)
                .withPriority(5)
                .withGang(g);
        Workload g2 = new Workload("g2", new long[] {8, 1}, null, n2, 1)
                .withPriority(5)
                .withGang(g);
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(n1, n2, g1, g2, higher)
                .penalizesBy(0);
        // with no arrival both evicted members count: 2
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(n1, n2, g1, g2)
                .penalizesBy(2);
        // a draining or failed node's workloads may be left pending without a preemptor
        Node draining = node(2, "n3", 10, 10, "z", "d").withState(NodeState.DRAINING);
        verifier.verifyThat(PlacementConstraintProvider::preemption)
                .given(draining, new Workload("d", new long[] {1, 1}, null, draining, 1))
                .penalizesBy(0);
    }

    @Test
    void disruptionBudget() {
        Node n1 = node(0, "n1", 10, 10, "z", "d");
        Node n2 = node(1, "n2", 10, 10, "z", "d");
        DisruptionBudget pdb = new DisruptionBudget("pdb", 1);
        Workload a = new Workload("a", new long[] {1, 1}, null, n1, 1).withBudgets(List.of(pdb));
        Workload b = new Workload("b", new long[] {1, 1}, null, n1, 1).withBudgets(List.of(pdb));
        Workload c = new Workload("c", new long[] {1, 1}, null, n1, 1).withBudgets(List.of(pdb));
        a.setNode(n2); // moved
        b.setNode(n1); // stays
        verifier.verifyThat(PlacementConstraintProvider::disruptionBudget)
                .given(n1, n2, a, b, c.withNode(n1))
                .penalizesBy(0);
        // a moved and c evicted: 2 disruptions, 1 allowed
        Workload evicted = new Workload("c", new long[] {1, 1}, null, n1, 1).withBudgets(List.of(pdb));
        verifier.verifyThat(PlacementConstraintProvider::disruptionBudget)
                .given(n1, n2, a, b, evicted)
                .justifiesWithExactly(new DisruptionBudgetJustification(
                        "pdb", 2, 1, 1, "Disruption budget pdb allows 1 disruptions, the plan makes 2"))
                .penalizesBy(1);
    }

    private static TopologySpread spread(Service s, boolean hard, int[] domainByNode, int domains) {
        return new TopologySpread(s.id() + "/rack", s, "rack", 1, hard, domainByNode, domains);
    }

    @Test
    void topologySpread() {
        Service s = new Service("s", false, 0);
        Node a = node(0, "a", 10, 10, "z", "d");
        Node b = node(1, "b", 10, 10, "z", "d");
        Node c = node(2, "c", 10, 10, "z", "d");
        // racks: a in r0, b in r1, c has no rack label (no domain)
        TopologySpread rack = spread(s, true, new int[] {0, 1, -1}, 2);
        verifier.verifyThat(PlacementConstraintProvider::topologySpread)
                .given(s, a, b, c, rack, sw("w1", s, a), sw("w2", s, b), sw("w3", s, a))
                .penalizesBy(0);
        // 3 in r0, 0 in r1: skew 3, maxSkew 1 -> excess 3 - 0 - 1 = 2; one on c outside every domain: + 1
        verifier.verifyThat(PlacementConstraintProvider::topologySpread)
                .given(s, a, b, c, rack, sw("w1", s, a), sw("w2", s, a), sw("w3", s, a), sw("w4", s, c))
                .justifiesWithExactly(new TopologySpreadJustification(
                        "s/rack",
                        "s",
                        "rack",
                        1,
                        3,
                        "Service s is spread over rack with more than the allowed skew 1 (3 over)"))
                .penalizesBy(3);
        // a ScheduleAnyway spread is not this rule's
        verifier.verifyThat(PlacementConstraintProvider::topologySpread)
                .given(s, a, b, c, spread(s, false, new int[] {0, 1, -1}, 2), sw("w1", s, a), sw("w2", s, a))
                .penalizesBy(0);
    }

    @Test
    void topologySpreadSoft() {
        Service s = new Service("s", false, 0);
        Node a = node(0, "a", 10, 10, "z", "d");
        Node b = node(1, "b", 10, 10, "z", "d");
        TopologySpread rack = spread(s, false, new int[] {0, 1}, 2);
        verifier.verifyThat(PlacementConstraintProvider::topologySpreadSoft)
                .given(s, a, b, rack, sw("w1", s, a), sw("w2", s, b))
                .penalizesBy(0);
        // 2 in r0, 0 in r1: 2 - 0 - 1 = 1
        verifier.verifyThat(PlacementConstraintProvider::topologySpreadSoft)
                .given(s, a, b, rack, sw("w1", s, a), sw("w2", s, a))
                .penalizesBy(1);
    }

    private static Workload sw(String id, Service s, Node at) {
        return new Workload(id, new long[] {1, 1}, s, null, 0).withNode(at);
    }

    @Test
    void eviction() {
        Node n1 = node(0, "n1", 10, 10, "z", "d");
        Node failed = node(1, "n2", 10, 10, "z", "d").withState(NodeState.FAILED);
        verifier.verifyThat(PlacementConstraintProvider::eviction)
                .given(n1, new Workload("w", new long[] {1, 1}, null, n1, 7).withNode(n1))
                .penalizesBy(0);
        // move cost 7: eviction 2 x 7 + 1 = 15 (more than the move); a workload of a failed node is lost, not evicted
        verifier.verifyThat(PlacementConstraintProvider::eviction)
                .given(
                        n1,
                        failed,
                        new Workload("w", new long[] {1, 1}, null, n1, 7),
                        new Workload("x", new long[] {1, 1}, null, failed, 7))
                .justifiesWithExactly(
                        new EvictionJustification("w", "n1", 15, "Workload w is evicted from n1 (cost 15)"))
                .penalizesBy(15);
    }

    @Test
    void unassignedWorkloadCostsItsPendingWeight() {
        Node n1 = node("n1", 10, 10);
        // the mapper gives a lexicographic weight; the rule charges it, not the priority
        verifier.verifyThat(PlacementConstraintProvider::unassignedWorkload)
                .given(n1, workload("w1", 1, 1, null).withPriority(3).withPendingWeight(41))
                .penalizesBy(41);
    }
}
