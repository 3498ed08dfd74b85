#!/usr/bin/env bash
# MD benchmark: Java backend vs LAMMPS (Debian package) on the same start configuration and settings, in one run.
# Usage: bench/md/run.sh [atoms=3000] [steps=200] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
ATOMS=${1:-3000}; STEPS=${2:-200}; THREADS=${3:-2}; WARM=${WARM:-50}
CP=core/target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
WORK=$(mktemp -d)
./mvnw -B -o -q -pl core compile
javac -d "$WORK" -cp "$CP" bench/md/MdBench.java
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
java -cp "$WORK:$CP" MdBench "$ATOMS" "$THREADS" "$WARM" "$STEPS" "$WORK/data.lmp" | tee "$WORK/java.txt"
(cd "$WORK" && lmp -in "$OLDPWD/bench/md/in.md.lmp" -var warm "$WARM" -var steps "$STEPS" -log lmp1.log -screen none)
L1=$(grep -A0 "^Loop time" "$WORK/lmp1.log" | tail -1)
echo "lammps 1 rank: $L1"
if command -v mpirun >/dev/null && [ "$THREADS" -gt 1 ]; then
  (cd "$WORK" && mpirun --allow-run-as-root -np "$THREADS" lmp -in "$OLDPWD/bench/md/in.md.lmp" -var warm "$WARM" -var steps "$STEPS" -log lmp2.log -screen none)
  echo "lammps $THREADS ranks: $(grep "^Loop time" "$WORK/lmp2.log" | tail -1)"
fi
JS=$(grep -o 'steps/s=[0-9.]*' "$WORK/java.txt" | cut -d= -f2)
LS=$(echo "$L1" | awk '{print $9/$4}')
python3 -c "print('steps/s: java (%s threads) %.3f, lammps 1 rank %.3f, ratio java/lammps %.3f' % ('$THREADS', $JS, $LS, $JS/$LS))"
rm -rf "$WORK"
