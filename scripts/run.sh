#!/usr/bin/env bash
# Runs agentbin locally: PostgreSQL, then every HTTP function in one Quarkus dev process on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/postgres.sh
./mvnw -B -q install -DskipTests -pl src/core -am
exec ./mvnw -B -pl src/api quarkus:dev -Dquarkus.console.enabled=false "$@"
