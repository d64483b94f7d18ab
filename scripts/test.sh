#!/usr/bin/env bash
# Runs every test: starts what the tests need (PostgreSQL, ElasticMQ for the SQS tests, Chromium for
# the browser tests), then the whole Maven build.
# AGENTBIN_TEST_DB_URL: a PostgreSQL database to use as given (nothing installed or started).
# AGENTBIN_SKIP_BROWSER_TESTS=1: where no Chromium can be had, skip the browser tests (tag "browser").
set -euo pipefail
cd "$(dirname "$0")/.."
# The tests' database is AGENTBIN_TEST_DB_URL's, never the local run's.
AGENTBIN_DB_URL= ./scripts/postgres.sh
./scripts/elasticmq.sh
if [ "${AGENTBIN_SKIP_BROWSER_TESTS:-}" = 1 ]; then
  echo "test.sh: browser tests skipped (AGENTBIN_SKIP_BROWSER_TESTS=1)"
  set -- -Dbrowser.excluded=browser "$@"
else
  ./scripts/chromium.sh
fi
./mvnw -B verify "$@"
