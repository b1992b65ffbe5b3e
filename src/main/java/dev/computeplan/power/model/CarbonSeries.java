package dev.computeplan.power.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named measured carbon-intensity series ({@code ger}, {@code gb}, {@code fr}: 15-minute ENTSO-E data of
 * "Let's Wait Awhile"), read once from the shared data directory. A grid with coarser steps takes the value at
 * each step start, as the published 30-minute scenario does (the step mean gives 5.93% instead of 5.92%).
 */
public final class CarbonSeries {

    public static final List<String> NAMES = List.of("ger", "gb", "fr");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();

    private CarbonSeries() {
    }

    /** A series with a fixed step: value i holds at first + i × step. */
    public record Loaded(LocalDateTime first, Duration step, double[] values) {

        /** The value at {@code time}, or empty when the series does not cover it or is off its step. */
        public Optional<Double> at(LocalDateTime time) {
            long minutes = Duration.between(first, time).toMinutes();
            if (minutes < 0 || minutes % step.toMinutes() != 0 || Duration.between(first, time).toSecondsPart() != 0) {
                return Optional.empty();
            }
            long i = minutes / step.toMinutes();
            return i < values.length ? Optional.of(values[(int) i]) : Optional.empty();
        }
    }

    /** The shared data directory: system property {@code computeplan.shared-data}, then ../shared/data, /work/shared/data. */
    public static Optional<Path> dataDir() {
        String configured = System.getProperty("computeplan.shared-data");
        for (String candidate : new String[] {configured, "../shared/data", "/work/shared/data"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    public static Optional<Loaded> load(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        Optional<Path> dir = dataDir();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(name, n -> read(dir.get().resolve("carbon").resolve(n + "_ci.csv"))));
    }

    private static Loaded read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            double[] values = new double[lines.size() - 1];
            LocalDateTime first = null;
            LocalDateTime previous = null;
            Duration step = null;
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                LocalDateTime time = LocalDateTime.parse(cells[0], TIME);
                if (first == null) {
                    first = time;
                } else if (step == null) {
                    step = Duration.between(previous, time);
                } else if (!Duration.between(previous, time).equals(step)) {
                    throw new IllegalStateException(file + ": irregular step at line " + (i + 1));
                }
                previous = time;
                values[i - 1] = Double.parseDouble(cells[1]);
            }
            return new Loaded(first, step, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
