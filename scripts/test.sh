#!/usr/bin/env bash
# Runs every test: starts what the tests need (PostgreSQL, ElasticMQ for the SQS tests, Chromium for
# the browser tests), then the whole Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/postgres.sh
./scripts/elasticmq.sh
./scripts/chromium.sh
./mvnw -B verify "$@"
