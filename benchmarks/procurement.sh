#!/usr/bin/env bash
# Procurement MIP benchmark (SCIP through OR-Tools): seeded generated instances, one result line each.
# Line: instance | model size | status | objective (discounted USD) | relative gap | solve wall time | independent check.
# Total runtime about 3-4 minutes on 2 cores. Usage: benchmarks/procurement.sh [quick|compare [ROUNDS]|pareto|two-stage]
# pareto: an 8-point cost-versus-carbon frontier of the headline size in 60 s, one line per point;
# two-stage: five scenarios of the headline size in 120 s, the value of the stochastic solution and one line per scenario.
# compare: the headline instances with the warm start and cover rows (default) and without (--no-rounded-start),
# interleaved seed by seed so that other load hits both alike, load average first.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/test-cp.txt)"
run() { java -cp "$CP" dev.computeplan.procurement.bench.ProcurementBench generate "$@"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [ "${1:-}" = compare ]; then
  for round in $(seq "${2:-3}"); do for seed in 1 2 3; do
    echo "default | load $(cut -d' ' -f1 /proc/loadavg) | $(run 20 12 5 30 "$seed" 10)"
    echo "no warm start, no cover rows | load $(cut -d' ' -f1 /proc/loadavg) | $(run 20 12 5 30 "$seed" 10 --no-rounded-start)"
  done; done
  exit 0
fi
if [ "${1:-}" = pareto ]; then
  echo "## 8-point frontier: 20 x 12 x 5 x 30, 60 s, load $(cut -d' ' -f1 /proc/loadavg)"
  run 20 12 5 30 "${2:-1}" 60 --pareto
  exit 0
fi
if [ "${1:-}" = two-stage ]; then
  echo "## five scenarios: 20 x 12 x 5 x 30, 120 s, load $(cut -d' ' -f1 /proc/loadavg)"
  run 20 12 5 30 "${2:-1}" 120 --two-stage
  exit 0
fi
echo "## headline: 20 SKUs x 12 quarters x 5 sites x 30 workloads, 10 s limit"
for seed in 1 2 3; do run 20 12 5 30 "$seed" 10; done
[ "${1:-}" = quick ] && exit 0
echo "## scale curve: SKUs x quarters x sites x 30 workloads, 60 s limit"
run 10 12 2 30 1 60
run 20 12 5 30 1 60
run 40 12 10 30 1 60
run 60 12 20 30 1 60
