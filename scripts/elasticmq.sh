#!/usr/bin/env bash
# Makes sure ElasticMQ (an SQS-compatible server) answers on 127.0.0.1:9324 with the queues of
# scripts/elasticmq/elasticmq.conf (ring-requests and its dead-letter queue ring-requests-dlq).
# Idempotent: does nothing when something already answers SQS there. ElasticMQ comes from Maven
# Central through the Maven wrapper (nothing to install by hand); it keeps running in the background.
#   scripts/elasticmq.sh          start (or do nothing)
#   scripts/elasticmq.sh stop     stop the instance this script started
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=127.0.0.1
PORT=9324
WORK=scripts/elasticmq/target
PID_FILE=$WORK/elasticmq.pid
LOG_FILE=$WORK/elasticmq.log
CLASSPATH_FILE=$WORK/classpath.txt

# Runs a command, killed after 3 s (GNU timeout is not on every system, macOS's among them).
within_3s() {
  "$@" &
  local pid=$! rc
  (sleep 3; kill "$pid" 2>/dev/null) >/dev/null 2>&1 &
  local killer=$!
  wait "$pid"; rc=$?
  kill "$killer" 2>/dev/null || true
  return $rc
}

# True when an SQS server answers: a ListQueues request gets an HTTP response (bash's /dev/tcp, so
# neither curl nor wget is needed).
answers() {
  local reply
  reply=$(within_3s bash -c "exec 3<>/dev/tcp/$HOST/$PORT && \
    printf 'GET /?Action=ListQueues HTTP/1.0\r\nHost: $HOST:$PORT\r\n\r\n' >&3 && head -c 12 <&3" 2>/dev/null) || return 1
  [[ $reply == HTTP/* ]]
}

if [[ ${1:-start} == stop ]]; then
  if [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    echo "elasticmq.sh: stopped ElasticMQ (pid $(cat "$PID_FILE"))"
  else
    echo "elasticmq.sh: no ElasticMQ started by this script is running"
  fi
  rm -f "$PID_FILE"
  exit 0
fi

if answers; then
  echo "elasticmq.sh: an SQS server already answers on $HOST:$PORT"
  exit 0
fi

mkdir -p "$WORK"
# Resolve again when the cached classpath names a jar that is gone (a cleaned local repository).
classpath_ok() {
  [[ -s $CLASSPATH_FILE ]] || return 1
  local jar
  while IFS= read -r -d : jar; do [[ -f $jar ]] || return 1; done < <(cat "$CLASSPATH_FILE"; printf :)
}
if ! classpath_ok; then
  echo "elasticmq.sh: resolving ElasticMQ with the Maven wrapper"
  ./mvnw -B -q -f scripts/elasticmq/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$CLASSPATH_FILE" -Dmdep.includeScope=runtime
fi

JAVA=java
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; fi

# setsid + nohup: the server outlives this script (and the terminal or CI step that ran it).
setsid nohup "$JAVA" -Xmx256m -Dconfig.file="$PWD/scripts/elasticmq/elasticmq.conf" \
  -cp "$(cat "$CLASSPATH_FILE")" org.elasticmq.server.Main >"$LOG_FILE" 2>&1 < /dev/null &
echo $! > "$PID_FILE"

for _ in $(seq 1 60); do
  if answers; then
    echo "elasticmq.sh: ElasticMQ answers on $HOST:$PORT (pid $(cat "$PID_FILE"), log $LOG_FILE)"
    exit 0
  fi
  if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "elasticmq.sh: ElasticMQ exited; its log:" >&2
    cat "$LOG_FILE" >&2
    rm -f "$PID_FILE"
    exit 1
  fi
  sleep 0.5
done
echo "elasticmq.sh: ElasticMQ did not answer on $HOST:$PORT within 30 s; its log:" >&2
cat "$LOG_FILE" >&2
exit 1
