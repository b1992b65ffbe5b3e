#!/usr/bin/env bash
# Synthetic scale run: 8-GPU nodes (GPUS total) and WORKLOADS seeded workloads, solved for SECONDS.
# Then re-plans with everything running where it was placed plus ARRIVALS new workloads.
# Usage: benchmarks/placement-scale.sh [WORKLOADS] [GPUS] [SECONDS] [ARRIVALS]   e.g. benchmarks/placement-scale.sh 2000 10000 20 50
# Prints the time of the first hard-feasible best solution, the final score and the phase log.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscale.workloads="${1:-2000}" -Dscale.gpus="${2:-10000}" -Dscale.seconds="${3:-20}" -Dscale.replan="${4:-50}" >/dev/null
grep -hE "SCALE|phase.*ended" target/surefire-reports/*ScaleBenchmark-output.txt | sed -E 's/.*(INFO|SCALE)/\1/'
