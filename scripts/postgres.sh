#!/usr/bin/env bash
# Makes sure a local PostgreSQL 15 runs with the agentbin role and the agentbin / agentbin_test
# databases. Installs PostgreSQL from the distribution when it is missing. Needs root (or sudo).
set -euo pipefail

# A database given in AGENTBIN_DB_URL (the local run) or AGENTBIN_TEST_DB_URL (the tests) is used as
# given: nothing is installed or started, the server only has to answer. macOS (Homebrew:
# `brew install postgresql@15`) and Fedora (`dnf install postgresql-server`) users start their own
# server, create the role and databases below, and set these.
given=${AGENTBIN_TEST_DB_URL:-${AGENTBIN_DB_URL:-}}
if [ -n "$given" ]; then
  hostport=$(printf '%s' "$given" | sed -E 's#^jdbc:postgresql://([^/?]+).*#\1#')
  host=${hostport%%:*}; port=5432
  [ "$hostport" != "$host" ] && port=${hostport##*:}
  if ! (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
    echo "postgres.sh: nothing answers at $host:$port (from the given database URL $given)" >&2
    exit 1
  fi
  echo "postgres.sh: using the given database $given"
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres.sh: installing PostgreSQL"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
  as_root pg_ctlcluster "$version" main start
fi

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
for _ in $(seq 1 30); do psql_admin "select 1" >/dev/null 2>&1 && break; sleep 1; done

if [ "$(psql_admin "select 1 from pg_roles where rolname = 'agentbin'")" != "1" ]; then
  psql_admin "create role agentbin login password 'agentbin'"
fi
# Like Aurora's master user, agentbin may create roles: the migration creates the application's DML-only
# role (src/events ApplicationRole), and its tests do so against this server.
psql_admin "alter role agentbin createrole"
for db in agentbin agentbin_test; do
  if [ "$(psql_admin "select 1 from pg_database where datname = '$db'")" != "1" ]; then
    psql_admin "create database $db owner agentbin"
  fi
done
echo "postgres.sh: PostgreSQL $version is up with databases agentbin and agentbin_test"
