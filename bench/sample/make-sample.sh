#!/usr/bin/env bash
# Usage: bench/sample/make-sample.sh [--out FILE] [--help]
#
# Regenerates the bundled sample trajectory (default FILE:
# core/src/main/resources/org/glasssoftness/core/sample/libp-sample.dump.gz; give --out to write elsewhere, e.g. to
# compare a rerun with the bundled file): a 40Li2O-30B2O3-30P2O5 melt of 480 atoms (Li 80, B 60, O 280, P 60) in a
# cubic box at 2.40 g/cm^3 (assumed, see shared/potentials/deng-du-libp.md §7), random packing (pack.py, min distance
# 1.6 A), minimised, then NVT at 3000 K for 1.8 ps with the Deng-Du (Teter) potential: Buckingham + Coulomb (PPPM 1e-5)
# with the short-range core below r0. Real-space cutoff 8 A (the 17.3 A box cannot hold the 10 A of the paper). Ten
# frames every 0.2 ps.
#
# Every force-field number (masses, charges, Buckingham A/rho/C, the B-O prefactor of the composition rule with
# P2O5 ignored, i.e. option (a), and the cores tabulated as core minus Buckingham on [0.2 A, r0], 2000 points, linear)
# comes from the engine's one source, core/src/main/resources/org/glasssoftness/core/md/forcefield/
# deng-du-libp.properties, through `glass-softness md --export-lammps-forcefield` (forcefield.lmp + core.table, see
# docs/md-engine.md). cli SampleForceFieldTest checks that these options give the force field that made the bundled
# sample (docs/lammps-io.md, "Bundled sample").
# This is a demo/test input, not a glass: a high-temperature melt, too small and too short for science.
# Needs: lmp (Debian package lammps), python3, gzip, Java 17 (./glass-softness builds the CLI jar if needed).
# Deterministic for a given LAMMPS build (fixed seeds). Takes a few minutes on two cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/core/src/main/resources/org/glasssoftness/core/sample/libp-sample.dump.gz"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "make-sample.sh: --out needs a file name" >&2; exit 2; }
           mkdir -p "$(dirname "$2")"; out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-sample.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 "$here/pack.py"
# the force field for types 1=Li,2=B,3=O,4=P of packed.data: forcefield.lmp (mass, charge, pair_style, pair_coeff)
# and core.table
"$root/glass-softness" md --start packed.data --type-map 1=Li,2=B,3=O,4=P --phosphate-option a --cutoff 8 \
  --core-table linear:2000:0.2 --export-lammps-forcefield --out .
# 7542.3 g/mol per 100 oxide units: L = (7542.3 * 1.66054 / 2.40)^(1/3) = 17.346 A (pack.py)
cat > in.sample <<'LMP'
units metal
atom_style charge
boundary p p p
read_data packed.data
include forcefield.lmp
kspace_style pppm 1.0e-5
neighbor 2.0 bin
min_style cg
minimize 1.0e-6 1.0e-8 200 2000
reset_timestep 0
velocity all create 3000 4242 dist gaussian
timestep 0.001
fix nvt all nvt temp 3000 3000 0.1
thermo 200
dump d all custom 200 sample.dump id type element x y z ix iy iz vx vy vz
dump_modify d element Li B O P
run 1800
LMP
lmp -in in.sample -log log.sample -screen none || { tail -20 log.sample >&2; exit 1; }
mkdir -p "$(dirname "$out")"
gzip -9 -n -c sample.dump > "$out.tmp"
mv -f "$out.tmp" "$out"
grep -A12 "^Step" log.sample | tail -12
ls -l "$out"
