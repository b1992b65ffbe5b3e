#!/usr/bin/env bash
# OpenB online placement benchmark (FGD paper protocol, ../shared/data/README.md): best-fit, FGD and the
# engine's fragmentation rule side by side on the same simulator.
# Usage: benchmarks/placement-openb.sh [SEEDS] [TRACES]   e.g. benchmarks/placement-openb.sh 3 default,gpuspec33
# Prints a markdown table and writes it to target/openb-table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${1:-3}"
TRACES="${2:-default,gpuspec33}"
./mvnw -o -q test -Dtest=OpenbBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopenb.seeds="$SEEDS" -Dopenb.traces="$TRACES" >/dev/null
cat target/openb-table.md
