package dev.computeplan.power.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled series are the published files, value for value (their first and last lines and their length). */
class CarbonSeriesTest {

    private static final LocalDateTime FIRST = LocalDateTime.of(2019, 12, 20, 0, 0);

    private static void assertSeries(String name, int points, double firstValue, LocalDateTime last, double lastValue) {
        CarbonSeries.Loaded s = CarbonSeries.bundled().load(name).orElseThrow();
        assertEquals(points, s.times().length, name);
        assertEquals(points, s.values().length, name);
        assertEquals(FIRST, s.first(), name);
        assertEquals(firstValue, s.values()[0], 0.0, name);
        assertEquals(last, s.last(), name);
        assertEquals(lastValue, s.values()[points - 1], 0.0, name);
    }

    @Test
    void germany() {
        assertSeries("ger", 37_147, 218.29003068829462, LocalDateTime.of(2021, 1, 9, 23, 0), 508.090651507907);
    }

    @Test
    void greatBritain() {
        assertSeries("gb", 21_980, 120.99546661944396, LocalDateTime.of(2021, 1, 9, 23, 30), 259.10496059694674);
    }

    @Test
    void france() {
        assertSeries("fr", 18_574, 42.34123797146737, LocalDateTime.of(2021, 1, 9, 22, 30), 97.171275024982);
    }

    @Test
    void aSeriesIsReadOncePerInstanceAndUnknownNamesAreEmpty() {
        CarbonSeries series = CarbonSeries.bundled();
        assertSame(series.load("fr").orElseThrow(), series.load("fr").orElseThrow());
        assertTrue(series.load("mars").isEmpty());
    }

    @Test
    void aFolderOverridesTheBundledSeriesItHasAFileFor(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("gb_ci.csv"), "Time,Carbon Intensity\n2020-01-01 00:00:00,1.5\n2020-01-01 00:15:00,2.5\n");
        CarbonSeries series = new CarbonSeries(dir);
        CarbonSeries.Loaded gb = series.load("gb").orElseThrow();
        assertEquals(2, gb.times().length);
        assertEquals(2.5, gb.at(LocalDateTime.of(2020, 1, 1, 0, 15)).orElseThrow());
        assertEquals(18_574, series.load("fr").orElseThrow().times().length, "no file for fr: the bundled one");
    }
}
