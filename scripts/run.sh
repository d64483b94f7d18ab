#!/usr/bin/env bash
# Runs agentbin locally, the deployment in miniature (src/local): PostgreSQL, ElasticMQ with the ring
# queue and its dead-letter queue, then one process serving every HTTP route on :8080 (concurrently),
# feeding ringall-dispatch from the ring queue, running ringall-sweeper on a schedule, with the simulator
# as telephony provider. Ctrl-C stops the app; ElasticMQ keeps running (scripts/elasticmq.sh stop).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/postgres.sh
./scripts/elasticmq.sh
# Built in the reactor (no install): the app runs this work tree's modules, never a jar from ~/.m2.
./mvnw -B -q package -DskipTests -pl src/local -am

JAVA=java
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; fi

# A built app does not invent its token signing keys: make a pair once (kept until a clean) unless given.
KEYS=src/local/target/jwt
if [[ -z ${AGENTBIN_JWT_PUBLIC_KEY:-} ]]; then
  [[ -f $KEYS/jwt-private.pem ]] || "$JAVA" scripts/local/JwtKeyPair.java "$KEYS"
  AGENTBIN_JWT_PUBLIC_KEY=$(cat "$KEYS/jwt-public.pem")
  AGENTBIN_JWT_PRIVATE_KEY=$(cat "$KEYS/jwt-private.pem")
  export AGENTBIN_JWT_PUBLIC_KEY AGENTBIN_JWT_PRIVATE_KEY
fi

# Outside dev and test the simulator refuses its well-known default secret: a fresh one per run.
if [[ -z ${AGENTBIN_TELEPHONY_SIMULATOR_SECRET:-} ]]; then
  AGENTBIN_TELEPHONY_SIMULATOR_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  export AGENTBIN_TELEPHONY_SIMULATOR_SECRET
fi

exec "$JAVA" ${JAVA_OPTS:-} -jar src/local/target/quarkus-app/quarkus-run.jar "$@"
