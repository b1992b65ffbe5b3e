package dev.computeplan.procurement.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * A mixed-integer linear program written once and handed to several OR-Tools back ends: SCIP (the MIP), GLOP
 * (LP duals) and CP-SAT (infeasibility cores). Rows that express a user's requirement carry a {@link Requirement}
 * so that they can be switched off one by one when explaining infeasibility; rows without one are definitions.
 */
public final class LinearProgram {

    /**
     * A requirement of the user, in domain words: the unit of an infeasibility explanation. {@code powerDetail}, if
     * given, is the description with what it needs of site power, shown only beside a power limit it conflicts with.
     */
    public record Requirement(String key, String description, String powerDetail) {
        public Requirement(String key, String description) {
            this(key, description, null);
        }
    }

    public record Variable(int index, String name, double lb, double ub, boolean integer) {}

    public record Row(
            int index,
            String name,
            Requirement requirement,
            int[] vars,
            double[] coefs,
            double lb,
            double ub,
            String unit,
            double unitScale) {}

    private final List<Variable> variables = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Double> objective = new ArrayList<>();

    public int addVariable(String name, double lb, double ub, boolean integer) {
        int index = variables.size();
        variables.add(new Variable(index, name, lb, ub, integer));
        objective.add(0.0);
        return index;
    }

    public void addObjective(int var, double coef) {
        objective.set(var, objective.get(var) + coef);
    }

    public RowBuilder row(String name, Requirement requirement) {
        return new RowBuilder(name, requirement);
    }

    public List<Variable> variables() {
        return variables;
    }

    public List<Row> rows() {
        return rows;
    }

    /** A copy without the rows of one requirement (by key): the problem with that requirement dropped. */
    public LinearProgram without(String requirementKey) {
        LinearProgram copy = new LinearProgram();
        for (Variable v : variables) {
            copy.addVariable(v.name(), v.lb(), v.ub(), v.integer());
            copy.addObjective(v.index(), objective(v.index()));
        }
        for (Row row : rows) {
            if (row.requirement() != null && row.requirement().key().equals(requirementKey)) {
                continue;
            }
            copy.rows.add(new Row(
                    copy.rows.size(),
                    row.name(),
                    row.requirement(),
                    row.vars(),
                    row.coefs(),
                    row.lb(),
                    row.ub(),
                    row.unit(),
                    row.unitScale()));
        }
        return copy;
    }

    public double objective(int var) {
        return objective.get(var);
    }

    /** A copy to change apart from this one (rows are immutable and shared). */
    public LinearProgram copy() {
        LinearProgram out = new LinearProgram();
        out.variables.addAll(variables);
        out.objective.addAll(objective);
        out.rows.addAll(rows);
        return out;
    }

    /** Replaces the objective by {@code coefs} (one per variable). */
    public void setObjective(double[] coefs) {
        for (int i = 0; i < variables.size(); i++) {
            objective.set(i, coefs[i]);
        }
    }

    /** Holds a variable at a value (its bounds set to it). */
    public void fix(int var, double value) {
        Variable v = variables.get(var);
        variables.set(var, new Variable(var, v.name(), value, value, v.integer()));
    }

    /**
     * Appends another program's variables and rows, their names prefixed and its objective weighted, and returns the
     * index its first variable has here: the other program's variable i is this one's {@code offset + i}.
     */
    public int absorb(LinearProgram other, String prefix, double weight) {
        int offset = variables.size();
        for (Variable v : other.variables) {
            addVariable(prefix + v.name(), v.lb(), v.ub(), v.integer());
            objective.set(offset + v.index(), weight * other.objective(v.index()));
        }
        for (Row row : other.rows) {
            int[] shifted = row.vars().clone();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += offset;
            }
            rows.add(new Row(
                    rows.size(),
                    prefix + row.name(),
                    row.requirement(),
                    shifted,
                    row.coefs(),
                    row.lb(),
                    row.ub(),
                    row.unit(),
                    row.unitScale()));
        }
        return offset;
    }

    /** Builds one row: terms, then a bound. Terms on variable -1 (not created) are skipped. */
    public final class RowBuilder {
        private final String name;
        private final Requirement requirement;
        private final List<Integer> vars = new ArrayList<>();
        private final List<Double> coefs = new ArrayList<>();
        private String unit = "";
        private double unitScale = 1;

        private RowBuilder(String name, Requirement requirement) {
            this.name = name;
            this.requirement = requirement;
        }

        public RowBuilder add(int var, double coef) {
            if (var >= 0 && coef != 0) {
                vars.add(var);
                coefs.add(coef);
            }
            return this;
        }

        /** The unit a person would relax this row by, as a multiple of the row's own unit (1 MW = 1e6 W). */
        public RowBuilder unit(String unitName, double scale) {
            this.unit = unitName;
            this.unitScale = scale;
            return this;
        }

        public boolean isEmpty() {
            return vars.isEmpty();
        }

        public int atMost(double ub) {
            return build(Double.NEGATIVE_INFINITY, ub);
        }

        public int atLeast(double lb) {
            return build(lb, Double.POSITIVE_INFINITY);
        }

        public int equalTo(double value) {
            return build(value, value);
        }

        private int build(double lb, double ub) {
            int index = rows.size();
            rows.add(new Row(
                    index,
                    name,
                    requirement,
                    vars.stream().mapToInt(Integer::intValue).toArray(),
                    coefs.stream().mapToDouble(Double::doubleValue).toArray(),
                    lb,
                    ub,
                    unit,
                    unitScale));
            return index;
        }
    }
}
