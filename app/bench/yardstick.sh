#!/usr/bin/env bash
# Our server under the yardstick's independent load generator (../shared/bench, see its README),
# for the side-by-side table: same workload, same machine, same day. Every client comes from
# 127.0.0.1, so the per-address connection limit (skyspy.limits.connections-per-ip) is lifted.
#
#   app/bench/yardstick.sh CLIENTS [SECONDS=30] [MAX_SIZE=50]
#
# environment: YARDSTICK=../shared/bench (needs java/target/peers.jar: run its setup.sh once, or
#   build a copy elsewhere and point YARDSTICK there), JAR=app/target/skyspy.jar,
#   RESULTS=/tmp/yardstick-results.jsonl, PORT=8765, RATE=200, QUIET_LOAD=0.7, AIRCRAFT=1000 (simulated,
#   at 1 Hz; the yardstick's AIRCRAFT too: 5 gives one small frame per 200 ms, the transport's floor),
#   SERVER_JVM=$(cat app/bench/server-jvm.options), SERVER_ARGS (more server flags, e.g. "--set pekko.http.server.idle-timeout=60s"),
#   LABEL=skyspy-max$MAX_SIZE
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:?usage: app/bench/yardstick.sh CLIENTS [SECONDS] [MAX_SIZE]}
DURATION=${2:-30}
MAX_SIZE=${3:-50}
YARDSTICK=${YARDSTICK:-../shared/bench}
JAR=${JAR:-app/target/skyspy.jar}
RESULTS=${RESULTS:-/tmp/yardstick-results.jsonl}
PORT=${PORT:-8765}
RATE=${RATE:-200}
QUIET_LOAD=${QUIET_LOAD:-0.7}
AIRCRAFT=${AIRCRAFT:-1000}
SERVER_JVM=${SERVER_JVM:-$(cat app/bench/server-jvm.options)}
SERVER_ARGS=${SERVER_ARGS:-}
LABEL=${LABEL:-skyspy-max$MAX_SIZE}
ulimit -n "$(ulimit -Hn)"

for _ in $(seq 30); do   # wait, bounded (5 min), for the other engineers' builds to finish
  awk -v q="$QUIET_LOAD" '{exit !($1 < q)}' /proc/loadavg && break
  echo "waiting for a quiet machine: $(cat /proc/loadavg)" >&2; sleep 10
done
echo "load before: $(cat /proc/loadavg)" >&2

LOG=/tmp/skyspy-yardstick-$CLIENTS-max$MAX_SIZE
# shellcheck disable=SC2086
java $SERVER_JVM -jar "$JAR" --host 127.0.0.1 --port "$PORT" --sim-aircraft "$AIRCRAFT" --sim-rate 1 \
  --set "skyspy.batching.max-size=$MAX_SIZE" --set skyspy.limits.connections-per-ip=1000000 $SERVER_ARGS \
  >"$LOG.server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 150); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done

# updates=false and topics=aircraft: the yardstick's workload is deltas only (no periodic full list)
timeout $(( CLIENTS / RATE + DURATION + 90 )) java -Xms1g -Xmx4g -jar "$YARDSTICK/java/target/peers.jar" loadgen \
  --url "ws://127.0.0.1:$PORT/ws/aircraft/?topics=aircraft&updates=false" --clients "$CLIENTS" \
  --duration "$DURATION" --rate "$RATE" --aircraft "$AIRCRAFT" --server-pid "$SERVER_PID" \
  --label "$LABEL" --out "$RESULTS" 2>"$LOG.loadgen.log"
