#!/usr/bin/env bash
# OpenB online placement benchmark (FGD paper protocol, ../shared/data/README.md): best-fit, FGD and the
# engine's own soft rules (fragmentation + gpuClassBalance + free CPU/memory per free GPU balance, the score
# difference a recommendation reports) side by side on the same simulator; "engine-unbalanced" is the engine
# without the balance objectives, "engine-fragmentation" the fragmentation rule alone.
# Usage: benchmarks/placement-openb.sh [SEEDS] [TRACES] [POLICIES]
#   e.g. benchmarks/placement-openb.sh 3 default,gpuspec33 best-fit,fgd,engine,engine-fragmentation
# Prints a markdown table and writes it to target/openb-table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${1:-3}"
TRACES="${2:-default,gpuspec33}"
POLICIES="${3:-best-fit,fgd,engine,engine-fragmentation}"
./mvnw -o -q test -Dtest=OpenbBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopenb.seeds="$SEEDS" -Dopenb.traces="$TRACES" -Dopenb.policies="$POLICIES" >/dev/null
cat target/openb-table.md
