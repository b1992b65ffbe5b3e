package dev.computeplan.roadef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact, from-scratch evaluation of a ROADEF 2012 solution, written straight from the challenge's definitions
 * and sharing no code with any solver, so it can referee them. Arithmetic is in long and overflow-checked:
 * a cost that does not fit in 64 bits throws {@link ArithmeticException} instead of being wrong.
 */
public final class RoadefScorer {

    private RoadefScorer() {}

    public static RoadefScore score(RoadefInstance in, int[] assignment) {
        List<RoadefViolation> violations = new ArrayList<>();
        if (!validAssignment(in, assignment, violations)) {
            return new RoadefScore(violations, 0, 0, 0, 0, 0);
        }
        int machines = in.machineCount();
        int resources = in.resourceCount();
        long[][] usage = new long[machines][resources];
        long[][] movedAway = new long[machines][resources];
        for (int p = 0; p < in.processCount(); p++) {
            int m = assignment[p];
            int initial = in.initialMachine(p);
            for (int r = 0; r < resources; r++) {
                usage[m][r] += in.requirement(p, r);
                if (m != initial) {
                    movedAway[initial][r] += in.requirement(p, r);
                }
            }
        }
        checkCapacity(in, usage, movedAway, violations);
        checkConflict(in, assignment, violations);
        checkSpread(in, assignment, violations);
        checkDependency(in, assignment, violations);
        return new RoadefScore(
                violations,
                loadCost(in, usage),
                balanceCost(in, usage),
                processMoveCost(in, assignment),
                serviceMoveCost(in, assignment),
                machineMoveCost(in, assignment));
    }

    private static boolean validAssignment(RoadefInstance in, int[] assignment, List<RoadefViolation> out) {
        if (assignment.length != in.processCount()) {
            out.add(new RoadefViolation(
                    RoadefViolation.Constraint.ASSIGNMENT,
                    "solution has " + assignment.length + " machines, the instance has " + in.processCount()
                            + " processes"));
            return false;
        }
        for (int p = 0; p < assignment.length; p++) {
            if (assignment[p] < 0 || assignment[p] >= in.machineCount()) {
                out.add(new RoadefViolation(
                        RoadefViolation.Constraint.ASSIGNMENT,
                        "process " + p + " is on machine " + assignment[p] + ", which does not exist"));
            }
        }
        return out.isEmpty();
    }

    // capacity: usage(m,r) <= capacity(m,r); transient r: usage(m,r) + requirements of processes moved away from m <=
    // capacity(m,r)
    private static void checkCapacity(
            RoadefInstance in, long[][] usage, long[][] movedAway, List<RoadefViolation> out) {
        for (int m = 0; m < in.machineCount(); m++) {
            for (int r = 0; r < in.resourceCount(); r++) {
                long capacity = in.capacity(m, r);
                if (usage[m][r] > capacity) {
                    out.add(new RoadefViolation(
                            RoadefViolation.Constraint.CAPACITY,
                            "machine " + m + " resource " + r + ": usage " + usage[m][r] + " exceeds capacity "
                                    + capacity));
                } else if (in.isTransient(r) && usage[m][r] + movedAway[m][r] > capacity) {
                    out.add(new RoadefViolation(
                            RoadefViolation.Constraint.TRANSIENT,
                            "machine " + m
                                    + " transient resource " + r + ": usage " + usage[m][r] + " plus " + movedAway[m][r]
                                    + " still held by processes moved away exceeds capacity " + capacity));
                }
            }
        }
    }

    // conflict: processes of one service are on pairwise distinct machines
    private static void checkConflict(RoadefInstance in, int[] assignment, List<RoadefViolation> out) {
        for (int s = 0; s < in.serviceCount(); s++) {
            Map<Integer, Integer> firstOnMachine = new HashMap<>();
            for (int i = 0; i < in.serviceSize(s); i++) {
                int p = in.processOfService(s, i);
                Integer other = firstOnMachine.putIfAbsent(assignment[p], p);
                if (other != null) {
                    out.add(new RoadefViolation(
                            RoadefViolation.Constraint.CONFLICT,
                            "service " + s + ": processes " + other + " and " + p + " are both on machine "
                                    + assignment[p]));
                }
            }
        }
    }

