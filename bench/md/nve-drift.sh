#!/usr/bin/env bash
# NVE energy conservation over a long run (the issue's 10 ps criterion). Usage: bench/md/nve-drift.sh [nvtPs=2] [nvePs=10] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d)
./mvnw -B -o -q -pl core compile dependency:build-classpath -Dmdep.outputFile="$WORK/deps.txt" -Dmdep.includeScope=runtime
cp -r core/target/classes "$WORK/core-classes"
CP="$WORK/core-classes:$(cat "$WORK/deps.txt")"
javac -d "$WORK" -cp "$CP" bench/md/NveDrift.java
java -cp "$WORK:$CP" NveDrift "${1:-2}" "${2:-10}" "${3:-2}"
rm -rf "$WORK"
