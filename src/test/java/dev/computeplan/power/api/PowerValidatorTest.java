package dev.computeplan.power.api;

import static dev.computeplan.power.api.RequestFixtures.FULL;
import static dev.computeplan.power.api.RequestFixtures.T0;
import static dev.computeplan.power.api.RequestFixtures.at;
import static dev.computeplan.power.api.RequestFixtures.hourly;
import static dev.computeplan.power.api.RequestFixtures.job;
import static dev.computeplan.power.api.RequestFixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.common.Violation;
import dev.computeplan.power.api.PowerRequest.PowerJob;
import dev.computeplan.power.api.PowerRequest.PowerLevel;
import dev.computeplan.power.api.PowerRequest.TimeGrid;
import dev.computeplan.power.model.CarbonSeries;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerValidatorTest {

    private static final PowerValidator VALIDATOR = new PowerValidator(CarbonSeries.bundled());

    private static final double[] CARBON = {100, 50, 10, 10, 80, 100};

    private static List<String> fields(PowerRequest p) {
        return VALIDATOR.validate(p).stream().map(Violation::field).toList();
    }

    @Test
    void aConsistentProblemHasNoViolations() {
        assertEquals(List.of(), VALIDATOR.validate(problem(hourly(CARBON, 2.0), job("a", 0, 6, 2.0, List.of(FULL)))));
    }

    @Test
    void seriesLengthsMustMatchTheGrid() {
        TimeGrid grid = new TimeGrid(T0, 60, 6, List.of(1.0, 2.0), null, List.of(1.0), null, null);
        assertEquals(
                List.of("$.grid.carbonGPerKwh", "$.grid.priceUsdPerMwh"),
                fields(problem(grid, job("a", 0, 6, 1, List.of(FULL)))));
    }

    @Test
    void exactlyOneCarbonSourceIsGiven() {
        TimeGrid both = new TimeGrid(T0, 60, 6, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), "ger", null, null, null);
        assertTrue(fields(problem(both, job("a", 0, 6, 1, List.of(FULL)))).contains("$.grid.carbonGPerKwh"));
        TimeGrid none = new TimeGrid(T0, 60, 6, null, null, null, null, null);
        assertTrue(fields(problem(none, job("a", 0, 6, 1, List.of(FULL)))).contains("$.grid.carbonGPerKwh"));
    }

    @Test
    void timesMustLieOnTheGridAndReleaseBeforeDeadline() {
        PowerJob offGrid = new PowerJob(
                "a", at(0).plusMinutes(30), at(4), 1.0, 1, false, 0, 0, List.of(FULL), null, 1, false, false);
        PowerJob reversed = job("b", 4, 2, 1, List.of(FULL));
        PowerJob beyond = job("c", 0, 9, 1, List.of(FULL));
        assertEquals(
                List.of("$.jobs[0].release", "$.jobs[1].deadline", "$.jobs[2].deadline"),
                fields(problem(hourly(CARBON, null), offGrid, reversed, beyond)));
    }

    @Test
    void referencesAndLevelsAreChecked() {
        PowerJob unknownGpu = new PowerJob("a", at(0), at(6), 1.0, 1, false, 0, 0, null, "TPU-X", 1, false, false);
        PowerJob twice = job("a", 0, 6, 1, List.of(FULL, new PowerLevel("full", 0.5, 10.0)));
        List<String> f = fields(problem(hourly(CARBON, null), unknownGpu, twice));
        assertTrue(
                f.containsAll(
                        List.of("$.jobs[0].gpuModel", "$.jobs[0].levels", "$.jobs[1].id", "$.jobs[1].levels[1].name")),
                f::toString);
    }

    @Test
    void aJobLongerThanItsWindowOrAboveTheCapIsRejectedUnlessItMayBeDropped() {
        PowerJob tooLong = job("a", 0, 2, 3, List.of(FULL));
        PowerJob tooBig = job("b", 0, 6, 1, List.of(new PowerLevel("big", 1.0, 5000.0)));
        assertEquals(
                List.of("$.jobs[0].workGpuHours", "$.jobs[1].gpus"),
                fields(problem(hourly(CARBON, 2.0), tooLong, tooBig)));
        assertEquals(
                List.of(),
                fields(problem(hourly(CARBON, 2.0), RequestFixtures.dropOk(tooLong), RequestFixtures.dropOk(tooBig))));
    }

    @Test
    void baseLoadAboveTheCapIsRejected() {
        TimeGrid grid = new TimeGrid(T0, 60, 2, List.of(1.0, 1.0), null, null, List.of(5.0, 5.0), List.of(1.0, 6.0));
        assertEquals(List.of("$.grid.baseLoadKw[1]"), fields(problem(grid, job("a", 0, 2, 1, List.of(FULL)))));
    }

    @Test
    void aNamedSeriesMustCoverTheGrid() {
        TimeGrid ok = new TimeGrid(java.time.LocalDateTime.of(2020, 3, 1, 0, 0), 30, 48, null, "ger", null, null, null);
        assertEquals(
                List.of(),
                fields(problem(
                        ok,
                        new PowerJob(
                                "a",
                                ok.start(),
                                ok.start().plusHours(10),
                                2.0,
                                1,
                                false,
                                0,
                                0,
                                List.of(FULL),
                                null,
                                1,
                                false,
                                false))));
        TimeGrid late =
                new TimeGrid(java.time.LocalDateTime.of(2031, 3, 1, 0, 0), 30, 48, null, "ger", null, null, null);
        assertEquals(
                List.of("$.grid.carbonSeries"),
                fields(problem(
                        late,
                        new PowerJob(
                                "a",
                                late.start(),
                                late.start().plusHours(10),
                                2.0,
                                1,
                                false,
                                0,
                                0,
                                List.of(FULL),
                                null,
                                1,
                                false,
                                false))));
    }

    @Test
    void beanValidationRejectsNegativeNumbersAndMissingFields() {
        Validator v = Validation.buildDefaultValidatorFactory().getValidator();
        PowerJob bad = new PowerJob(
                "", at(0), null, -1.0, 0, false, 0, 0, List.of(new PowerLevel("x", 0.0, -5.0)), null, 0, false, false);
        var violations = v.validate(problem(hourly(CARBON, null), bad));
        List<String> paths = violations.stream()
                .map(c -> c.getPropertyPath().toString())
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "jobs[0].deadline",
                        "jobs[0].gpus",
                        "jobs[0].id",
                        "jobs[0].levels[0].powerW",
                        "jobs[0].levels[0].relativeSpeed",
                        "jobs[0].priority",
                        "jobs[0].workGpuHours"),
                paths);
    }

    private static PowerJob a100(String id, int gpus) {
        return new PowerJob(id, at(0), at(6), 1.0, gpus, false, 0, 0, null, "A100-PCIe", 1, false, false);
    }

    private static PowerRequest withSite(TimeGrid grid, PowerRequest.Site site, PowerJob... jobs) {
        return new PowerRequest(grid, List.of(jobs), null, site);
    }

    @Test
    void siteValuesAreCheckedWithTheirPaths() {
        PowerRequest.Site bad = new PowerRequest.Site(
                java.util.Map.of("B200", 8), null, 50.0, 40.0, 300.0, 200.0, 1.2, List.of(1.3, 1.3));
        assertEquals(
                List.of(
                        "$.site.gpus.B200",
                        "$.site.busyWPerGpu",
                        "$.site.busyWPerNode",
                        "$.site.pue",
                        "$.site.pueSeries"),
                fields(withSite(hourly(CARBON, 10.0), bad, a100("a", 1))));
    }

    @Test
    void withAnInventoryEveryJobNamesAModelTheSiteHasAndFitsIt() {
        PowerRequest.Site site =
                new PowerRequest.Site(java.util.Map.of("A100-PCIe", 4), null, null, null, null, null, null, null);
        PowerJob noModel = job("b", 0, 6, 1, List.of(FULL));
        assertEquals(
                List.of("$.jobs[1].gpuModel", "$.jobs[2].gpus"),
                fields(withSite(hourly(CARBON, 10.0), site, a100("a", 4), noModel, a100("c", 5))));
    }

    @Test
    void theFixedLoadOfTheSiteMustLeaveRoomUnderTheCap() {
        // PUE 1.5 × (8 idle GPU slots × 150 W = 1.2 kW) = 1.8 kW > the 1.5 kW cap
        PowerRequest.Site site =
                new PowerRequest.Site(java.util.Map.of("A100-PCIe", 8), null, 150.0, 150.0, null, null, 1.5, null);
        assertEquals(List.of("$.site"), fields(withSite(hourly(CARBON, 1.5), site, a100("a", 1))));
        // without a site the same grid and job are fine
        assertEquals(List.of(), fields(problem(hourly(CARBON, 1.5), a100("a", 1))));
    }
}
