#!/usr/bin/env bash
# Agent statistics at scale (issue 20): 1,000 agents of one customer (and 200 of four others) over 31 days with
# 100 rings per agent per day (3.1 million agentcalls in the measured customer), their status history and daily
# rollups; p50/p95 and EXPLAIN (ANALYZE, BUFFERS) of each statement the statistics and status-history services
# send. Recreates its own database (agentbin_bench_stats) from the project's migrations. Extra arguments go to
# scale/agent_statistics.py (e.g. --runs 101; --skip-seed to reuse the last seed).
# --http: then also times GET /v1.0/agent_statistics and /v1.0/agents/{id}/statistics end to end through the local
# app (src/local, built in the reactor as scripts/run.sh builds it) started on that database at port
# STATS_HTTP_PORT (18090; 8080 stays the local run's), with its first admin in the measured customer, queues
# pointed nowhere and the sweeper idle, so only the requests run.
# Needs: PostgreSQL (scripts/postgres.sh), python3, curl, and for --http a JDK; root or sudo to create the
# database. Seeding takes a few minutes and about 3 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${STATS_DB:-agentbin_bench_stats}
PORT=${STATS_HTTP_PORT:-18090}
http=false
args=()
for arg in "$@"; do
  if [[ $arg == --http ]]; then http=true; else args+=("$arg"); fi
done
./scripts/postgres.sh >/dev/null
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [[ " ${args[*]-} " != *" --skip-seed "* ]]; then
  as_root su postgres -c "psql -qc 'drop database if exists $DB' -c 'create database $DB owner agentbin'"
fi
stats() { python3 benchmarks/scale/agent_statistics.py --database "$DB" --migrations src/core/src/main/resources/db/migration "$@"; }
stats ${args[@]+"${args[@]}"}
$http || exit 0

./mvnw -B -q package -DskipTests -pl src/local -am
JAVA=java
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; fi
KEYS=src/local/target/jwt
[[ -f $KEYS/jwt-private.pem ]] || "$JAVA" scripts/local/JwtKeyPair.java "$KEYS"
ADMIN=admin@stats.example.com
PASSWORD=change-me-now
CUSTOMER=00000000-0000-4000-8000-0000000057a7
NOWHERE=http://127.0.0.1:9/000000000000/none
# The schema is the benchmark's (no Flyway history): the app must not migrate it.
mkdir -p target
env QUARKUS_HTTP_PORT="$PORT" AGENTBIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_FLYWAY_MIGRATE_AT_START=false \
    _PROD_AGENTBIN_BOOTSTRAP_CUSTOMER_ID=$CUSTOMER _PROD_AGENTBIN_BOOTSTRAP_USERNAME=$ADMIN _PROD_AGENTBIN_BOOTSTRAP_PASSWORD=$PASSWORD \
    AGENTBIN_LOCAL_RING_QUEUE_URL=$NOWHERE AGENTBIN_LOCAL_EVENT_QUEUE_URL=$NOWHERE AGENTBIN_EVENTS_SQS_ENDPOINT=http://127.0.0.1:9 \
    AGENTBIN_EVENTS_QUEUE_URL=$NOWHERE AGENTBIN_LOCAL_SWEEP_INTERVAL=1h AGENTBIN_LOCAL_RELAY_INTERVAL=1h \
    AGENTBIN_JWT_PUBLIC_KEY="$(cat $KEYS/jwt-public.pem)" AGENTBIN_JWT_PRIVATE_KEY="$(cat $KEYS/jwt-private.pem)" \
    AGENTBIN_TELEPHONY_SIMULATOR_SECRET="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')" \
    "$JAVA" ${JAVA_OPTS:-} -jar src/local/target/quarkus-app/quarkus-run.jar > target/statistics-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 120); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/v1.0/agents" && break
  kill -0 $app 2>/dev/null || { echo "the app did not start: target/statistics-app.log" >&2; exit 1; }
  sleep 1
done
stats ${args[@]+"${args[@]}"} --skip-seed --http-only --http "http://127.0.0.1:$PORT" --username $ADMIN --password $PASSWORD
