#!/usr/bin/env bash
# Solves synthetic ROADEF instances of the larger shapes (benchmarks/roadef-synthetic.py) through `roadef solve`,
# which solves them as placement jobs (PlacementKind), and prints per instance: initial and final cost, the
# instance's lower bound and the gap to it, feasibility (the exact scorer and benchmarks/roadef_check.py), when the
# job first reported a better score than the initial one (from the process's start), wall time
# of the whole process (JVM start and file loading included), peak memory, and the machine's load when it ended.
#
# usage: benchmarks/roadef-large.sh [SECONDS] [SHAPE ...]   (default 300 s, every shape; instances are generated
#   into target/roadef-large on first use)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-300}"
shift $(( $# > 0 ? 1 : 0 )) || true
shapes=("$@")
[[ ${#shapes[@]} -gt 0 ]] || mapfile -t shapes < <(python3 benchmarks/roadef-synthetic.py --list)
dir=target/roadef-large
mkdir -p "$dir"
[[ -d target/classes/dev/computeplan/roadef ]] || ./mvnw -q -o -DskipTests compile
[[ -f target/cp.txt ]] || ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
runner=(java -Xmx6g -cp "target/classes:$(cat target/cp.txt)" dev.computeplan.roadef.RoadefMain)

echo "| instance | initial | final | bound | gap to bound % | feasible | first improvement s | wall s | peak MB | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for name in "${shapes[@]}"; do
  model="$dir/model_$name.txt"; assignment="$dir/assignment_$name.txt"; solution="$dir/solution_$name.txt"
  [[ -f "$model" ]] || python3 benchmarks/roadef-synthetic.py "$dir" "$name" >/dev/null
  bound="$(head -n 1 "$dir/bound_$name.txt")"
  out="$(/usr/bin/time -f 'TIME %e %M' "${runner[@]}" solve --model "$model" --assignment "$assignment" \
         --output "$solution" --seconds "$seconds" 2>"$dir/solve_$name.err")" || true
  printf '%s\n' "$out" >"$dir/solve_$name.out"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  read -r wall peak < <(grep '^TIME ' "$dir/solve_$name.err" | tail -n 1 | awk '{ printf "%s %d\n", $2, $3 / 1024 }')
  initial="$(grep '^initial ' <<<"$out" | awk '{print $2}')"
  final="$(tail -n 1 <<<"$out")"
  independent="$( { python3 benchmarks/roadef_check.py "$model" "$assignment" "$solution" 2>&1 || true; } | head -n 1)"
  if [[ "$independent" == "feasible $final" ]]; then feasible=yes; else feasible="NO (${independent:-no answer})"; fi
  first="$(sed -n 's/^first improvement: \([0-9.]*\) s.*/\1/p' "$dir/solve_$name.err" | tail -n 1)"
  gap="$(awk -v f="$final" -v b="$bound" 'BEGIN { if (b > 0) printf "%.2f", (f - b) * 100 / b; else print "?" }')"
  echo "| $name | $initial | $final | $bound | $gap | $feasible | ${first:-none} | $wall | $peak | $load |"
done
