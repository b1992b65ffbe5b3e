#!/usr/bin/env bash
# Power benchmark: the "Let's Wait Awhile" year (ml_jobs_2020.csv of the shared data on the bundled German carbon
# series) without a cap, then under a site cap of K A100s with the two baselines, then a 200-job week on CP-SAT.
# Prints a markdown table. The benchmark program lives in src/bench/java (compiled with the tests).
# Usage: benchmarks/power.sh [K=25] [year seconds=30] [week seconds=30] [week|year|year-contiguous|forecast|all] [jobs csv]
#   ("week": only the week, "year": only the capped year, "year-contiguous": only its non-interruptible rows,
#   "forecast": the paper's scenario planned on a forecast with error, re-planned each step, paid at the actual series)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test >/dev/null
java -Xmx3g ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/test-cp.txt)" \
  dev.computeplan.power.bench.PowerBenchmark "${1:-25}" "${2:-30}" "${3:-30}" ${4:-all} ${5:-}
