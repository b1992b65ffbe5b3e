#!/usr/bin/env bash
# Synthetic scale run: 8-GPU nodes (GPUS total) and WORKLOADS seeded workloads, solved for SECONDS.
# Then re-plans with everything running where it was placed plus ARRIVALS new workloads.
# Usage: benchmarks/placement-scale.sh [WORKLOADS] [GPUS] [SECONDS] [ARRIVALS]   e.g. benchmarks/placement-scale.sh 2000 10000 20 50
# Prints the time of the first hard-feasible best solution, the final score and the phase log.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/test-cp.txt)" dev.computeplan.placement.bench.Main \
  scale "${1:-2000}" "${2:-10000}" "${3:-20}" "${4:-50}" 2>&1 \
  | grep -E "SCALE|phase.*ended" | sed -E 's/.*(INFO|SCALE)/\1/'
