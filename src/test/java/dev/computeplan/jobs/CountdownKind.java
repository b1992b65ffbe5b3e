package dev.computeplan.jobs;

import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A problem kind for testing the job machinery: it "improves" a counter every {@code stepMillis} until it reaches
 * {@code target}, the time limit passes or it is stopped. It warm-starts from a previous counter.
 */
public class CountdownKind implements ProblemKind<CountdownKind.Problem, CountdownKind.Solution> {

    public record Item(@NotBlank String name, @Min(0) int weight, String dependsOn) {}

    public record Problem(
            @Min(1) @Max(100_000) int target,
            @Min(1) @Max(10_000) int stepMillis,
            @NotNull @Size(max = 1000) @Valid List<Item> items,
            Boolean fail) {}

    public record Solution(int reached, boolean warmStarted) {}

    @Override
    public String name() {
        return "countdown";
    }

    @Override
    public Class<Problem> problemType() {
        return Problem.class;
    }

    @Override
    public Class<Solution> solutionType() {
        return Solution.class;
    }

    @Override
    public String solverName() {
        return "test-counter";
    }

    @Override
    public List<Violation> validate(Problem problem) {
        List<Violation> violations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < problem.items().size(); i++) {
            if (!names.add(problem.items().get(i).name())) {
                violations.add(new Violation("$.items[" + i + "].name", "duplicate name"));
            }
        }
        for (int i = 0; i < problem.items().size(); i++) {
            String dep = problem.items().get(i).dependsOn();
            if (dep != null && !names.contains(dep)) {
                violations.add(new Violation("$.items[" + i + "].dependsOn", "unknown item '" + dep + "'"));
            }
        }
        return violations;
    }

    @Override
    public Solved<Solution> solve(Problem problem, Solution warmStart, SolveControl control) throws Exception {
        long deadline = System.nanoTime() + control.timeLimit().toNanos();
        int value = warmStart == null ? 0 : warmStart.reached();
        boolean warm = warmStart != null;
        Object lock = new Object();
        control.onStop(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        while (value < problem.target() && !control.stopRequested() && System.nanoTime() < deadline) {
            synchronized (lock) {
                lock.wait(problem.stepMillis());
            }
            if (control.stopRequested()) {
                break;
            }
            value++;
            if (Boolean.TRUE.equals(problem.fail()) && value == 2) {
                throw new IllegalStateException("asked to fail");
            }
            control.newBest(new Solution(value, warm), score(value, problem));
        }
        return new Solved<>(new Solution(value, warm), score(value, problem));
    }

    /** A counter past its target or below zero cannot come from this solver. */
    @Override
    public Checked check(Problem problem, Solution solution) {
        List<String> broken = solution.reached() < 0 || solution.reached() > problem.target()
                ? List.of("reached " + solution.reached() + " is outside 0.." + problem.target())
                : List.of();
        return new Checked(broken, score(solution.reached(), problem));
    }

    private static String score(int value, Problem problem) {
        return "-" + (problem.target() - value) + "remaining";
    }

    @Override
    public Object explain(Problem problem, Solution solution) {
        return Map.of(
                "reached",
                solution.reached(),
                "target",
                problem.target(),
                "remaining",
                problem.target() - solution.reached());
    }
}
