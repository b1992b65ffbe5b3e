package dev.computeplan.procurement.api;

import dev.computeplan.procurement.explain.Explanation;
import dev.computeplan.procurement.model.CashFlow;
import dev.computeplan.procurement.model.ParetoPoint;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.TwoStageResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A procurement plan, its cash flow, budget use, explanation, cost-versus-carbon frontier and two-stage plan as tables
 * for a spreadsheet: CSV (RFC 4180) one table at a time, or all of them as sheets of one workbook ({@link PlanXlsx}).
 */
final class PlanCsv {

    /** The tables a job can be exported as. */
    enum Table {
        PLAN,
        CASH_FLOW,
        BUDGET_USE,
        EXPLANATION,
        FRONTIER,
        TWO_STAGE
    }

    private PlanCsv() {}

    static Tabular plan(ProcurementPlan plan) {
        return new Tabular(
                List.of(
                        "record",
                        "quarter",
                        "sku",
                        "site",
                        "workload",
                        "source",
                        "servers",
                        "accelerators",
                        "delivered",
                        "precision"),
                out -> {
                    for (var b : plan.purchases()) {
                        out.printRecord(
                                "purchase",
                                b.quarterLabel(),
                                b.sku(),
                                b.site(),
                                "",
                                "",
                                b.servers(),
                                b.accelerators(),
                                "",
                                "");
                    }
                    for (var l : plan.leases()) {
                        out.printRecord("lease", l.quarterLabel(), l.sku(), l.site(), "", "", l.servers(), "", "", "");
                    }
                    for (var r : plan.existingFleet()) {
                        for (int q = 0; q < r.keptServers().size(); q++) {
                            out.printRecord(
                                    "existing kept",
                                    q,
                                    r.sku(),
                                    r.site(),
                                    "",
                                    "",
                                    r.keptServers().get(q),
                                    "",
                                    "",
                                    "");
                        }
                    }
                    for (var a : plan.assignments()) {
                        out.printRecord(
                                "assignment",
                                a.quarterLabel(),
                                a.sku(),
                                "",
                                a.workload(),
                                a.source(),
                                "",
                                a.accelerators(),
                                a.delivered(),
                                a.precision());
                    }
                });
    }

    static Tabular cashFlow(CashFlow cash) {
        return new Tabular(
                List.of(
                        "quarter",
                        "cashCapexUsd",
                        "leaseUsd",
                        "cloudUsd",
                        "energyUsd",
                        "opexUsd",
                        "totalCashUsd",
                        "discountFactor",
                        "embodiedTonnesAtPurchase",
                        "operationalTonnes"),
                out -> {
                    for (var q : cash.quarters()) {
                        out.printRecord(
                                q.quarterLabel(),
                                q.cashCapexUsd(),
                                q.leaseUsd(),
                                q.cloudUsd(),
                                q.energyUsd(),
                                q.opexUsd(),
                                q.totalCashUsd(),
                                q.discountFactor(),
                                q.embodiedTonnesAtPurchase(),
                                q.operationalTonnes());
                    }
                    out.printRecord(
                            "total",
                            cash.cashCapexUsd(),
                            cash.leaseCommitmentsUsd(),
                            cash.cloudCommitmentsUsd(),
                            cash.energyUsd(),
                            cash.opexUsd(),
                            cash.totalCashUsd(),
                            "",
                            cash.embodiedTonnesAtPurchase(),
                            cash.operationalTonnes());
                });
    }

    static Tabular budgetUse(CashFlow cash) {
        return new Tabular(List.of("budget", "quarter", "budgetUsd", "usedUsd", "usedShare"), out -> {
            for (var b : cash.budgets()) {
                out.printRecord(
                        b.site() == null ? "company" : b.site(),
                        b.quarterLabel(),
                        b.budgetUsd(),
                        b.usedUsd(),
                        b.usedShare());
            }
        });
    }

    static Tabular explanation(Explanation e) {
        return new Tabular(List.of("section", "item", "usd", "text"), out -> {
            out.printRecord("summary", "", "", e.summary());
            for (String c : e.checks()) {
                out.printRecord("check", "", "", c);
            }
            for (var b : e.binding()) {
                out.printRecord("binding", b.constraint(), b.usdPerUnit(), b.sentence());
            }
            for (String c : e.conflict()) {
                out.printRecord("conflict", c, "", "");
            }
            for (var r : e.repairs()) {
                out.printRecord(
                        "repair", r.requirement(), r.objectiveUsd() == null ? "" : r.objectiveUsd(), r.sentence());
            }
            for (var v : e.variants()) {
                out.printRecord("variant", v.name(), v.objectiveUsd() == null ? "" : v.objectiveUsd(), v.reading());
            }
        });
    }

    /** Where a table's records go: a CSV printer or the rows of a spreadsheet. */
    @FunctionalInterface
    interface Sink {
        void printRecord(Object... values) throws IOException;
    }

    /** A table's records, written to a sink. */
    @FunctionalInterface
    interface Rows {
        void print(Sink out) throws IOException;
    }

    /** A table: its header and its records, to be written as CSV or as a spreadsheet's sheet. */
    record Tabular(List<String> header, Rows rows) {}

    /** The cost-versus-carbon frontier, cheapest point first; composition as SKU=accelerators pairs. */
    static Tabular frontier(ProcurementPlan plan) {
        return new Tabular(
                List.of("point", "status", "costUsd", "carbonTonnes", "carbonCapTonnes", "gap", "acceleratorsBySku"),
                out -> {
                    int i = 1;
                    for (ParetoPoint p :
                            plan.paretoFrontier() == null ? List.<ParetoPoint>of() : plan.paretoFrontier()) {
                        out.printRecord(
                                i++,
                                p.status(),
                                p.costUsd(),
                                p.carbonTonnes(),
                                p.carbonCapTonnes() == null ? "" : p.carbonCapTonnes(),
                                p.gap(),
                                p.acceleratorsBoughtBySku().toString());
                    }
                });
    }

    /** The two-stage plan per scenario, then the expectation, the expected-value plan and their difference. */
    static Tabular twoStage(ProcurementPlan plan) {
        return new Tabular(
                List.of("scenario", "probability", "costUsd", "expectedValuePlanUsd", "acceleratorsBySku"), out -> {
                    TwoStageResult t = plan.twoStage();
                    if (t == null) {
                        return;
                    }
                    for (var s : t.scenarios()) {
                        out.printRecord(
                                s.name(),
                                s.probability(),
                                s.costUsd(),
                                s.expectedValuePlanUsd() == null ? "" : s.expectedValuePlanUsd(),
                                s.acceleratorsBoughtBySku().toString());
                    }
                    out.printRecord(
                            "expected",
                            1.0,
                            t.expectedCostUsd() == null ? "" : t.expectedCostUsd(),
                            t.expectedValuePlanUsd() == null ? "" : t.expectedValuePlanUsd(),
                            "");
                    out.printRecord(
                            "value of the stochastic solution",
                            "",
                            t.valueOfStochasticSolutionUsd() == null ? "" : t.valueOfStochasticSolutionUsd(),
                            "",
                            "");
                });
    }

    static String csv(Tabular table) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(table.header().toArray(String[]::new))
                .get();
        try (CSVPrinter out = new CSVPrinter(text, format)) {
            table.rows().print(out::printRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