    // spread: |{location(machine(p)) : p in s}| >= spreadMin(s)
    private static void checkSpread(RoadefInstance in, int[] assignment, List<RoadefViolation> out) {
        for (int s = 0; s < in.serviceCount(); s++) {
            Set<Integer> locations = new HashSet<>();
            for (int i = 0; i < in.serviceSize(s); i++) {
                locations.add(in.location(assignment[in.processOfService(s, i)]));
            }
            if (locations.size() < in.spreadMin(s)) {
                out.add(new RoadefViolation(
                        RoadefViolation.Constraint.SPREAD,
                        "service " + s + " runs in " + locations.size() + " location(s), needs at least "
                                + in.spreadMin(s)));
            }
        }
    }

    // dependency: s depends on t => every neighborhood hosting a process of s hosts a process of t
    private static void checkDependency(RoadefInstance in, int[] assignment, List<RoadefViolation> out) {
        List<Set<Integer>> neighborhoods = new ArrayList<>();
        for (int s = 0; s < in.serviceCount(); s++) {
            Set<Integer> hosting = new HashSet<>();
            for (int i = 0; i < in.serviceSize(s); i++) {
                hosting.add(in.neighborhood(assignment[in.processOfService(s, i)]));
            }
            neighborhoods.add(hosting);
        }
        for (int s = 0; s < in.serviceCount(); s++) {
            for (int k = 0; k < in.dependsOnCount(s); k++) {
                int t = in.dependsOn(s, k);
                for (int n : neighborhoods.get(s)) {
                    if (!neighborhoods.get(t).contains(n)) {
                        out.add(new RoadefViolation(
                                RoadefViolation.Constraint.DEPENDENCY,
                                "service " + s + " runs in neighborhood " + n + " but service " + t
                                        + ", which it depends on, does not"));
                    }
                }
            }
        }
    }

    // load: sum_r weightLoadCost(r) * sum_m max(0, usage(m,r) - safetyCapacity(m,r))
    private static long loadCost(RoadefInstance in, long[][] usage) {
        long total = 0;
        for (int r = 0; r < in.resourceCount(); r++) {
            long over = 0;
            for (int m = 0; m < in.machineCount(); m++) {
                over = Math.addExact(over, Math.max(0, usage[m][r] - in.safetyCapacity(m, r)));
            }
            total = Math.addExact(total, Math.multiplyExact(in.loadCostWeight(r), over));
        }
        return total;
    }

    // balance: sum_b weight(b) * sum_m max(0, target(b) * avail(m,r1) - avail(m,r2)), avail = capacity - usage
    private static long balanceCost(RoadefInstance in, long[][] usage) {
        long total = 0;
        for (int b = 0; b < in.balanceCount(); b++) {
            int r1 = in.balanceResource1(b);
            int r2 = in.balanceResource2(b);
            long sum = 0;
            for (int m = 0; m < in.machineCount(); m++) {
                long avail1 = in.capacity(m, r1) - usage[m][r1];
                long avail2 = in.capacity(m, r2) - usage[m][r2];
                sum = Math.addExact(
                        sum, Math.max(0, Math.subtractExact(Math.multiplyExact(in.balanceTarget(b), avail1), avail2)));
            }
            total = Math.addExact(total, Math.multiplyExact(in.balanceWeight(b), sum));
        }
        return total;
    }

    // process move: weightProcessMoveCost * sum of processMoveCost(p) over moved processes
    private static long processMoveCost(RoadefInstance in, int[] assignment) {
        long sum = 0;
        for (int p = 0; p < in.processCount(); p++) {
            if (assignment[p] != in.initialMachine(p)) {
                sum = Math.addExact(sum, in.processMoveCost(p));
            }
        }
        return Math.multiplyExact(in.processMoveWeight(), sum);
    }

    // service move: weightServiceMoveCost * max over services of the number of its moved processes
    private static long serviceMoveCost(RoadefInstance in, int[] assignment) {
        long max = 0;
        for (int s = 0; s < in.serviceCount(); s++) {
            long moved = 0;
            for (int i = 0; i < in.serviceSize(s); i++) {
                int p = in.processOfService(s, i);
                if (assignment[p] != in.initialMachine(p)) {
                    moved++;
                }
            }
            max = Math.max(max, moved);
        }
        return Math.multiplyExact(in.serviceMoveWeight(), max);
    }

    // machine move: weightMachineMoveCost * sum_p moveCost(initial(p), machine(p))
    private static long machineMoveCost(RoadefInstance in, int[] assignment) {
        long sum = 0;
        for (int p = 0; p < in.processCount(); p++) {
            sum = Math.addExact(sum, in.machineMoveCost(in.initialMachine(p), assignment[p]));
        }
        return Math.multiplyExact(in.machineMoveWeight(), sum);
    }
}
