#!/usr/bin/env bash
# OpenCL MD benchmark: our OpenCL backend (PoCL on this machine, or a GPU where there is one) vs LAMMPS (Debian
# package, MPI ranks = THREADS) on the same start and protocol: a 3,704-atom LiBP 40/30/30 random packing relaxed by
# FIRE (BASEFIRE steps, on our backend), replicated 1x1x1, 3x1x1, 2x2x2, 3x3x3 (3.7k, 11k, 30k, 100k atoms), NVT
# 300 K, 1 fs, 10 A cutoff, PPPM 1e-5, skin 2 A; the LAMMPS input is written by the project's LammpsInputExport.
# Only the NVT steps are timed: ours without the stage setup (measured by a 1-step stage and subtracted), LAMMPS its
# Loop time over warm + timed steps (which leaves its setup out too). Prints a table: steps/s and ns/day of
# ours and LAMMPS, and the ratio. REPEAT=r runs ours and LAMMPS alternately r times per size (a shared machine's
# drift hits both alike): the table gives the medians and the range of the r paired ratios.
# Usage: bench/md-opencl/run.sh [sizes="1,1,1 3,1,1 2,2,2 3,3,3"] [threads=2]
#   env PRECISION=double|mixed (default mixed), BACKEND=opencl|java (default opencl), DEVICE=<name part>,
#   JAVA_OPTS (e.g. -Dglasssoftness.opencl.profile=true: per-phase times), AB_TABLES=1 (the timed steps again with
#   the exact and the tabulated pair kernel), BASE=3704, BASEFIRE=150, PLAN="1,1,1:20:100 3,1,1:10:40 ..." (replication:warm:steps), NOLAMMPS=1,
#   REPEAT=1, LAMMPS_TABLE=12 (LAMMPS' pair_modify table bits; 0: exact erfc, as the exported input has it)
#   On a GPU: PLAN="1,1,1:200:2000 3,1,1:200:2000 2,2,2:100:1000 3,3,3:50:500" gives steadier numbers.
set -euo pipefail
cd "$(dirname "$0")/../.."
# JVM signal chaining: the engine uses PoCL only with libjsig preloaded (docs/md-engine.md, "PoCL and the JVM")
jh="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
[ -f "$jh/lib/libjsig.so" ] && export LD_PRELOAD="$jh/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}"
SIZES=${1:-"1,1,1 3,1,1 2,2,2 3,3,3"}; THREADS=${2:-2}
PRECISION=${PRECISION:-mixed}; BACKEND=${BACKEND:-opencl}
PLAN=${PLAN:-"1,1,1:20:100 3,1,1:10:40 2,2,2:5:15 3,3,3:2:5"}; BASE=${BASE:-3704}; BASEFIRE=${BASEFIRE:-150}
REPEAT=${REPEAT:-1}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -o -q -pl core compile dependency:build-classpath -Dmdep.outputFile="$WORK/deps.txt" -Dmdep.includeScope=runtime
cp -r core/target/classes "$WORK/core-classes"
CP="$WORK/core-classes:$(cat "$WORK/deps.txt")"
javac -d "$WORK" -cp "$CP" bench/md-opencl/MdClBench.java
DEVOPT=""; [ -n "${DEVICE:-}" ] && DEVOPT="-Dglasssoftness.opencl.device=$DEVICE"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "backend $BACKEND, precision $PRECISION, LAMMPS ranks $THREADS"
printf '| atoms | ours steps/s | ours ns/day | LAMMPS steps/s | LAMMPS ns/day | ours / LAMMPS | device |\n|---|---|---|---|---|---|---|\n' > "$WORK/table.md"

for n in $SIZES; do
  p=$(echo "$PLAN" | tr ' ' '\n' | grep "^$n:" || echo "$n:5:20")
  IFS=: read -r _ warm steps <<< "$p"
  rates=""; lrates=""
  for r in $(seq 1 "$REPEAT"); do
    d="$WORK/n${n//,/x}-$r"; mkdir -p "$d"
    java $DEVOPT ${JAVA_OPTS:-} -cp "$WORK:$CP" MdClBench "$BASE" "$BASEFIRE" "$n" "$warm" "$steps" "$d" "$BACKEND" "$PRECISION" "$THREADS" | tee "$d/ours.txt"
    rates="$rates $(grep -o 'steps/s=[0-9.]*' "$d/ours.txt" | cut -d= -f2)"
    atoms=$(grep -o 'atoms=[0-9]*' "$d/ours.txt" | cut -d= -f2)
    dev=$(sed -n 's/.*backend=\(.*\) kspace=.*/\1/p' "$d/ours.txt")
    if [ -z "${NOLAMMPS:-}" ]; then
      # the export writes "pair_modify table 0" (exact erfc per pair, for the force comparisons in the tests); a speed
      # comparison runs LAMMPS as users do, with its default Coulomb table (12 bits), as our mixed mode tabulates too
      sed -i "s/^pair_modify table 0$/pair_modify table ${LAMMPS_TABLE:-12}/" "$d/in.lmp"
      (cd "$d" && mpirun --allow-run-as-root -np "$THREADS" lmp -in in.lmp -log log.lammps -screen none)
      loop=$(grep '^Loop time' "$d/log.lammps" | tail -1)
      echo "lammps $THREADS ranks: $loop"
      # LAMMPS's own split of the loop (avg s over ranks): Pair, Kspace, Neigh
      echo "lammps split: $(awk '/^(Pair|Kspace|Neigh) +\|/ {printf "%s %s s, ", $1, $5}' "$d/log.lammps")"
      lrates="$lrates $(echo "$loop" | sed -n 's/Loop time of \([0-9.e+-]*\) on [0-9]* procs for \([0-9]*\) steps.*/\2 \1/p' | awk '{printf "%.4f", $1/$2}')"
    fi
  done
  python3 - "$atoms" "$rates" "${lrates:-}" "$dev" >> "$WORK/table.md" <<'PY'
import statistics, sys
n, dev = int(sys.argv[1]), sys.argv[4]
o = [float(v) for v in sys.argv[2].split()]
l = [float(v) for v in sys.argv[3].split()]
nd = lambda s: s * 0.001 * 86400 / 1000
om = statistics.median(o)
if l:
    lm = statistics.median(l)
    ratios = sorted(a / b for a, b in zip(o, l))
    spread = '' if len(ratios) == 1 else ' (runs %.2f-%.2fx)' % (ratios[0], ratios[-1])
    print('| %d | %.3f | %.4f | %.3f | %.4f | %.2fx%s | %s |' % (n, om, nd(om), lm, nd(lm), om / lm, spread, dev))
else:
    print('| %d | %.3f | %.4f | nan | nan | nanx | %s |' % (n, om, nd(om), dev))
PY
done
[ "$REPEAT" -gt 1 ] && echo "medians of $REPEAT alternating runs (ours, LAMMPS, ours, ...) per size"
cat "$WORK/table.md"
