package dev.computeplan.roadef;

/**
 * A complete assignment plus everything needed to evaluate a shift or swap in O(R + B) and keep the cost exact:
 * per-machine usage and transient hold, per-service location and neighborhood counts, a service x machine
 * occupancy bitset, and the moved-process histogram that keeps the service move maximum O(1).
 * The state is only ever left in a feasible assignment: {@link #tryShift} and {@link #trySwap} undo
 * a move that breaks a hard constraint.
 */
final class RoadefSearchState {

    private final RoadefInstance in;
    private final int processes;
    private final int machines;
    private final int resources;
    private final int balances;
    private final int locations;
    private final int neighborhoods;

    private final int[] assign;
    private final int[] initial;
    private final int[] service;
    private final long[] req; // [p * R + r]
    private final long[] capacity; // [m * R + r]
    private final long[] safety; // [m * R + r]
    private final boolean[] transientResource;
    private final long[] usage; // [m * R + r]
    private final long[]
            movedAway; // [m * R + r]: requirements of processes whose initial machine is m but now run elsewhere
    private final long[] machineCost; // load + balance cost of machine m
    private long machineCostSum;
    private long processMoveSum; // sum of processMoveCost over moved processes, unweighted
    private long machineMoveSum; // sum of moveCost(initial, current), unweighted
    private final int[] movedInService;
    private final int[] servicesWithMoved; // how many services have exactly k moved processes
    private int maxMoved;
    private final long[] occupied; // bit (s * M + m): service s has a process on machine m
    private final int[] locationCount; // [s * L + l]
    private final int[] distinctLocations;
    private final int[] neighborhoodCount; // [s * N + n]

    RoadefSearchState(RoadefInstance in, int[] start) {
        this.in = in;
        processes = in.processCount();
        machines = in.machineCount();
        resources = in.resourceCount();
        balances = in.balanceCount();
        locations = in.locationCount();
        neighborhoods = in.neighborhoodCount();
        int services = in.serviceCount();
        assign = new int[processes];
        initial = in.initialAssignment();
        service = new int[processes];
        req = new long[processes * resources];
        for (int p = 0; p < processes; p++) {
            service[p] = in.service(p);
            for (int r = 0; r < resources; r++) {
                req[p * resources + r] = in.requirement(p, r);
            }
        }
        capacity = new long[machines * resources];
        safety = new long[machines * resources];
        for (int m = 0; m < machines; m++) {
            for (int r = 0; r < resources; r++) {
                capacity[m * resources + r] = in.capacity(m, r);
                safety[m * resources + r] = in.safetyCapacity(m, r);
            }
        }
        transientResource = new boolean[resources];
        for (int r = 0; r < resources; r++) {
            transientResource[r] = in.isTransient(r);
        }
        usage = new long[machines * resources];
        movedAway = new long[machines * resources];
        machineCost = new long[machines];
        movedInService = new int[services];
        int largestService = 0;
        for (int s = 0; s < services; s++) {
            largestService = Math.max(largestService, in.serviceSize(s));
        }
        servicesWithMoved = new int[largestService + 1];
        servicesWithMoved[0] = services;
        occupied = new long[(int) (((long) services * machines + 63) / 64)];
        locationCount = new int[services * locations];
        distinctLocations = new int[services];
        neighborhoodCount = new int[services * neighborhoods];
        place(start);
    }

    /** Everything starts at the initial machine (nothing moved), then moves to {@code start}. */
    private void place(int[] start) {
        for (int p = 0; p < processes; p++) {
            assign[p] = initial[p];
            arrive(p, initial[p]);
        }
        for (int p = 0; p < processes; p++) {
            if (start[p] != initial[p]) {
                leave(p);
                arrive(p, start[p]);
            }
        }
        for (int m = 0; m < machines; m++) {
            machineCost[m] = computeMachineCost(m);
            machineCostSum += machineCost[m];
        }
    }

    long cost() {
        return machineCostSum
                + in.processMoveWeight() * processMoveSum
                + in.serviceMoveWeight() * maxMoved
                + in.machineMoveWeight() * machineMoveSum;
    }

