#!/usr/bin/env bash
# NVE energy conservation over a long run (the issue's 10 ps criterion). Usage: bench/md/nve-drift.sh [nvtPs=2] [nvePs=10] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP=core/target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
WORK=$(mktemp -d)
./mvnw -B -o -q -pl core compile
javac -d "$WORK" -cp "$CP" bench/md/NveDrift.java
java -cp "$WORK:$CP" NveDrift "${1:-2}" "${2:-10}" "${3:-2}"
rm -rf "$WORK"
