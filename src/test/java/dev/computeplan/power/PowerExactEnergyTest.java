package dev.computeplan.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.common.SolveControl;
import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.power.explain.PowerExplanation;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Energy is what the jobs physically draw: runtime at the chosen level × its power, not whole steps. The expected
 * figures are computed here from the request alone (work / (gpus × speed) × gpus × watts), never from the solver.
 */
class PowerExactEnergyTest {

    private static final PowerMapper TO_MODEL = new PowerMapper(CarbonSeries.bundled());

    @Test
    void theDayCapExampleChargesThePhysicalEnergyOfEachJob() throws Exception {
        PowerRequest request = PowerExamplesTest.read("power-day-cap.json");
        PowerKind kind = PowerKinds.cpSatFirst();
        PowerSolution s = kind.solve(request, null, SolveControl.withTimeLimit(Duration.ofSeconds(60)))
                .solution();
        PowerProblem p = TO_MODEL.toModel(request);
        PowerExplanation e = kind.explain(request, s);
        Map<String, PowerExplanation.JobLine> lines = new HashMap<>();
        e.jobs().forEach(l -> lines.put(l.jobId(), l));
        double total = 0;
        for (PowerJob job : p.jobs()) {
            PowerExplanation.JobLine line = lines.get(job.id());
            double physical = physicalKwh(job, level(job, line.level()));
            assertEquals(physical, line.energyKwh(), 1e-9, job.id());
            total += physical;
        }
        // train-1: 4 GPU-hours on 8 A100s = 0.5 h at 8 × 275.5 W = 1.102 kWh at release (whole steps charged 2.204)
        assertEquals(1.102, lines.get("train-1").atReleaseEnergyKwh(), 1e-9);
        assertEquals(total, s.energyKwh(), 1e-9);
        assertEquals(total, e.summary().energyKwh(), 1e-9);
        // each job's CO2 change against release is its own physical one, e.g. a slower level saves far less than
        // the −32 % whole steps made of it
        for (PowerExplanation.JobLine line : e.jobs()) {
            assertTrue(line.co2Kg() > 0.5 * line.atReleaseCo2Kg(), line.sentence());
        }
    }

    @Test
    void theTightCapExampleCountsTheDroppedJobAsWorkNotDoneNotAsSavings() throws Exception {
        PowerRequest request = PowerExamplesTest.read("power-tight-cap.json");
        PowerKind kind = PowerKinds.cpSatFirst();
        PowerSolution s = kind.solve(request, null, SolveControl.withTimeLimit(Duration.ofSeconds(60)))
                .solution();
        PowerExplanation.Summary sum = kind.explain(request, s).summary();
        assertEquals(1, sum.droppedJobs());
        PowerExplanation.JobLine dropped = kind.explain(request, s).jobs().stream()
                .filter(PowerExplanation.JobLine::dropped)
                .findFirst()
                .orElseThrow();
        assertEquals(dropped.atReleaseCo2Kg(), sum.droppedAtReleaseCo2Kg(), 1e-12);
        assertEquals(sum.atReleaseCo2Kg() - sum.droppedAtReleaseCo2Kg(), sum.ranAtReleaseCo2Kg(), 1e-12);
        double onWhatRan = 100 * (sum.ranAtReleaseCo2Kg() - sum.co2Kg()) / sum.ranAtReleaseCo2Kg();
        assertEquals(onWhatRan, sum.co2SavedPercent(), 1e-9);
        // the jobs that ran were pushed by the cap into dearer hours: no saving on them, whatever was dropped
        assertTrue(sum.co2SavedPercent() < 0, sum.sentence());
        assertTrue(sum.sentence().contains("work not done"), sum.sentence());
    }

    static PowerLevel level(PowerJob job, String name) {
        return job.levelsOrDefault().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static double physicalKwh(PowerJob job, PowerLevel level) {
        double hours = job.workGpuHours() / (job.gpus() * level.relativeSpeed());
        return hours * job.gpus() * level.powerW() / 1000.0;
    }
}
