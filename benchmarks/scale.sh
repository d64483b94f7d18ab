#!/usr/bin/env bash
# The agent list at scale: 100,000 agents in one customer among 10 customers, first pages and pages 500
# deep, unfiltered and filtered by status + tag: p50 and EXPLAIN (ANALYZE) of each statement Hibernate sends.
# Recreates its own database (agentbin_bench_scale) from the project's migrations. Extra arguments go to
# scale/scale.py (e.g. --runs 101, --skip-seed to reuse the last seed).
# Needs: PostgreSQL (scripts/postgres.sh), python3; root or sudo to create the database.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${SCALE_DB:-agentbin_bench_scale}
./scripts/postgres.sh >/dev/null
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [[ " $* " != *" --skip-seed "* ]]; then
  as_root su postgres -c "psql -qc 'drop database if exists $DB' -c 'create database $DB owner agentbin'"
fi
exec python3 benchmarks/scale/scale.py --database "$DB" --migrations src/core/src/main/resources/db/migration "$@"
