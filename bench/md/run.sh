#!/usr/bin/env bash
# MD benchmark: Java backend vs LAMMPS (Debian package) on the same relaxed start configuration and settings
# (LiBP 40/30/30 glass, NVT 300 K, 1 fs, 10 A cutoff, PPPM 1e-5, skin 2 A). The machine is shared, so Java and LAMMPS
# runs alternate REPS times and the best (least disturbed) time of each is compared.
# Usage: bench/md/run.sh [atoms=3000] [steps=200] [threads=2]   (env REPS=3, WARM=50)
set -euo pipefail
cd "$(dirname "$0")/../.."
ATOMS=${1:-3000}; STEPS=${2:-200}; THREADS=${3:-2}; WARM=${WARM:-50}; REPS=${REPS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -o -q -pl core compile dependency:build-classpath -Dmdep.outputFile="$WORK/deps.txt" -Dmdep.includeScope=runtime
# a private copy of the engine classes, so builds running meanwhile cannot change them under the benchmark
cp -r core/target/classes "$WORK/core-classes"
CP="$WORK/core-classes:$(cat "$WORK/deps.txt")"
javac -d "$WORK" -cp "$CP" bench/md/MdBench.java
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
# build, FIRE-relax and write the start (also prints a first Java timing and the component split)
java -cp "$WORK:$CP" MdBench "$ATOMS" "$THREADS" "$WARM" "$STEPS" "$WORK/data.lmp"
for r in $(seq 1 "$REPS"); do
  java -cp "$WORK:$CP" MdBench --run "$WORK/data.lmp" "$THREADS" "$WARM" "$STEPS" | tee -a "$WORK/java.txt"
  # the same with the exact (untabulated) real-space kernel, as the engine's LAMMPS step-for-step tests use it
  java -Dexact=true -cp "$WORK:$CP" MdBench --run "$WORK/data.lmp" "$THREADS" "$WARM" "$STEPS" | sed 's/^java-run/java-exact-run/' | tee -a "$WORK/java-exact.txt"
  (cd "$WORK" && lmp -in "$OLDPWD/bench/md/in.md.lmp" -var warm "$WARM" -var steps "$STEPS" -log lmp1.log -screen none)
  echo "lammps 1 rank: $(grep '^Loop time' "$WORK/lmp1.log" | tail -1)" | tee -a "$WORK/lmp1.txt"
  if [ "$THREADS" -gt 1 ]; then
    (cd "$WORK" && mpirun --allow-run-as-root -np "$THREADS" lmp -in "$OLDPWD/bench/md/in.md.lmp" -var warm "$WARM" -var steps "$STEPS" -log lmp2.log -screen none)
    echo "lammps $THREADS ranks: $(grep '^Loop time' "$WORK/lmp2.log" | tail -1)" | tee -a "$WORK/lmp2.txt"
  fi
done
python3 - "$WORK" "$THREADS" <<'PY'
import re, sys, os
w, th = sys.argv[1], sys.argv[2]
java = [float(m) for m in re.findall(r'steps/s=([0-9.]+)', open(os.path.join(w, 'java.txt')).read())]
javx = [float(m) for m in re.findall(r'steps/s=([0-9.]+)', open(os.path.join(w, 'java-exact.txt')).read())]
def lmp(f):
    p = os.path.join(w, f)
    if not os.path.exists(p): return []
    return [int(n) / float(t) for t, n in re.findall(r'Loop time of ([0-9.]+) on \d+ procs for (\d+) steps', open(p).read())]
l1, l2 = lmp('lmp1.txt'), lmp('lmp2.txt')
print('best of %d: java (%s threads) %.3f steps/s, lammps 1 rank %.3f, ratio %.3f' % (len(java), th, max(java), max(l1), max(java) / max(l1)))
print('best of %d: java exact kernel (%s threads) %.3f steps/s, ratio to lammps 1 rank %.3f' % (len(javx), th, max(javx), max(javx) / max(l1)))
if l2: print('best of %d: ratio java exact kernel/lammps(%s ranks) %.3f' % (len(l2), th, max(javx) / max(l2)))
if l2: print('best of %d: lammps %s ranks %.3f steps/s, ratio java/lammps(%s ranks) %.3f' % (len(l2), th, max(l2), th, max(java) / max(l2)))
PY
