#!/usr/bin/env bash
# Load test: two replicas of the packaged service on one PostgreSQL (started as .ci/run does), 2,000 requests from
# 32 concurrent clients, a quarter submits (placement-small, 1 s) and the rest GETs (job, list, solution), spread
# over both replicas and four tenants' API keys. Passes when no answer is a 5xx; overload must come back as 429.
# usage: benchmarks/load.sh [requests] [clients] [submit-share]     (needs target/computeplan.jar: ./mvnw -o -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS="${1:-2000}"
CLIENTS="${2:-32}"
SUBMITS="${3:-0.25}"
JAR=target/computeplan.jar
[ -f "$JAR" ] || { echo "$JAR missing: ./mvnw -o -DskipTests package" >&2; exit 1; }

eval "$(bash .ci/pg-start.sh)"
PSQL=(psql -h /tmp -p "${PG_PORT:-55432}" -U postgres -q)
[ "$(id -u)" = 0 ] && PSQL=(runuser -u postgres -- "${PSQL[@]}")
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS computeplan_load" -c "CREATE DATABASE computeplan_load OWNER computeplan"
URL="${COMPUTEPLAN_TEST_PG_URL%/*}/computeplan_load"

WORK="$(mktemp -d)"
BODY="$WORK/body.json"
python3 - "$BODY" <<'PY'
import json, sys
p = json.load(open("problems/placement/placement-small.json"))
p["termination"] = {"seconds": 1}
json.dump(p, open(sys.argv[1], "w"))
PY

KEY_ARGS=()
KEYS=""
for i in 0 1 2 3; do
  key="load-key-$i"
  hash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)"
  KEY_ARGS+=("--computeplan.security.api-keys[$i].name=load-$i" "--computeplan.security.api-keys[$i].hash={sha256}$hash"
             "--computeplan.security.api-keys[$i].tenant=tenant-$i" "--computeplan.security.api-keys[$i].roles[0]=scheduler")
  KEYS="${KEYS:+$KEYS,}$key"
done

PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap stop EXIT
BASES=""
for port in 18081 18082; do
  java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres --server.port=$port \
    --spring.datasource.url="$URL" --spring.datasource.username="$COMPUTEPLAN_TEST_PG_USER" \
    --spring.datasource.password="$COMPUTEPLAN_TEST_PG_PASSWORD" --computeplan.data-dir="$WORK" \
    --computeplan.jobs.workers=2 --logging.level.root=WARN "${KEY_ARGS[@]}" >"$WORK/replica-$port.log" 2>&1 &
  PIDS+=($!)
  BASES="${BASES:+$BASES,}http://127.0.0.1:$port"
done
for port in 18081 18082; do
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "replica $port did not start" >&2; tail -50 "$WORK/replica-$port.log" >&2; exit 1; }
done

echo "$(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg) (before); $(nproc) cores"
set +e
java benchmarks/LoadClient.java "$REQUESTS" "$CLIENTS" "$SUBMITS" "$BODY" "$BASES" "$KEYS"
rc=$?
set -e
echo "$(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg) (after)"
echo "jobs by status in the shared table:"
"${PSQL[@]}" -d computeplan_load -At -c "SELECT status, COUNT(*) FROM solve_job GROUP BY status ORDER BY 1"
if grep -q " ERROR " "$WORK"/replica-*.log; then echo "errors logged by the replicas:"; grep -h " ERROR " "$WORK"/replica-*.log | head -5; fi
exit $rc
