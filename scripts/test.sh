#!/usr/bin/env bash
# Runs every test: starts what the tests need (PostgreSQL), then the whole Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/postgres.sh
./mvnw -B verify "$@"
