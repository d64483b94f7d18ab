#!/usr/bin/env bash
# Cold start of the HTTP function and of ringall-dispatch against the framework floor (a one-resource
# Quarkus lambda-http function), each a fresh JVM under AWS's runtime interface client with a mock
# Lambda Runtime API, on Java 17 and Temurin 25. Extra arguments go to coldstart/coldstart.py
# (e.g. --runs 7, --profile, --snapstart, --aot, --subjects floor,api).
# The results land in $WORK/coldstart-results.json; draw them (bars: median, whiskers: min and max) with
#   python3 benchmarks/coldstart/plot.py benchmarks/target/coldstart/coldstart-results.json -o coldstart.svg
# Needs: PostgreSQL (scripts/postgres.sh), python3, openssl; root or sudo to create the database.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${COLDSTART_WORK:-$ROOT/benchmarks/target/coldstart}
DB=${COLDSTART_DB:-agentbin_bench_cold}
JAVA17=${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JAVA25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p "$WORK"

if [ -z "${COLDSTART_SKIP_BUILD:-}" ]; then
  # -Daot: also the aot flavour's image contexts (target/aot-image), which --aot measures, and whose ric/ holds
  # the runtime interface client every subject runs under: the one version the images carry (pom.xml).
  ./mvnw -B -q install -DskipTests -Daot -pl src/api,src/events -am
  ./mvnw -B -q -f benchmarks/floor-hello/pom.xml package -DskipTests
fi

./scripts/postgres.sh >/dev/null
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ "$(as_root su postgres -c "psql -qtAc \"select 1 from pg_database where datname = '$DB'\"")" != "1" ]; then
  as_root su postgres -c "psql -qc 'create database $DB owner agentbin'"
fi

if [ ! -f "$WORK/jwt-private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
fi

JVMS="java17=$JAVA17"
[ -d "$JAVA25" ] && JVMS="$JVMS,java25=$JAVA25"
exec python3 benchmarks/coldstart/coldstart.py --jvms "$JVMS" --database "$DB" --ric src/api/target/aot-image/ric \
  --api-zip src/api/target/function.zip --events-zip src/events/target/function.zip \
  --floor-zip benchmarks/floor-hello/target/function.zip --work "$WORK" \
  --api-image src/api/target/aot-image --events-image src/events/target/aot-image --dockerfile infra/aot/Dockerfile \
  --private-key "$WORK/jwt-private.pem" --public-key "$WORK/jwt-public.pem" "$@"