    int machineOf(int p) {
        return assign[p];
    }

    int[] assignment() {
        return assign.clone();
    }

    void copyAssignmentInto(int[] target) {
        System.arraycopy(assign, 0, target, 0, processes);
    }

    int processCount() {
        return processes;
    }

    int machineCount() {
        return machines;
    }

    /** Moves p to machine {@code to} if that keeps every hard constraint; returns whether it moved. */
    boolean tryShift(int p, int to) {
        int from = assign[p];
        if (from == to || isOccupied(service[p], to) || !fitsWith(to, p, -1)) {
            return false;
        }
        leave(p);
        arrive(p, to);
        if (!transientFits(to) || !spreadHolds(service[p]) || !dependencyHolds(p, from, to)) {
            leave(p);
            arrive(p, from);
            return false;
        }
        refreshMachines(from, to);
        return true;
    }

    /** Exchanges the machines of p1 and p2 if that keeps every hard constraint; returns whether it did. */
    boolean trySwap(int p1, int p2) {
        int m1 = assign[p1];
        int m2 = assign[p2];
        int s1 = service[p1];
        int s2 = service[p2];
        if (m1 == m2) {
            return false;
        }
        if (s1 != s2 && (isOccupied(s1, m2) || isOccupied(s2, m1))) {
            return false;
        }
        if (!fitsWith(m2, p1, p2) || !fitsWith(m1, p2, p1)) {
            return false;
        }
        leave(p1);
        leave(p2);
        arrive(p1, m2);
        arrive(p2, m1);
        boolean ok = transientFits(m1)
                && transientFits(m2)
                && spreadHolds(s1)
                && spreadHolds(s2)
                && dependencyHolds(p1, m1, m2)
                && dependencyHolds(p2, m2, m1);
        if (!ok) {
            leave(p1);
            leave(p2);
            arrive(p1, m1);
            arrive(p2, m2);
            return false;
        }
        refreshMachines(m1, m2);
        return true;
    }

    /** Moves without any check; only for undoing a move that was accepted by try... before. */
    void forceShift(int p, int to) {
        int from = assign[p];
        if (from == to) {
            return;
        }
        leave(p);
        arrive(p, to);
        refreshMachines(from, to);
    }

    void forceSwap(int p1, int p2) {
        int m1 = assign[p1];
        int m2 = assign[p2];
        leave(p1);
        leave(p2);
        arrive(p1, m2);
        arrive(p2, m1);
        refreshMachines(m1, m2);
    }

    // usage(m) - req(minus) + req(plus) <= capacity(m) for every resource (plain usage only)
    private boolean fitsWith(int m, int plus, int minus) {
        int base = m * resources;
        int pb = plus * resources;
        for (int r = 0; r < resources; r++) {
            long u = usage[base + r] + req[pb + r];
            if (minus >= 0) {
                u -= req[minus * resources + r];
            }
            if (u > capacity[base + r]) {
                return false;
            }
        }
        return true;
    }

    // transient r: usage(m,r) + movedAway(m,r) <= capacity(m,r)
    private boolean transientFits(int m) {
        int base = m * resources;
        for (int r = 0; r < resources; r++) {
            if (transientResource[r] && usage[base + r] + movedAway[base + r] > capacity[base + r]) {
                return false;
            }
        }
        return true;
    }

    private boolean spreadHolds(int s) {
        return distinctLocations[s] >= in.spreadMin(s);
    }

