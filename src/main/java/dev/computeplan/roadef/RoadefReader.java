package dev.computeplan.roadef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the ROADEF 2012 model and assignment files (whitespace-separated integers).
 * Parses raw bytes without regexes or boxing, so that instances with tens of thousands of processes load fast.
 */
public final class RoadefReader {

    /** Above this, the M x M move cost matrix no longer fits one Java array. */
    static final int MAX_MACHINES = 46_000;

    static final int MAX_COUNT = 10_000_000;

    private RoadefReader() {}

    public static RoadefInstance read(Path model, Path assignment) throws IOException {
        Tokens modelTokens =
                new Tokens(Files.readAllBytes(model), model.getFileName().toString());
        Tokens assignmentTokens = new Tokens(
                Files.readAllBytes(assignment), assignment.getFileName().toString());
        return parse(modelTokens, assignmentTokens);
    }

    public static RoadefInstance parse(String model, String assignment) {
        return parse(
                new Tokens(model.getBytes(StandardCharsets.US_ASCII), "model"),
                new Tokens(assignment.getBytes(StandardCharsets.US_ASCII), "assignment"));
    }

    /** Reads a solution (or assignment) file: exactly one machine index per process of the instance. */
    public static int[] readSolution(Path solution, RoadefInstance instance) throws IOException {
        return readMachines(
                new Tokens(Files.readAllBytes(solution), solution.getFileName().toString()),
                instance.processCount(),
                instance.machineCount());
    }

    public static int[] parseSolution(String solution, RoadefInstance instance) {
        return readMachines(
                new Tokens(solution.getBytes(StandardCharsets.US_ASCII), "solution"),
                instance.processCount(),
                instance.machineCount());
    }

    private static RoadefInstance parse(Tokens in, Tokens assignmentTokens) {
        Resources res = resources(in);
        int resources = res.transientResource().length;
        Machines mac = machines(in, resources);
        Services ser = services(in);
        Processes pro = processes(in, resources, ser.spreadMin().length);
        Balances bal = balances(in, resources);
        long processMoveWeight = in.nonNegative("process move weight", 0, 0);
        long serviceMoveWeight = in.nonNegative("service move weight", 0, 0);
        long machineMoveWeight = in.nonNegative("machine move weight", 0, 0);
        in.expectEnd();

        int[] initial = readMachines(assignmentTokens, pro.service().length, mac.neighborhood().length);
        return new RoadefInstance(
                res.transientResource(),
                res.loadCostWeight(),
                mac.neighborhood(),
                mac.location(),
                mac.capacity(),
                mac.safety(),
                mac.moveCost(),
                ser.spreadMin(),
                ser.dependsOn(),
                pro.service(),
                pro.requirement(),
                pro.moveCost(),
                bal.r1(),
                bal.r2(),
                bal.target(),
                bal.weight(),
                processMoveWeight,
                serviceMoveWeight,
                machineMoveWeight,
                initial);
    }

    private record Resources(boolean[] transientResource, long[] loadCostWeight) {}

    private static Resources resources(Tokens in) {
        int resources = in.count("number of resources", 0, 0, 1_000);
        boolean[] transientResource = new boolean[resources];
        long[] loadCostWeight = new long[resources];
        for (int r = 0; r < resources; r++) {
            long flag = in.next("transient flag of resource %d", r, 0);
            if (flag != 0 && flag != 1) {
                throw in.error("transient flag of resource " + r + " must be 0 or 1, got " + flag);
            }
            transientResource[r] = flag == 1;
            loadCostWeight[r] = in.nonNegative("load cost weight of resource %d", r, 0);
        }
        return new Resources(transientResource, loadCostWeight);
    }

    private record Machines(int[] neighborhood, int[] location, long[] capacity, long[] safety, int[] moveCost) {}

    private static Machines machines(Tokens in, int resources) {
        int machines = in.count("number of machines", 0, 0, MAX_MACHINES);
        int[] neighborhood = new int[machines];
        int[] location = new int[machines];
        long[] capacity = new long[machines * resources];
        long[] safety = new long[machines * resources];
        int[] moveCost = new int[machines * machines];
        for (int m = 0; m < machines; m++) {
            neighborhood[m] = in.index("neighborhood of machine %d", m, 0, MAX_COUNT);
            location[m] = in.index("location of machine %d", m, 0, MAX_COUNT);
            for (int r = 0; r < resources; r++) {
                capacity[m * resources + r] = in.nonNegative("capacity of machine %d resource %d", m, r);
            }
            for (int r = 0; r < resources; r++) {
                safety[m * resources + r] = in.nonNegative("safety capacity of machine %d resource %d", m, r);
            }
            for (int to = 0; to < machines; to++) {
                moveCost[m * machines + to] =
                        (int) in.ranged("move cost from machine %d to %d", m, to, Integer.MAX_VALUE);
            }
        }
        return new Machines(neighborhood, location, capacity, safety, moveCost);
    }

    private record Services(int[] spreadMin, int[][] dependsOn) {}

