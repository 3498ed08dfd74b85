#!/usr/bin/env bash
# Parse throughput of the LAMMPS dump reader vs MDAnalysis on the same 10,000-atom, 200-frame dump, one thread each.
# Usage: [PREC=6|17] bench/read-dump/run.sh [workdir]   (needs lmp, /usr/bin/python3 with MDAnalysis, java 17, the jar)
# PREC: significant digits LAMMPS prints (6 = its default %g; 17 = full precision, dump_modify format float %.17g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
prec="${PREC:-6}"
work="${1:-/tmp/glass-softness-bench-read-dump}/prec$prec"
mkdir -p "$work"
if [ ! -f "$work/bench.dump" ]; then
  (cd "$work" && lmp -var prec "$prec" -in "$here/make-dump.lmp" -log none -screen none)
fi
jar="$root/cli/target/glass-softness-cli.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests -pl core,cli package)
size=$(stat -c %s "$work/bench.dump")
echo "file: $work/bench.dump, $size bytes, $(grep -c 'ITEM: TIMESTEP' "$work/bench.dump") frames"
cat "$work/bench.dump" > /dev/null   # into the page cache for both readers
for round in 1 2; do
  /usr/bin/python3 "$here/mdanalysis_read.py" "$work/bench.dump" 2
  java -XX:ActiveProcessorCount=1 -Xmx1g -cp "$jar" org.glasssoftness.cli.readdump.ReadDumpBenchmark "$work/bench.dump" 2 5
done 2>&1 | tee "$work/times.txt"
awk -v size="$size" '
  /^mdanalysis/ {m[++nm]=$2; mc[nm]=$5}
  /^ours/ {o[++no]=$2; oc[no]=$5}
  function best(a, n,   b, i) { b=a[1]; for (i=2;i<=n;i++) if (a[i]<b) b=a[i]; return b }
  END {
    bm=best(m,nm); bo=best(o,no); cm=best(mc,nm); co=best(oc,no);
    printf "\n| reader | best wall (s) | MB/s wall | best CPU (s) | MB per CPU-second |\n|---|---|---|---|---|\n";
    printf "| MDAnalysis LAMMPSDUMP | %.3f | %.1f | %.3f | %.1f |\n", bm, size/1e6/bm, cm, size/1e6/cm;
    printf "| glass-softness LammpsDumpReader | %.3f | %.1f | %.3f | %.1f |\n", bo, size/1e6/bo, co, size/1e6/co;
    printf "\nratio ours/MDAnalysis: %.1fx (wall), %.1fx (CPU)\n", bm/bo, cm/co;
  }' "$work/times.txt"
