#!/usr/bin/env bash
# What a ring and an API request cost the database (docs/capacity.md): runs src/api's CapacityBenchmark
# against a PostgreSQL server of its own, started here for the run and stopped after it, with
# pg_stat_statements loaded (statements and their time) and nothing else on it (so the CPU time of all its
# processes is the benchmark's). The shared server on 5432 is not touched or restarted.
# Writes src/api/target/capacity-benchmark.txt. Extra arguments go to Maven, e.g. -Dcapacity.rounds=8
# -Dcapacity.requests=1000. CAPACITY_PG_PORT picks the port (55433), CAPACITY_PG_DIR the data directory.
# Needs: PostgreSQL's server binaries (scripts/postgres.sh installs them), a JDK; root or sudo (the server
# runs as the postgres user).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${CAPACITY_PG_PORT:-55433}
DATA=${CAPACITY_PG_DIR:-/tmp/agentbin-capacity-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

as_postgres "rm -rf '$DATA' && '$BIN/initdb' -D '$DATA' -U postgres --auth-local=peer --auth-host=scram-sha-256 >/dev/null"
as_postgres "'$BIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w start -o \"-p $PORT -k '$DATA' -c listen_addresses=127.0.0.1 \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all\" >/dev/null"
trap "as_postgres \"'$BIN/pg_ctl' -D '$DATA' -m fast stop >/dev/null\"" EXIT
psql_admin() { as_postgres "psql -h '$DATA' -p $PORT -U postgres -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
psql_admin "create role agentbin login createrole password 'agentbin'"
psql_admin "create database agentbin_capacity owner agentbin"
# Not a trusted extension: created here, where the benchmark (connected as agentbin) only reads it.
as_postgres "psql -h '$DATA' -p $PORT -U postgres -d agentbin_capacity -qc 'create extension pg_stat_statements'"

AGENTBIN_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$PORT/agentbin_capacity" ./mvnw -B -q verify -pl src/core,src/api \
  -Dtest=CapacityBenchmark -Dgroups=benchmark -Dbenchmarks.excluded=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat src/api/target/capacity-benchmark.txt
