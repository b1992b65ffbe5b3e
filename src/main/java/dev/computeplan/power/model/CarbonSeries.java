package dev.computeplan.power.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The named measured carbon-intensity series ({@code ger}, {@code gb}, {@code fr}: 15-minute data derived from ENTSO-E
 * production data, published with "Let's Wait Awhile"), bundled gzipped under {@code /power/carbon/} on the classpath
 * and read on first use. A folder given as {@code overrideDir} may hold plain {@code <name>_ci.csv} files that replace
 * the bundled ones. A grid with coarser steps takes the value at each step start, as the published 30-minute scenario
 * does.
 */
public final class CarbonSeries {

    public static final List<String> NAMES = List.of("ger", "gb", "fr");
    /** Forward fill over a gap in the measured data, at most this long. */
    static final Duration MAX_GAP = Duration.ofHours(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String RESOURCE_DIR = "/power/carbon/";

    private final Path overrideDir;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /** @param overrideDir a folder of {@code <name>_ci.csv} files that replace the bundled series, or null */
    public CarbonSeries(Path overrideDir) {
        this.overrideDir = overrideDir;
    }

    /** Only the series bundled with the product. */
    public static CarbonSeries bundled() {
        return new CarbonSeries(null);
    }

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
            int i = Arrays.binarySearch(times, time);
            if (i >= 0) {
                return Optional.of(values[i]);
            }
            int before = -i - 2;
            if (before < 0
                    || before == times.length - 1
                    || Duration.between(times[before], time).compareTo(MAX_GAP) > 0) {
                return Optional.empty();
            }
            return Optional.of(values[before]);
        }
    }

    /** The series of that name, read once; empty for an unknown name. */
    public Optional<Loaded> load(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(name, this::read));
    }

    private Loaded read(String name) {
        String file = name + "_ci.csv";
        try {
            if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(file))) {
                try (BufferedReader in = Files.newBufferedReader(overrideDir.resolve(file), StandardCharsets.UTF_8)) {
                    return parse(overrideDir.resolve(file).toString(), in);
                }
            }
            InputStream raw = CarbonSeries.class.getResourceAsStream(RESOURCE_DIR + file + ".gz");
            if (raw == null) {
                throw new IllegalStateException("bundled carbon series missing: " + RESOURCE_DIR + file + ".gz");
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                return parse(file, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Loaded parse(String source, BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        in.readLine(); // header: Time,Carbon Intensity
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        LocalDateTime[] times = new LocalDateTime[lines.size()];
        double[] values = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            times[i] = LocalDateTime.parse(cells[0], TIME);
            values[i] = Double.parseDouble(cells[1]);
            if (i > 0 && !times[i].isAfter(times[i - 1])) {
                throw new IllegalStateException(source + ": times not increasing at line " + (i + 2));
            }
        }
        return new Loaded(times, values);
    }
}
