#!/bin/sh
# D_cum benchmark: 10,000 atoms; the Java engine over 1000 frames (999 intervals) and, on the same input, both the
# engine and the NumPy peer over the first NP_FRAMES frames (the peer is too slow to run all 1000 here).
# usage: bench/d-cum/run.sh [ATOMS] [FRAMES] [NP_FRAMES]   (from the repository root; builds core first)
set -e
ATOMS=${1:-10000}; FRAMES=${2:-1000}; NPF=${3:-51}
ROOT=$(cd "$(dirname "$0")/../.." && pwd); cd "$ROOT"
W=${BENCH_DIR:-/tmp/bench-d-cum}; mkdir -p "$W"
[ -f core/target/classes/org/glasssoftness/core/dynamics/CumulativeNonAffineDisplacement.class ] || ./mvnw -B -o -q -pl core compile
if [ ! -f "$W/meta.txt" ] || [ "$(cat "$W/meta.txt" | cut -d' ' -f1-2)" != "$ATOMS $FRAMES" ]; then
  /usr/bin/python3 bench/d-cum/gen_trajectory.py "$W" "$ATOMS" "$FRAMES" 1
fi
CP=core/target/classes
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared with other jobs; $(date -u +%F)"
/usr/bin/python3 bench/d-cum/dcum_numpy.py "$W" "$NPF" "$W/np.txt"
java -cp $CP bench/d-cum/DcumBench.java "$W" "$NPF" 1 "$W/j1.txt"
java -cp $CP bench/d-cum/DcumBench.java "$W" "$NPF" 2 "$W/j2.txt"
/usr/bin/python3 bench/d-cum/compare.py "$W/np.txt" "$W/j1.txt"
/usr/bin/python3 bench/d-cum/compare.py "$W/j1.txt" "$W/j2.txt"
java -cp $CP bench/d-cum/DcumBench.java "$W" "$FRAMES" 1 "$W/jfull1.txt"
java -cp $CP bench/d-cum/DcumBench.java "$W" "$FRAMES" 2 "$W/jfull2.txt"
