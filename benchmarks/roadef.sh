#!/usr/bin/env bash
# Solves every ROADEF/EURO 2012 instance (model_X.txt + assignment_X.txt) in a folder as a placement job (`roadef
# solve` sends it through PlacementKind, the entry point of POST /api/v1/placement/jobs) and prints a table:
# instance, initial, final, best known, gap %, feasible (re-checked by `roadef score`, the exact scorer, and where
# python3 is installed by benchmarks/roadef_check.py, an independent implementation of the rules and the cost).
#
# usage: benchmarks/roadef.sh [DIR] [SECONDS] [extra solve options, e.g. --seed 1 --threads 2]
#   DIR      default ../shared/data/roadef2012/A (then /work/shared/data/roadef2012/A)
#   SECONDS  per instance, default 10 (the challenge allows 300)
# ROADEF_RUNNER=jar runs `java -jar target/computeplan.jar roadef ...` (the application's CLI);
# the default runs dev.computeplan.roadef.RoadefMain from target/classes.
# "engine moves/s" is the mean of the scored moves per second the engine's annealing phases log ("-" where they are not logged).
# Solutions go to target/roadef/solution_X.txt, the solver's output and log to solve_X.out and solve_X.err.
# Gap: relative to the best known value, except a2_1 (best known 198) where it is the absolute difference, as the
# challenge reports it.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${1:-}"
if [[ -z "$dir" ]]; then
  if [[ -d ../shared/data/roadef2012/A ]]; then dir=../shared/data/roadef2012/A; else dir=/work/shared/data/roadef2012/A; fi
fi
seconds="${2:-10}"
shift $(( $# > 2 ? 2 : $# )) || true
extra=("$@")

# Best known objective values (set A, from the literature; see ../shared/data/README.md).
declare -A best=([a1_1]=44306501 [a1_2]=777532896 [a1_3]=583005717 [a1_4]=245421266 [a1_5]=727578309
  [a2_1]=198 [a2_2]=707237541 [a2_3]=1182260491 [a2_4]=1680542520 [a2_5]=309714522)

if [[ "${ROADEF_RUNNER:-classes}" == jar ]]; then
  [[ -f target/computeplan.jar ]] || ./mvnw -q -DskipTests package
  runner=(java -jar target/computeplan.jar roadef)
else
  [[ -d target/classes/dev/computeplan/roadef ]] || ./mvnw -q -DskipTests compile
  [[ -f target/cp.txt ]] || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
  runner=(java -Xmx4g -cp "target/classes:$(cat target/cp.txt)" dev.computeplan.roadef.RoadefMain)
fi

mkdir -p target/roadef
echo "| instance | initial | final | best known | gap % | feasible | engine moves/s |"
echo "|---|---|---|---|---|---|---|"
for model in "$dir"/model_*.txt; do
  name="$(basename "$model" .txt)"; name="${name#model_}"
  assignment="$dir/assignment_$name.txt"
  solution="target/roadef/solution_$name.txt"
  out="$("${runner[@]}" solve --model "$model" --assignment "$assignment" --output "$solution" \
         --seconds "$seconds" "${extra[@]}" 2>target/roadef/solve_$name.err)" || true
  printf '%s\n' "$out" >target/roadef/solve_$name.out
  # The annealing phase logs "Annealing from T (look-alikes S, capacity price P): N moves scored (R/s)" once per phase and run: show the mean R
  speed="$( { grep -o 'Annealing[^:]*: [0-9]* moves scored ([0-9]*/s)' <<<"$out" || true; } | grep -o '([0-9]*/s)' \
           | tr -dc '0-9\n' | awk '{ s += $1; n++ } END { if (n) printf "%d", s / n; else printf "-" }' || true)"
  initial="$(grep '^initial ' <<<"$out" | awk '{print $2}')"
  final="$(tail -n 1 <<<"$out")"
  if "${runner[@]}" score --model "$model" --assignment "$assignment" --solution "$solution" >target/roadef/score_$name.txt 2>&1; then
    feasible=yes
    checked="$(head -n 1 target/roadef/score_$name.txt | awk '{print $2}')"
    [[ "$checked" == "$final" ]] || feasible="yes (scorer says $checked)"
  else
    feasible=NO
  fi
  # A second, independent implementation of the rules and the cost must agree (where python3 is installed).
  if command -v python3 >/dev/null 2>&1; then
    independent="$( { python3 benchmarks/roadef_check.py "$model" "$assignment" "$solution" 2>&1 || true; } | head -n 1)"
    [[ "$independent" == "feasible $final" ]] || feasible="$feasible (roadef_check.py: ${independent:-no answer})"
  fi
  b="${best[$name]:-}"
  if [[ -z "$b" || -z "$final" ]]; then
    gap="?"
  elif [[ "$name" == a2_1 ]]; then
    gap="$(( final - b )) (abs)"
  else
    gap="$(awk -v f="$final" -v b="$b" 'BEGIN { printf "%.3f", (f - b) * 100 / b }')"
  fi
  echo "| $name | $initial | $final | ${b:-?} | $gap | $feasible | $speed |"
done
