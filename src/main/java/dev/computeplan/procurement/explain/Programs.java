package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.solver.LinearProgram;

/** Copies of a program with one row changed, for re-solves that ask what a different limit would give. */
final class Programs {

    private Programs() {}

    /** A copy of the program with one row's upper bound set to {@code ub} (infinite: no upper bound). */
    static LinearProgram withUpperBound(LinearProgram lp, LinearProgram.Row changed, double newUb) {
        LinearProgram copy = new LinearProgram();
        for (LinearProgram.Variable v : lp.variables()) {
            int i = copy.addVariable(v.name(), v.lb(), v.ub(), v.integer());
            copy.addObjective(i, lp.objective(v.index()));
        }
        for (LinearProgram.Row row : lp.rows()) {
            double ub = row.index() == changed.index() ? newUb : row.ub();
            boolean hasLb = Double.isFinite(row.lb());
            boolean hasUb = Double.isFinite(ub);
            if (!hasLb && !hasUb) {
                continue;
            }
            var b = copy.row(row.name(), row.requirement()).unit(row.unit(), row.unitScale());
            addTerms(b, row);
            if (hasLb && hasUb) {
                if (row.lb() == ub) {
                    b.equalTo(ub);
                } else {
                    b.atMost(ub);
                    var lower = copy.row(row.name() + ".lb", row.requirement());
                    addTerms(lower, row);
                    lower.atLeast(row.lb());
                }
            } else if (hasLb) {
                b.atLeast(row.lb());
            } else {
                b.atMost(ub);
            }
        }
        return copy;
    }

    private static void addTerms(LinearProgram.RowBuilder b, LinearProgram.Row row) {
        for (int i = 0; i < row.vars().length; i++) {
            b.add(row.vars()[i], row.coefs()[i]);
        }
    }
}
