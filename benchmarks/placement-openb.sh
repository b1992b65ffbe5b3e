#!/usr/bin/env bash
# OpenB online placement benchmark (FGD paper protocol, ../shared/data/README.md): best-fit, FGD and the
# engine's own soft rules (fragmentation + gpuClassBalance + free CPU/memory per free GPU balance, the score
# difference a recommendation reports) side by side on the same simulator; "engine-unbalanced" is the engine
# without the balance objectives, "engine-fragmentation" the fragmentation rule alone.
# Usage: benchmarks/placement-openb.sh [SEEDS] [TRACES] [POLICIES] [BALANCE_WEIGHT]
#   e.g. benchmarks/placement-openb.sh 3 default,gpuspec33 best-fit,fgd,engine,engine-fragmentation
# Prints a markdown table and writes it to target/openb-table.md (progress lines go to stderr).
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${1:-3}"
TRACES="${2:-default,gpuspec33}"
POLICIES="${3:-best-fit,fgd,engine,engine-fragmentation}"
BALANCE_WEIGHT="${4:-1}"
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/test-cp.txt)" dev.computeplan.placement.bench.Main \
  openb "$SEEDS" "$TRACES" "$POLICIES" "$BALANCE_WEIGHT"
