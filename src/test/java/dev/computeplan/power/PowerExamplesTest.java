package dev.computeplan.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.common.SolveControl;
import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.power.explain.PowerExplanation;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every example scenario (some name a bundled carbon series) reads, validates, solves to a checked schedule, and
 * explains itself. The fast tests stop the search from the test or let CP-SAT prove optimality on its own; the time
 * limits there are only a safety net.
 */
class PowerExamplesTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final PowerMapper TO_MODEL = new PowerMapper(CarbonSeries.bundled());
    private static final Duration SAFETY_NET = Duration.ofSeconds(60);

    static PowerRequest read(String name) throws Exception {
        ObjectNode node = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("problems/power", name)));
        node.remove("termination");
        return MAPPER.treeToValue(node, PowerRequest.class);
    }

    static List<String> names() throws Exception {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(Path.of("problems/power"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("power-") && n.endsWith(".json"))
                    .sorted()
                    .forEach(names::add);
        }
        assertTrue(names.size() >= 3, names::toString);
        return names;
    }

    @Test
    void everyExampleSolvesToACheckedScheduleWhenStoppedAtTheFirstReport() throws Exception {
        PowerKind kind = PowerKinds.defaults();
        for (String name : names()) {
            PowerRequest request = read(name);
            assertEquals(List.of(), kind.validate(request), name);
            PowerProblem p = TO_MODEL.toModel(request);
            SimpleSolveControl control = new SimpleSolveControl(SAFETY_NET);
            control.listener((s, score) -> control.requestStop());
            PowerSolution s = kind.solve(request, null, control).solution();
            ScheduleChecker.Report r = ScheduleChecker.check(p, s);
            assertTrue(r.feasible(), name + ": " + r.violations());
            assertEquals(s.objectiveMicroUsd() / 1e6, r.objectiveUsd(), 1e-4, name);
            assertEquals(p.jobs().size(), kind.explain(request, s).jobs().size());
            // imported back, the schedule passes the same check; without its jobs it does not
            assertEquals(List.of(), kind.check(request, s).violations(), name);
            PowerSolution emptied = new PowerSolution(
                    s.method(),
                    s.status(),
                    s.objectiveMicroUsd(),
                    s.boundMicroUsd(),
                    s.gap(),
                    s.co2Kg(),
                    s.energyKwh(),
                    s.energyCostUsd(),
                    s.penaltyUsd(),
                    s.lateJobs(),
                    s.droppedJobs(),
                    List.of());
            assertTrue(!kind.check(request, emptied).violations().isEmpty(), name);
            // a warm start from the answer is accepted and is not worse
            SimpleSolveControl again = new SimpleSolveControl(SAFETY_NET);
            again.listener((x, score) -> again.requestStop());
            assertTrue(kind.solve(request, s, again).solution().objectiveMicroUsd() <= s.objectiveMicroUsd(), name);
        }
    }

    @Test
    void theTightCapExampleHasALateAndADroppedJobWithReasons() throws Exception {
        PowerRequest request = read("power-tight-cap.json");
        PowerKind kind = PowerKinds.cpSatFirst();
        PowerSolution s = kind.solve(request, null, SolveControl.withTimeLimit(SAFETY_NET))
                .solution();
        assertEquals(PowerSolution.Status.OPTIMAL, s.status());
        PowerExplanation e = kind.explain(request, s);
        assertEquals(
                List.of("flexible:late", "optional:dropped"),
                e.lateOrDropped().stream()
                        .map(w -> w.jobId() + ":" + w.outcome())
                        .sorted()
                        .toList());
    }

    @Test
    @Tag("slow")
    void everyExampleSolvesWithinThreeSecondsToACheckedSchedule() throws Exception {
        PowerKind kind = PowerKinds.defaults();
        for (String name : names()) {
            PowerRequest request = read(name);
            PowerProblem p = TO_MODEL.toModel(request);
            List<String> scores = new CopyOnWriteArrayList<>();
            var control = new SimpleSolveControl(Duration.ofSeconds(3)).listener((s, score) -> scores.add(score));
            PowerSolution s = kind.solve(request, null, control).solution();
            assertFalse(scores.isEmpty(), name + ": no best solution reported");
            ScheduleChecker.Report r = ScheduleChecker.check(p, s);
            assertTrue(r.feasible(), name + ": " + r.violations());
            assertEquals(s.objectiveMicroUsd() / 1e6, r.objectiveUsd(), 1e-4, name);
            PowerSolution again = kind.solve(request, s, SolveControl.withTimeLimit(Duration.ofSeconds(3)))
                    .solution();
            assertTrue(again.objectiveMicroUsd() <= s.objectiveMicroUsd(), name);
        }
    }
}
