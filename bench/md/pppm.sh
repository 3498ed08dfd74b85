#!/usr/bin/env bash
# PPPM benchmark: the device PPPM (ClPppm, OpenCL: PoCL on this machine's CPU cores, or a GPU) against the Java Pppm
# and LAMMPS pppm (1 and N MPI ranks) with the same g and mesh on the same random-packed LiBP glass (2.4 g/cm^3,
# PPPM 1e-5, 10 A cutoff). Per size: ClPppmBench (test-scoped main in core) prints best wall and process-CPU ms per
# compute() and a per-kernel split; LAMMPS prints the Kspace time per step. The machine is shared, so both sides run
# REPS times alternately and the best of each is compared.
# Usage: bench/md/pppm.sh [atoms...]  (default 3000 10000 30000; env REPS=3, CALLS=20, RANKS=2, STEPS=50)
set -euo pipefail
cd "$(dirname "$0")/../.."
# JVM signal chaining: the engine uses PoCL only with libjsig preloaded (docs/md-engine.md, "PoCL and the JVM")
jh="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
[ -f "$jh/lib/libjsig.so" ] && export LD_PRELOAD="$jh/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}"
SIZES=${*:-3000 10000 30000}; REPS=${REPS:-3}; CALLS=${CALLS:-20}; RANKS=${RANKS:-2}; STEPS=${STEPS:-50}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -o -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/deps.txt" -Dmdep.includeScope=test
cp -r core/target/classes "$WORK/classes"; cp -r core/target/test-classes "$WORK/test-classes"
CP="$WORK/test-classes:$WORK/classes:$(cat "$WORK/deps.txt")"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for atoms in $SIZES; do
  for r in $(seq 1 "$REPS"); do
    java -cp "$CP" org.glasssoftness.core.md.opencl.ClPppmBench "$atoms" "$RANKS" "$CALLS" "$WORK/data.lmp" | tee -a "$WORK/java-$atoms.txt"
    read -r g mx my mz < <(sed -n 's/^java .* g=\([0-9.]*\) mesh=\([0-9]*\),\([0-9]*\),\([0-9]*\).*/\1 \2 \3 \4/p' "$WORK/java-$atoms.txt" | tail -1)
    for np in 1 "$RANKS"; do
      (cd "$WORK" && mpirun --allow-run-as-root -np "$np" lmp -in "$OLDPWD/bench/md/in.pppm.lmp" -var g "$g" \
          -var mx "$mx" -var my "$my" -var mz "$mz" -var steps "$STEPS" -log "lmp.log" -screen none)
      k=$(awk '/^Kspace/ {print $5}' "$WORK/lmp.log")
      cpu=$(sed -n 's/^\([0-9.]*\)% CPU use.*/\1/p' "$WORK/lmp.log")
      echo "lammps atoms=$atoms ranks=$np mesh=$mx,$my,$mz kspace ms/step=$(python3 -c "print('%.3f cpu ms/step=%.3f' % (1000 * $k / $STEPS, 10 * $k / $STEPS * $cpu * $np))")" | tee -a "$WORK/lmp-$atoms.txt"
    done
  done
  python3 - "$WORK" "$atoms" "$RANKS" <<'PY'
import re, sys, os
w, atoms, ranks = sys.argv[1], sys.argv[2], sys.argv[3]
j = open(os.path.join(w, 'java-%s.txt' % atoms)).read()
l = open(os.path.join(w, 'lmp-%s.txt' % atoms)).read()
jv = min(float(x) for x in re.findall(r'(?m)^java .*best ms/call=([0-9.]+)', j))
cd = min(float(x) for x in re.findall(r'(?m)^opencl .*opencl double virial=false best ms/call=([0-9.]+)', j))
cm = min(float(x) for x in re.findall(r'(?m)^opencl .*opencl mixed virial=false best ms/call=([0-9.]+)', j))
cdv = min(float(x) for x in re.findall(r'(?m)^opencl .*opencl double virial=true best ms/call=([0-9.]+)', j))
l1 = min(float(x) for x in re.findall(r'ranks=1 .*kspace ms/step=([0-9.]+)', l))
ln = min(float(x) for x in re.findall(r'ranks=%s .*kspace ms/step=([0-9.]+)' % ranks, l))
l1c = min(float(x) for x in re.findall(r'ranks=1 .*cpu ms/step=([0-9.]+)', l))
cdc = min(float(x) for x in re.findall(r'(?m)^opencl .*opencl double virial=false .*cpu ms/call=([0-9.]+)', j))
cmc = min(float(x) for x in re.findall(r'(?m)^opencl .*opencl mixed virial=false .*cpu ms/call=([0-9.]+)', j))
print('best of runs, atoms %s (wall ms per call): ClPppm double %.2f (with virial %.2f), mixed %.2f; Java Pppm (%s threads) '
      '%.2f; LAMMPS pppm 1 rank %.2f, %s ranks %.2f; LAMMPS %s ranks / ClPppm double = %.2fx, / mixed = %.2fx; '
      'CPU ms per call: ClPppm double %.1f, mixed %.1f, LAMMPS 1 rank %.1f'
      % (atoms, cd, cdv, cm, ranks, jv, l1, ranks, ln, ranks, ln / cd, ln / cm, cdc, cmc, l1c))
PY
done
