#!/usr/bin/env python3
"""Prints the figures docs/procurement.md quotes for a case study, from `ProcurementBench solve FILE S --explain`.

Usage: procurement_cases.py LOG (the bench's output: a result line, the plan JSON, the explanation JSON).
"""
import json
import re
import sys
from collections import Counter, defaultdict


def docs(text):
    dec = json.JSONDecoder()
    return [dec.raw_decode(text[m.start():])[0] for m in re.finditer(r"^\{", text, re.M)]


def main(path):
    text = open(path).read()
    for line in text.splitlines():
        if "|" in line and "objective" in line or line.startswith("load"):
            print(line)
    found = docs(text)
    if not found:
        return
    plan, explanation = found[0], found[1] if len(found) > 1 else {}
    print("status", plan["status"], "objective %.0f" % (plan.get("objectiveUsd") or 0), "gap %.3f%%" % (100 * (plan.get("gap") or 0)))
    for item in plan.get("conflict") or []:
        print("conflict:", item)
    for r in plan.get("repairs") or []:
        print("repair:", r["requirement"], r["status"], r.get("objectiveUsd"))
    if plan.get("objectiveUsd") is None:
        return
    bought = Counter()
    by_site = Counter()
    first = {}
    for b in plan["purchases"]:
        bought[b["sku"]] += b["accelerators"]
        by_site[b["site"]] += b["accelerators"]
        first.setdefault(b["sku"], b["quarterLabel"])
    print("bought", dict(bought), "by site", dict(by_site), "first delivery", first)
    leases = defaultdict(int)
    for l in plan["leases"]:
        leases[(l["sku"], l["site"], l["quarterLabel"])] += l["servers"]
    print("leases (servers)", {"%s %s %s" % k: v for k, v in leases.items()})
    for e in plan.get("existingFleet") or []:
        print("existing %s in %s: %d servers, kept per quarter %s" % (e["sku"], e["site"], e["servers"], e["keptServers"]))
    precision = {(a["workload"], a["sku"]): a["precision"] for a in plan["assignments"] if a["source"] == "OWNED"}
    print("precision", {"%s on %s" % k: v for k, v in precision.items()})
    cloud = sum(a["accelerators"] for a in plan["assignments"] if a["source"] == "CLOUD")
    print("cloud accelerator-quarters %.1f" % cloud)
    c = plan["costs"]
    print("costs capex %.0f lease %.0f cloud %.0f energy %.0f opex %.0f carbon %.0f total %.0f" % (
        c["capexUsd"], c["leaseUsd"], c["cloudUsd"], c["energyUsd"], c["opexUsd"], c["carbonUsd"], c["totalUsd"]))
    print("tonnes lifecycle %.0f (operational %.0f, embodied %.0f, cloud %.0f)" % (
        c["operationalTonnes"] + c["embodiedTonnes"] + c["cloudTonnes"], c["operationalTonnes"], c["embodiedTonnes"], c["cloudTonnes"]))
    f = plan.get("cashFlow")
    if f:
        print("cash capex %.0f lease %.0f energy %.0f opex %.0f cloud %.0f total %.0f; embodied at purchase %.0f t, amortised %.0f t" % (
            f["cashCapexUsd"], f["leaseCommitmentsUsd"], f["energyUsd"], f["opexUsd"], f["cloudCommitmentsUsd"], f["totalCashUsd"],
            f["embodiedTonnesAtPurchase"], f["embodiedTonnesAmortised"]))
    for u in explanation.get("throughputUsed", []):
        print("used: %s on %s: %.1f %s at %s, %s" % (u["workload"], u["sku"], u["perAccelerator"], u["unit"], u["precision"], u["basis"]))
    for v in plan.get("variants") or []:
        vb = Counter()
        for b in (v.get("purchases") or []):
            vb[b["sku"]] += b["accelerators"]
        print("variant", json.dumps({k: v.get(k) for k in ("name", "status", "objectiveUsd", "gap", "changeUsd", "toleranceUsd", "withinTolerance", "basePlanUsd", "compositionWithinTolerance")}))
    for row in explanation.get("variants") or []:
        print("variant row", row["name"], row.get("objectiveUsd"), row.get("acceleratorsBoughtBySku"), row.get("acceleratorsBoughtBySite"),
              "cloud", row.get("cloudAcceleratorQuarters"), "tonnes", row.get("lifecycleTonnes"), row.get("reading"))
    for b in explanation.get("binding") or []:
        print("binding", b["constraint"], b["sentence"])


if __name__ == "__main__":
    main(sys.argv[1])
