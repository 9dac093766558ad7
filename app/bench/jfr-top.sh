#!/usr/bin/env bash
# Where the CPU goes, from a JFR recording: the hottest methods (self time, top frame of each
# execution sample) and the share per area (first matching frame within the top 12).
#
#   app/bench/jfr-top.sh RECORDING.jfr [TOP=25]
#
# Record with the server's JVM option
#   -XX:StartFlightRecording=delay=60s,duration=30s,settings=profile,filename=/tmp/skyspy.jfr
# while a load run (app/bench/run.sh, yardstick.sh) holds the clients.
set -euo pipefail
JFR=${1:?usage: app/bench/jfr-top.sh RECORDING.jfr [TOP]}
TOP=${2:-25}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 12 "$JFR" > "$OUT"
awk -v top="$TOP" '
  /stackTrace = \[/ { depth = 0; area = ""; inStack = 1; next }
  inStack && /^[[:space:]]*\]/ {
    inStack = 0; samples++
    areas[area == "" ? "other" : area]++
    next
  }
  inStack {
    line = $0; sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*/, "", line)
    if (depth == 0) self[line]++
    if (area == "") {
      if (line ~ /^sun\.nio\.ch\.|^java\.nio\./) area = "socket I/O syscalls (sun.nio.ch)"
      else if (line ~ /^org\.apache\.pekko\.io\./) area = "Pekko IO TCP actors (pekko.io)"
      else if (line ~ /^org\.apache\.pekko\.stream\.impl\.io\./) area = "stream TCP stage (pekko.stream.impl.io)"
      else if (line ~ /^org\.apache\.pekko\.http\./) area = "pekko-http (WebSocket/HTTP stages)"
      else if (line ~ /^io\.skyspy\./) area = "SkySpy code (io.skyspy)"
      else if (line ~ /^com\.fasterxml\.jackson\./) area = "Jackson"
      else if (line ~ /^org\.apache\.pekko\.stream\./) area = "Pekko Streams interpreter"
      else if (line ~ /^org\.apache\.pekko\.(actor|dispatch)\./) area = "actor mailboxes and dispatch"
      else if (line ~ /^scala\./) area = "scala collections/runtime"
      else if (line ~ /^java\.util\.concurrent\./) area = "j.u.concurrent (pools, queues)"
    }
    depth++
  }
  END {
    printf "%d execution samples\n\nshare by area (first recognised frame from the top):\n", samples
    for (a in areas) printf "%6.1f%%  %s\n", 100 * areas[a] / samples, a | "sort -rn"
    close("sort -rn")
    printf "\nhottest methods (self):\n"
    for (m in self) printf "%6.1f%%  %s\n", 100 * self[m] / samples, m | "sort -rn | head -" top
  }' "$OUT"
