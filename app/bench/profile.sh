#!/usr/bin/env bash
# A JFR profile of the server under load: starts the server with a flight recording that covers
# the measurement window, runs the fan-out scenario against it, prints where the CPU went.
#
#   app/bench/profile.sh CLIENTS [MAX_SIZE=50] [EXTRA SERVER FLAGS...]
#
# environment: JAR=app/target/skyspy.jar, PORT=18800, OUT=/tmp/skyspy-profile.jsonl,
#   JFC=profile (or a .jfc file, e.g. a copy of the JDK's lib/jfr/profile.jfc with the
#   jdk.ExecutionSample period lowered to 2 ms for more samples)
# The recording is left in /tmp/skyspy-CLIENTS-maxMAX_SIZE.jfr (open it in JDK Mission Control too).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:?usage: app/bench/profile.sh CLIENTS [MAX_SIZE] [SERVER FLAGS...]}
MAX_SIZE=${2:-50}
shift $(( $# >= 2 ? 2 : 1 ))
JAR=${JAR:-app/target/skyspy.jar}
PORT=${PORT:-18800}
OUT=${OUT:-/tmp/skyspy-profile.jsonl}
JFC=${JFC:-profile}
RATE=500
ulimit -n "$(ulimit -Hn)"
JFR=/tmp/skyspy-$CLIENTS-max$MAX_SIZE.jfr
# ramp (CLIENTS/RATE s) + settle + 5 s warmup, then 20 s of the 30 s window
DELAY=$(( CLIENTS / RATE + 12 ))
# shellcheck disable=SC2046
java $(cat app/bench/server-jvm.options) -XX:StartFlightRecording=delay=${DELAY}s,duration=20s,settings=$JFC,filename=$JFR \
  -cp "$JAR" io.skyspy.app.Main --host 127.0.0.1 --port "$PORT" --sim-aircraft 1000 --sim-rate 1 \
  --set "skyspy.batching.max-size=$MAX_SIZE" --set skyspy.limits.connections-per-ip=1000000 "$@" \
  >"/tmp/skyspy-profile-server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 150); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
timeout $(( CLIENTS / RATE + 200 )) java -Xms512m -Xmx2g -cp "$JAR" io.skyspy.app.bench.LoadGenerator \
  --url "ws://127.0.0.1:$PORT/" --server-pid "$SERVER_PID" --clients "$CLIENTS" --rate "$RATE" --warmup 5 \
  --duration 30 --label "profile-$CLIENTS-max$MAX_SIZE" --out "$OUT" --json >/dev/null
for _ in $(seq 50); do [ -s "$JFR" ] && break; sleep 0.2; done
"$(dirname "$0")/jfr-top.sh" "$JFR" 30
