package dev.computeplan.roadef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a solution file: the machine of each process, space-separated, on one line. */
public final class RoadefSolutionWriter {

    private RoadefSolutionWriter() {}

    public static String format(int[] assignment) {
        StringBuilder sb = new StringBuilder(assignment.length * 5);
        for (int p = 0; p < assignment.length; p++) {
            if (p > 0) {
                sb.append(' ');
            }
            sb.append(assignment[p]);
        }
        return sb.append('\n').toString();
    }

    public static void write(Path file, int[] assignment) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, format(assignment), StandardCharsets.US_ASCII);
    }
}
