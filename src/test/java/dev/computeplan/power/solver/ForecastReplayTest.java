package dev.computeplan.power.solver;

import static dev.computeplan.power.model.PowerFixtures.CO2_ONLY;
import static dev.computeplan.power.model.PowerFixtures.FULL;
import static dev.computeplan.power.model.PowerFixtures.hourly;
import static dev.computeplan.power.model.PowerFixtures.interruptible;
import static dev.computeplan.power.model.PowerFixtures.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.computeplan.power.model.PowerProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning on a forecast, paying the actual intensity, re-planned at every step. */
class ForecastReplayTest {

    // the cheapest hours are 3-4
    private static final double[] CARBON = {100, 90, 80, 10, 10, 70, 100, 100};

    @Test
    void aPerfectForecastReplaysThePerJobOptimum() {
        PowerProblem p = new PowerProblem(
                hourly(CARBON, null),
                List.of(job("a", 0, 8, 2, List.of(FULL)), interruptible("b", 0, 8, 3, 0, 0)),
                CO2_ONLY);
        ForecastReplay.Result r = ForecastReplay.replay(p, ForecastReplay.perfect());
        // a: hours 3-4 (20 g); b: hours 3, 4 and 5 (90 g); 1 kW each
        assertEquals(0.110, r.realisedCo2Kg(), 1e-9);
        // at release: a 100 + 90, b 100 + 90 + 80
        assertEquals(0.460, r.atReleaseCo2Kg(), 1e-9);
    }

    @Test
    void aWrongForecastIsPaidAtTheActualIntensity() {
        PowerProblem p = new PowerProblem(hourly(CARBON, null), List.of(job("a", 0, 8, 2, List.of(FULL))), CO2_ONLY);
        // hours 0-1 forecast as free: the job starts at once and pays them as they are
        ForecastReplay.Result r = ForecastReplay.replay(p, (issued, target, actual) -> target <= 1 ? 0 : actual);
        assertEquals(0.190, r.realisedCo2Kg(), 1e-9);
    }

    @Test
    void eachStepIsPlannedOnTheForecastIssuedThen() {
        PowerProblem p = new PowerProblem(hourly(CARBON, null), List.of(interruptible("b", 0, 8, 1, 0, 0)), CO2_ONLY);
        // issued more than one hour ahead the forecast says hours 3-4 are dear; one hour ahead it is right: a plan
        // made once at release would wait for hour 5 (70 g), re-planning runs at hour 3 (10 g)
        ForecastReplay.Forecast farWrong =
                (issued, target, actual) -> (target == 3 || target == 4) && target - issued > 1 ? 1000 : actual;
        assertEquals(0.010, ForecastReplay.replay(p, farWrong).realisedCo2Kg(), 1e-9);
    }

    @Test
    void thePapersNoiseIsOneSeriesWhateverTheIssueStep() {
        ForecastReplay.Forecast f = ForecastReplay.fixedNoise(0.1, 100, 3);
        assertEquals(f.value(0, 5, 50), f.value(4, 5, 50), 0);
        assertNotEquals(50, f.value(0, 5, 50));
        ForecastReplay.Forecast g = ForecastReplay.growingNoise(0.1, 100, 48, 3);
        assertEquals(50, g.value(5, 5, 50), 0, "no error at lead 0");
    }

    @Test
    void aCappedProblemIsRefused() {
        PowerProblem p = new PowerProblem(hourly(CARBON, 5.0), List.of(job("a", 0, 8, 2, List.of(FULL))), CO2_ONLY);
        assertThrows(IllegalArgumentException.class, () -> ForecastReplay.replay(p, ForecastReplay.perfect()));
    }
}
