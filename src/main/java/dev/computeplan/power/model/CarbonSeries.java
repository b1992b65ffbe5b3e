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

    /** Forward fill over a gap in the measured data, at most this long. */
    static final Duration MAX_GAP = Duration.ofHours(1);

    /** A measured series: values at sorted times (the data has a few 30-minute gaps in 15-minute data). */
    public record Loaded(LocalDateTime[] times, double[] values) {

        public LocalDateTime first() {
            return times[0];
        }

        public LocalDateTime last() {
            return times[times.length - 1];
        }

        /** The value at {@code time}: the measurement at it, else the latest one at most {@link #MAX_GAP} before. */
        public Optional<Double> at(LocalDateTime time) {
            int i = java.util.Arrays.binarySearch(times, time);
            if (i >= 0) {
                return Optional.of(values[i]);
            }
            int before = -i - 2;
            if (before < 0 || before == times.length - 1 || Duration.between(times[before], time).compareTo(MAX_GAP) > 0) {
                return Optional.empty();
            }
            return Optional.of(values[before]);
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
            LocalDateTime[] times = new LocalDateTime[lines.size() - 1];
            double[] values = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                times[i - 1] = LocalDateTime.parse(cells[0], TIME);
                values[i - 1] = Double.parseDouble(cells[1]);
                if (i > 1 && !times[i - 1].isAfter(times[i - 2])) {
                    throw new IllegalStateException(file + ": times not increasing at line " + (i + 1));
                }
            }
            return new Loaded(times, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
