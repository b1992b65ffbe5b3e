#!/usr/bin/env bash
# The case studies of docs/procurement.md: solves each example with its explanation and prints the figures the docs
# quote (plan, costs, cash flow, throughput rows used, what-ifs, conflict and repairs), with the load beside them.
# Runtime: up to SECONDS (default 150) per example, about 4 minutes on a loaded 2-core machine.
# Usage: benchmarks/procurement-cases.sh [SECONDS] [NAME...]   (NAME: llm-company green mixed-fleet ...)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/test-cp.txt)"
SECONDS_LIMIT="${1:-150}"
shift || true
NAMES=("$@")
[ ${#NAMES[@]} -eq 0 ] && NAMES=(llm-company green mixed-fleet infeasible-lead-times default-catalogue)
echo "# $(date -u +%FT%TZ) $(nproc) cores, limit ${SECONDS_LIMIT} s"
for name in "${NAMES[@]}"; do
  log="$(mktemp)"
  echo "## $name"
  echo "load $(cut -d' ' -f1 /proc/loadavg)" > "$log"
  java -cp "$CP" dev.computeplan.procurement.bench.ProcurementBench solve \
    "problems/procurement/procurement-$name.json" "$SECONDS_LIMIT" --explain >> "$log"
  python3 benchmarks/procurement_cases.py "$log"
  rm -f "$log"
done
