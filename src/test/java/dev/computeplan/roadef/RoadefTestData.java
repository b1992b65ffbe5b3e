package dev.computeplan.roadef;

import dev.computeplan.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared set-A files (never copied into the repo) and a tiny hand-made instance. */
public final class RoadefTestData {

    public static final String[] SET_A = {"a1_1", "a1_2", "a1_3", "a1_4", "a1_5", "a2_1", "a2_2", "a2_3", "a2_4", "a2_5"
    };

    /**
     * Two resources (r0 plain, load weight 10; r1 transient, load weight 1), three machines
     * (m0: neighborhood 0 location 0; m1: neighborhood 0 location 1; m2: neighborhood 1 location 1),
     * capacity 10 and safety 8 everywhere. Services: s0 spreadMin 2; s1 depends on s0; s2 free.
     * Processes (service, requirement, move cost): p0 (s0, 5/2, 7), p1 (s0, 3/3, 11), p2 (s1, 2/2, 13),
     * p3 (s2, 4/6, 17), p4 (s2, 1/1, 19). One balance objective r0/r1 target 2 weight 5.
     * Weights: process move 3, service move 100, machine move 1000.
     */
    public static final String TINY_MODEL = """
            2
            0 10
            1 1
            3
            0 0 10 10 8 8 0 1 2
            0 1 10 10 8 8 1 0 3
            1 1 10 10 8 8 2 3 0
            3
            2 0
            1 1 0
            0 0
            5
            0 5 2 7
            0 3 3 11
            1 2 2 13
            2 4 6 17
            2 1 1 19
            1
            0 1 2
            5
            3 100 1000
            """;

    public static final String TINY_ASSIGNMENT = "0 1 0 2 1\n";

    private RoadefTestData() {}

    public static RoadefInstance tiny() {
        return RoadefReader.parse(TINY_MODEL, TINY_ASSIGNMENT);
    }

    /** The set-A folder; {@link SharedData#require} skips the test visibly (fails it under CI) without it. */
    public static Path setA() {
        return SharedData.require("roadef2012/A");
    }

    public static RoadefInstance load(String name) {
        Path dir = setA();
        try {
            return RoadefReader.read(dir.resolve("model_" + name + ".txt"), dir.resolve("assignment_" + name + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long originalCost(String name) {
        try {
            return Long.parseLong(Files.readString(setA().resolve("original_cost_" + name + ".txt"))
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
