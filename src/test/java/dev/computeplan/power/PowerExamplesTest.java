package dev.computeplan.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.SolveControl;
import dev.computeplan.power.api.PowerKind;
import dev.computeplan.power.explain.PowerExplanation;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every example scenario reads, validates, solves within 3 s to a checked schedule, and explains itself. */
class PowerExamplesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static PowerProblem read(String name) throws Exception {
        ObjectNode node = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("problems/power", name)));
        node.remove("termination");
        return MAPPER.treeToValue(node, PowerProblem.class);
    }

    @Test
    void everyExampleSolvesToACheckedSchedule() throws Exception {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(Path.of("problems/power"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("power-") && n.endsWith(".json")).sorted().forEach(names::add);
        }
        assertTrue(names.size() >= 3, names::toString);
        PowerKind kind = new PowerKind(Clock.systemUTC());
        for (String name : names) {
            PowerProblem p = read(name);
            if (p.grid().carbonSeries() != null && CarbonSeries.dataDir().isEmpty()) {
                continue;
            }
            assertEquals(List.of(), kind.validate(p), name);
            List<String> scores = new CopyOnWriteArrayList<>();
            var control = new dev.computeplan.common.SimpleSolveControl(Duration.ofSeconds(3)).listener((s, score) -> scores.add(score));
            PowerSolution s = kind.solve(p, null, control).solution();
            assertFalse(scores.isEmpty(), name + ": no best solution reported");
            ScheduleChecker.Report r = ScheduleChecker.check(p, s);
            assertTrue(r.feasible(), name + ": " + r.violations());
            assertEquals(s.objectiveMicroUsd() / 1e6, r.objectiveUsd(), 1e-4, name);
            PowerExplanation e = (PowerExplanation) kind.explain(p, s);
            assertEquals(p.jobs().size(), e.jobs().size());
            // a warm start from the answer is accepted and is not worse
            PowerSolution again = kind.solve(p, s, SolveControl.withTimeLimit(Duration.ofSeconds(3))).solution();
            assertTrue(again.objectiveMicroUsd() <= s.objectiveMicroUsd(), name);
        }
    }

    @Test
    void theTightCapExampleHasALateAndADroppedJobWithReasons() throws Exception {
        PowerProblem p = read("power-tight-cap.json");
        PowerKind kind = new PowerKind(Clock.systemUTC());
        PowerSolution s = kind.solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(3))).solution();
        assertEquals("OPTIMAL", s.status());
        PowerExplanation e = (PowerExplanation) kind.explain(p, s);
        assertEquals(List.of("flexible:late", "optional:dropped"),
                e.lateOrDropped().stream().map(w -> w.jobId() + ":" + w.outcome()).sorted().toList());
    }
}
