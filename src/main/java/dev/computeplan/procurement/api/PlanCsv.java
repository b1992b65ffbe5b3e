package dev.computeplan.procurement.api;

import dev.computeplan.procurement.explain.Explanation;
import dev.computeplan.procurement.model.CashFlow;
import dev.computeplan.procurement.model.ProcurementPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A procurement plan, its cash flow, budget use and explanation as CSV tables for a spreadsheet (RFC 4180). */
final class PlanCsv {

    /** The tables a job can be exported as. */
    enum Table {
        PLAN,
        CASH_FLOW,
        BUDGET_USE,
        EXPLANATION
    }

    private PlanCsv() {}

    static String plan(ProcurementPlan plan) {
        return write(
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

    static String cashFlow(CashFlow cash) {
        return write(
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

    static String budgetUse(CashFlow cash) {
        return write(List.of("budget", "quarter", "budgetUsd", "usedUsd", "usedShare"), out -> {
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

    static String explanation(Explanation e) {
        return write(List.of("section", "item", "usd", "text"), out -> {
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

    @FunctionalInterface
    private interface Rows {
        void print(CSVPrinter out) throws IOException;
    }

    private static String write(List<String> header, Rows rows) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get();
        try (CSVPrinter out = new CSVPrinter(text, format)) {
            rows.print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