    // a process of s arriving in neighborhood b needs every t that s depends on there; s leaving a must not strand
    // dependents
    private boolean dependencyHolds(int p, int from, int to) {
        int a = in.neighborhood(from);
        int b = in.neighborhood(to);
        if (a == b) {
            return true;
        }
        int s = service[p];
        for (int i = 0; i < in.dependsOnCount(s); i++) {
            if (neighborhoodCount[in.dependsOn(s, i) * neighborhoods + b] == 0) {
                return false;
            }
        }
        if (neighborhoodCount[s * neighborhoods + a] == 0) {
            for (int i = 0; i < in.dependentCount(s); i++) {
                if (neighborhoodCount[in.dependent(s, i) * neighborhoods + a] > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean isOccupied(int s, int m) {
        long bit = (long) s * machines + m;
        return (occupied[(int) (bit >>> 6)] & (1L << (bit & 63))) != 0;
    }

    private void setOccupied(int s, int m, boolean value) {
        long bit = (long) s * machines + m;
        int word = (int) (bit >>> 6);
        if (value) {
            occupied[word] |= 1L << (bit & 63);
        } else {
            occupied[word] &= ~(1L << (bit & 63));
        }
    }

    /** Takes p off its machine; while off, it counts as not moved. */
    private void leave(int p) {
        int m = assign[p];
        int s = service[p];
        int home = initial[p];
        int base = m * resources;
        int pb = p * resources;
        for (int r = 0; r < resources; r++) {
            usage[base + r] -= req[pb + r];
        }
        if (m != home) {
            int hb = home * resources;
            for (int r = 0; r < resources; r++) {
                if (transientResource[r]) {
                    movedAway[hb + r] -= req[pb + r];
                }
            }
            processMoveSum -= in.processMoveCost(p);
            decrementMoved(s);
        }
        machineMoveSum -= in.machineMoveCost(home, m);
        setOccupied(s, m, false);
        int li = s * locations + in.location(m);
        if (--locationCount[li] == 0) {
            distinctLocations[s]--;
        }
        neighborhoodCount[s * neighborhoods + in.neighborhood(m)]--;
        assign[p] = -1;
    }

    private void arrive(int p, int m) {
        int s = service[p];
        int home = initial[p];
        int base = m * resources;
        int pb = p * resources;
        for (int r = 0; r < resources; r++) {
            usage[base + r] += req[pb + r];
        }
        if (m != home) {
            int hb = home * resources;
            for (int r = 0; r < resources; r++) {
                if (transientResource[r]) {
                    movedAway[hb + r] += req[pb + r];
                }
            }
            processMoveSum += in.processMoveCost(p);
            incrementMoved(s);
        }
        machineMoveSum += in.machineMoveCost(home, m);
        setOccupied(s, m, true);
        int li = s * locations + in.location(m);
        if (locationCount[li]++ == 0) {
            distinctLocations[s]++;
        }
        neighborhoodCount[s * neighborhoods + in.neighborhood(m)]++;
        assign[p] = m;
    }

    private void incrementMoved(int s) {
        int k = movedInService[s]++;
        servicesWithMoved[k]--;
        servicesWithMoved[k + 1]++;
        if (k + 1 > maxMoved) {
            maxMoved = k + 1;
        }
    }

    private void decrementMoved(int s) {
        int k = movedInService[s]--;
        servicesWithMoved[k]--;
        servicesWithMoved[k - 1]++;
        if (k == maxMoved && servicesWithMoved[k] == 0) {
            maxMoved = k - 1;
        }
    }

    private void refreshMachines(int a, int b) {
        long ca = computeMachineCost(a);
        machineCostSum += ca - machineCost[a];
        machineCost[a] = ca;
        if (b != a) {
            long cb = computeMachineCost(b);
            machineCostSum += cb - machineCost[b];
            machineCost[b] = cb;
        }
    }

    // load(m) = sum_r w(r) * max(0, usage - safety); balance(m) = sum_b w(b) * max(0, target * free(r1) - free(r2))
    private long computeMachineCost(int m) {
        int base = m * resources;
        long cost = 0;
        for (int r = 0; r < resources; r++) {
            long over = usage[base + r] - safety[base + r];
            if (over > 0) {
                cost += in.loadCostWeight(r) * over;
            }
        }
        for (int b = 0; b < balances; b++) {
            int r1 = in.balanceResource1(b);
            int r2 = in.balanceResource2(b);
            long v = in.balanceTarget(b) * (capacity[base + r1] - usage[base + r1])
                    - (capacity[base + r2] - usage[base + r2]);
            if (v > 0) {
                cost += in.balanceWeight(b) * v;
            }
        }
        return cost;
    }
}