    private static Services services(Tokens in) {
        int services = in.count("number of services", 0, 0, MAX_COUNT);
        int[] spreadMin = new int[services];
        int[][] dependsOn = new int[services][];
        for (int s = 0; s < services; s++) {
            spreadMin[s] = in.index("spreadMin of service %d", s, 0, MAX_COUNT);
            int k = in.count("dependency count of service %d", s, 0, services);
            dependsOn[s] = new int[k];
            for (int i = 0; i < k; i++) {
                dependsOn[s][i] = in.index("dependency %d of service %d", i, s, services - 1);
            }
        }
        return new Services(spreadMin, dependsOn);
    }

    private record Processes(int[] service, long[] requirement, long[] moveCost) {}

    private static Processes processes(Tokens in, int resources, int services) {
        int processes = in.count("number of processes", 0, 0, MAX_COUNT);
        if ((long) processes * resources > 200_000_000L) {
            throw in.error(processes + " processes x " + resources + " resources is too large");
        }
        int[] service = new int[processes];
        long[] requirement = new long[processes * resources];
        long[] processMoveCost = new long[processes];
        for (int p = 0; p < processes; p++) {
            service[p] = in.index("service of process %d", p, 0, services - 1);
            for (int r = 0; r < resources; r++) {
                requirement[p * resources + r] = in.nonNegative("requirement of process %d resource %d", p, r);
            }
            processMoveCost[p] = in.nonNegative("move cost of process %d", p, 0);
        }
        return new Processes(service, requirement, processMoveCost);
    }

    private record Balances(int[] r1, int[] r2, long[] target, long[] weight) {}

    private static Balances balances(Tokens in, int resources) {
        int balances = in.count("number of balance objectives", 0, 0, MAX_COUNT);
        int[] r1 = new int[balances];
        int[] r2 = new int[balances];
        long[] target = new long[balances];
        long[] weight = new long[balances];
        for (int b = 0; b < balances; b++) {
            r1[b] = in.index("first resource of balance objective %d", b, 0, resources - 1);
            r2[b] = in.index("second resource of balance objective %d", b, 0, resources - 1);
            target[b] = in.nonNegative("target of balance objective %d", b, 0);
            weight[b] = in.nonNegative("weight of balance objective %d", b, 0);
        }
        return new Balances(r1, r2, target, weight);
    }

    private static int[] readMachines(Tokens in, int processes, int machines) {
        int[] assignment = new int[processes];
        for (int p = 0; p < processes; p++) {
            assignment[p] = in.index("machine of process %d", p, 0, machines - 1);
        }
        in.expectEnd();
        return assignment;
    }

    /** Integer tokens of one file; errors name the file, the token number and what was expected. */
    private static final class Tokens {
        // Values are bounded well below Long.MAX_VALUE so that sums over 50,000 processes cannot overflow.
        private static final long MAX_VALUE = 1L << 40;

        private final byte[] bytes;
        private final String file;
        private int pos;
        private int tokenNumber;

        Tokens(byte[] bytes, String file) {
            this.bytes = bytes;
            this.file = file;
        }

        /** {@code what} is a format with up to two %d indices, formatted only when there is an error. */
        long next(String what, int a, int b) {
            while (pos < bytes.length && isSpace(bytes[pos])) {
                pos++;
            }
            if (pos >= bytes.length) {
                throw error("unexpected end of file, expected " + String.format(what, a, b));
            }
            tokenNumber++;
            boolean negative = false;
            if (bytes[pos] == '-') {
                negative = true;
                pos++;
            }
            int start = pos;
            long value = 0;
            while (pos < bytes.length && !isSpace(bytes[pos])) {
                byte c = bytes[pos];
                if (c < '0' || c > '9') {
                    throw error("expected an integer for " + String.format(what, a, b) + ", found '" + (char) c + "'");
                }
                value = value * 10 + (c - '0');
                if (value > MAX_VALUE) {
                    throw error(String.format(what, a, b) + " is too large");
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected an integer for " + String.format(what, a, b));
            }
            return negative ? -value : value;
        }

        long nonNegative(String what, int a, int b) {
            long v = next(what, a, b);
            if (v < 0) {
                throw error(String.format(what, a, b) + " must not be negative, got " + v);
            }
            return v;
        }

        long ranged(String what, int a, int b, long max) {
            long v = nonNegative(what, a, b);
            if (v > max) {
                throw error(String.format(what, a, b) + " must be at most " + max + ", got " + v);
            }
            return v;
        }

        int count(String what, int a, int b, int max) {
            return (int) ranged(what, a, b, max);
        }

        int index(String what, int a, int b, int max) {
            if (max < 0) {
                throw error("no valid value for " + String.format(what, a, b));
            }
            return (int) ranged(what, a, b, max);
        }

        void expectEnd() {
            while (pos < bytes.length && isSpace(bytes[pos])) {
                pos++;
            }
            if (pos < bytes.length) {
                throw error("unexpected extra data after token " + tokenNumber);
            }
        }

        RoadefFormatException error(String message) {
            return new RoadefFormatException(file + ": token " + tokenNumber + ": " + message);
        }

        private static boolean isSpace(byte c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        }
    }
}
