package dev.computeplan.power.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.computeplan.common.ConflictException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.common.SolveControl;
import dev.computeplan.jobs.JobService;
import dev.computeplan.power.PowerKind;
import dev.computeplan.power.PowerKinds;
import dev.computeplan.power.model.PowerSolution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The controller's logic with the real kind, without a server: the stored job comes from a mocked JobService. The
 * solves end with CP-SAT's proof; their time limit is only a safety net.
 */
class PowerControllerLogicTest {

    private static final Duration SAFETY_NET = Duration.ofSeconds(60);
    private final PowerKind kind = PowerKinds.cpSatFirst();
    private final JobService jobs = mock(JobService.class);
    private final PowerController controller =
            new PowerController(jobs, kind, dev.computeplan.power.model.CarbonSeries.bundled());

    private PowerRequest tightCap() {
        // cap 1 kW: "big" fills [0,3), so "late" (2 h, window [0,3)) runs after it
        return RequestFixtures.problem(
                RequestFixtures.hourly(new double[] {100, 50, 10, 10, 80, 100}, 1.0),
                RequestFixtures.job("big", 0, 3, 3.0, List.of(RequestFixtures.FULL)),
                RequestFixtures.lateOk(RequestFixtures.job("late", 0, 3, 2.0, List.of(RequestFixtures.FULL))));
    }

    @Test
    void aLateJobComesWithItsReason() {
        PowerRequest p = tightCap();
        PowerSolution s =
                kind.solve(p, null, SolveControl.withTimeLimit(SAFETY_NET)).solution();
        when(jobs.stored(kind, "j1")).thenReturn(new JobService.Stored<>(null, p, s));
        PowerController.JobStory late = controller.why("j1", "late");
        assertEquals("late", late.why().outcome());
        assertEquals(List.of("big"), late.why().fullRanges().get(0).heldBy());
        PowerController.JobStory big = controller.why("j1", "big");
        assertNull(big.why());
        assertEquals(0.160, big.job().co2Kg(), 1e-9); // [0,3): 100 + 50 + 10 g at 1 kW
    }

    @Test
    void unknownJobsAndUnsolvedSchedulesAreRefused() {
        PowerRequest p = tightCap();
        PowerSolution s =
                kind.solve(p, null, SolveControl.withTimeLimit(SAFETY_NET)).solution();
        when(jobs.stored(kind, "j1")).thenReturn(new JobService.Stored<>(null, p, s));
        assertThrows(NotFoundException.class, () -> controller.why("j1", "nope"));
        when(jobs.stored(kind, "j2"))
                .thenReturn(new JobService.Stored<>(mock(dev.computeplan.jobs.JobRecord.class), p, null));
        assertThrows(ConflictException.class, () -> controller.why("j2", "big"));
    }

    @Test
    void defaultsListTheCurvesAndSeries() {
        PowerController.Defaults d = controller.defaults();
        assertEquals(1.0, d.gpuModels().get("A100-PCIe").get(0).relativeSpeed());
        assertTrue(d.carbonSeries().contains("ger"));
    }
}
