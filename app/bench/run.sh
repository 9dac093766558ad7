#!/usr/bin/env bash
# The capacity benchmark (issue 3): the project's load generator against a child server JVM.
#
#   app/bench/run.sh [SCENARIO...]     SCENARIO: fanout (default) | idle | critical | churn | all
#
# environment (defaults):
#   JAR=app/target/skyspy.jar  OUT=/tmp/skyspy-bench.jsonl (one JSON line per run is appended)
#   CLIENTS="100 1000 5000 10000" (fanout)  CRITICAL_CLIENTS=5000 (critical; a list sweeps it)  DURATION=30 (window s)
#   RATE=500 (connects/s)  IDLE_RATE=250 (connects/s of the idle scenario, both processes together)
#   MAX_SIZE=50 (skyspy.batching.max-size: the spec's 50; 200 gives the yardstick's frame of 200 deltas)
#   QUIET_LOAD=0.7 (wait, at most 300 s, until the 1-minute load is below it; 0 = don't wait)
#   SERVER_JVM=$(cat app/bench/server-jvm.options)   (the README says why these flags)
# Build first: mvn -q -B -pl protocol,streams,actors,app -am install -DskipTests
# Every run is bounded (phases are fixed, `timeout` wraps it) and stops its server itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-app/target/skyspy.jar}
OUT=${OUT:-/tmp/skyspy-bench.jsonl}
CLIENTS=${CLIENTS:-"100 1000 5000 10000"}
CRITICAL_CLIENTS=${CRITICAL_CLIENTS:-5000}
DURATION=${DURATION:-30}
RATE=${RATE:-500}
IDLE_RATE=${IDLE_RATE:-250}
MAX_SIZE=${MAX_SIZE:-50}
QUIET_LOAD=${QUIET_LOAD:-0.7}
SERVER_JVM=${SERVER_JVM:-$(cat app/bench/server-jvm.options)}
# 10,000 sockets per process need more than the default 1,024 fds (the hard limit here is 20,000)
ulimit -n "$(ulimit -Hn)"

loadgen() { # bounded: ramp + settle + warmup + window + grace + margin
  local limit=$1; shift
  timeout "$limit" java -Xms512m -Xmx2g -cp "$JAR" io.skyspy.app.bench.LoadGenerator --out "$OUT" \
    --quiet-load "$QUIET_LOAD" --server-jvm "$SERVER_JVM" --set "skyspy.batching.max-size=$MAX_SIZE" "$@"
}

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(fanout)
[ "${scenarios[0]}" = all ] && scenarios=(fanout idle critical churn)

for s in "${scenarios[@]}"; do
  case $s in
    fanout)   # scenario 1: 1,000 aircraft at 1 Hz to N clients
      for c in $CLIENTS; do
        loadgen $(( c / RATE + DURATION + 420 )) --scenario fanout --clients "$c" --rate "$RATE" \
          --duration "$DURATION" --label "skyspy-max$MAX_SIZE"
      done ;;
    idle)     # scenario 2: ~20,000 clients on safety only; two processes, each under the fd limit
      loadgen 900 --scenario idle --clients 9900 --helper-clients 9900 --rate "$IDLE_RATE" --duration 20 \
        --label "skyspy-idle" ;;
    critical) # scenario 3: fan-out at 5,000 clients plus 7700 squawks through an SBS feed
      # measured in steady state: the young collections that promote the ramp's connections come in
      # its first ~40 s (the warm-up injection before the window shows that transient)
      for c in $CRITICAL_CLIENTS; do
        loadgen 900 --scenario critical --clients "$c" --rate "$RATE" --warmup 40 --duration 60 --injections 11 \
          --label "skyspy-critical-max$MAX_SIZE"
      done ;;
    churn)    # scenario 4: 500 connects + disconnects per second for a minute
      # sessions outlive their sockets for the resume window (2 min) on purpose: shorten it so that
      # the after-measurement (--grace 20 s after the last close) sees what stays beyond it
      loadgen 900 --scenario churn --rate 500 --duration 60 --grace 20 --source-ips 8 \
        --set skyspy.session.resume-window=10s --label "skyspy-churn" ;;
    *) echo "unknown scenario $s" >&2; exit 2 ;;
  esac
done
echo "results appended to $OUT"
