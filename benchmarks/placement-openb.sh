#!/usr/bin/env bash
# OpenB online placement benchmark (FGD paper protocol, ../shared/data/README.md). Every pod goes through the
# product's online decision path ("product": the cluster kept in the placement request's vocabulary, one
# LiveCluster.decide per pod as POST /api/v1/placement/clusters/{id}/decisions runs it, in-process), beside our FGD,
# best-fit as the FGD paper defines it ("best-fit") and our GPU-first best-fit ("best-fit-gpu-first"); then the
# decision latency of the product and FGD on a synthetic cluster of LATENCY_GPUS GPUs.
# Usage: benchmarks/placement-openb.sh [SEEDS] [TRACES] [POLICIES] [LATENCY_GPUS]
#   e.g. benchmarks/placement-openb.sh 6 default,gpuspec33,multigpu50,gpushare100 best-fit,fgd,product 10000
# Prints markdown tables and writes the first to target/openb-table.md (progress lines go to stderr).
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${1:-6}"
TRACES="${2:-default,gpuspec33,multigpu50,gpushare100}"
POLICIES="${3:-best-fit,best-fit-gpu-first,fgd,product}"
LATENCY_GPUS="${4:-10000}"
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/test-cp.txt)"
java -cp "$CP" dev.computeplan.placement.bench.Main openb "$SEEDS" "$TRACES" "$POLICIES"
if [ "$LATENCY_GPUS" != "0" ]; then
  java -cp "$CP" dev.computeplan.placement.bench.Main openb-latency "$LATENCY_GPUS" fgd,product
fi
