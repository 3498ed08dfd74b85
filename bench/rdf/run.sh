#!/usr/bin/env bash
# Benchmark: all 10 partial g(r) of a 10,000-atom, 200-frame LAMMPS dump (400 bins to 8 A), glass-softness `rdf`
# versus MDAnalysis InterRDF per pair (Debian python3-mdanalysis, /usr/bin/python3), same file, same machine, one
# run after the other; then the equality check on a grid-snapped copy (see snap.py).
# Usage: bench/rdf/run.sh [WORKDIR]   (needs lmp, java 17, /usr/bin/python3 with MDAnalysis)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
work="${1:-/tmp/glass-softness-bench-rdf}"
mkdir -p "$work"
dump="$work/bench.dump"
[ -f "$dump" ] || "$here/make-input.sh" "$dump"
[ -f "$root/cli/target/glass-softness-cli.jar" ] || (cd "$root" && ./mvnw -B -q -o -DskipTests -pl core,cli package)
tm=1=Li,2=B,3=O,4=P
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"

t() { /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > "$work/stdout.txt" 2>&1 || { cat "$work/stdout.txt"; exit 1; }
      read -r wall user sys < "$work/time.txt"; echo "$wall $(echo "$user + $sys" | bc)"; }

echo "== timing on $dump (200 frames x 10,000 atoms, r_max 8 A, 400 bins)"
read -r mw mc < <(t /usr/bin/python3 "$here/mda_rdf.py" "$dump" $tm 8.0 400 "$work/mda.csv")
read -r ow oc < <(t "$root/glass-softness" rdf --input "$dump" --type-map $tm --r-max 8 --dr 0.02 --out "$work/ours")
printf "%-28s %10s %10s\n" tool wall_s cpu_s
printf "%-28s %10s %10s\n" "MDAnalysis InterRDF x10" "$mw" "$mc"
printf "%-28s %10s %10s\n" "glass-softness rdf" "$ow" "$oc"
echo "speed-up wall $(echo "scale=1; $mw / $ow" | bc)x, cpu $(echo "scale=1; $mc / $oc" | bc)x"
/usr/bin/python3 "$here/compare.py" "$work/ours/rdf.csv" "$work/mda.csv" 200 | tail -1

# r_max = 127/16 A and dr = 1/16 A: squared distances are multiples of 1/64 A^2, so no distance equals the outer edge
# (np.histogram closes its last bin, glass-softness counts r < r_max) and every other distance is either exactly on
# an interior edge (computed exactly by both) or at least 2e-4 A away from it.
echo "== equality on the grid-snapped copy (first 20 frames, 1/8 A grid, 48 A box, 127 bins of 1/16 A)"
[ -f "$work/snapped.dump" ] || /usr/bin/python3 "$here/snap.py" "$dump" "$work/snapped.dump" 20
/usr/bin/python3 "$here/mda_rdf.py" "$work/snapped.dump" $tm 7.9375 127 "$work/mda-snapped.csv" > /dev/null 2>&1
"$root/glass-softness" rdf --input "$work/snapped.dump" --type-map $tm --r-max 7.9375 --dr 0.0625 --out "$work/ours-snapped" > /dev/null
/usr/bin/python3 "$here/compare.py" "$work/ours-snapped/rdf.csv" "$work/mda-snapped.csv" 20
