#!/usr/bin/env bash
# JMH microbenchmarks of the hot paths (app/src/test/java/io/skyspy/app/bench/jmh). Not part of
# `mvn verify`: the classes end in Benchmark, which surefire does not pick up.
#
#   app/bench/jmh.sh                      # all of them, JMH defaults from the annotations
#   app/bench/jmh.sh FanOut -p subscribers=5000 -rf json -rff /tmp/jmh.json    # any JMH flags
#
# Builds the modules app depends on first (offline, under the shared build lock), then runs
# org.openjdk.jmh.Main on app's test class path.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOCK=${LOCK:-/tmp/skyspy-mvn.lock}
flock "$LOCK" mvn -q -o -B -pl protocol,streams,actors -am install -DskipTests
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
flock "$LOCK" mvn -q -o -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
exec java -cp "app/target/test-classes:app/target/classes:$(cat "$CP_FILE")" org.openjdk.jmh.Main "$@"
