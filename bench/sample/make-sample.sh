#!/usr/bin/env bash
# Regenerates the bundled sample trajectory core/src/main/resources/org/glasssoftness/core/sample/libp-sample.dump.gz:
# a 40Li2O-30B2O3-30P2O5 melt of 480 atoms (Li 80, B 60, P 60, O 280) in a cubic box at 2.40 g/cm^3 (assumed,
# see shared/potentials/deng-du-libp.md §7), random packing (min distance 1.6 A), minimised, then NVT at 3000 K
# for 1.8 ps with the Deng-Du (Teter) potential: Buckingham + Coulomb (PPPM 1e-5) with the short-range core below r0
# (core-table.py). Real-space cutoff 8 A (the 17.3 A box cannot hold the 10 A of the paper). Ten frames every 0.2 ps.
# This is a demo/test input, not a glass: a high-temperature melt, too small and too short for science.
# Needs: lmp (Debian package lammps), python3, gzip. Deterministic for a given LAMMPS build (fixed seeds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../core/src/main/resources/org/glasssoftness/core/sample/libp-sample.dump.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 "$here/core-table.py"
python3 "$here/pack.py"
# 7542.3 g/mol per 100 oxide units: L = (7542.3 * 1.66054 / 2.40)^(1/3) = 17.346 A
cat > in.sample <<'LMP'
units metal
atom_style charge
boundary p p p
read_data packed.data
pair_style hybrid/overlay buck/coul/long 8.0 table linear 2000
pair_coeff * * buck/coul/long 0.0 1.0 0.0
pair_coeff 1 3 buck/coul/long 41051.938 0.151160 0.0
pair_coeff 2 3 buck/coul/long 12525.0 0.171271 28.500
pair_coeff 3 3 buck/coul/long 2029.2204 0.343645 192.58
pair_coeff 3 4 buck/coul/long 26655.472 0.181968 86.856
pair_coeff 2 3 table core.table BO 1.1012
pair_coeff 3 3 table core.table OO 1.9055
pair_coeff 3 4 table core.table PO 1.1680
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
gzip -9 -n -c sample.dump > "$out"
grep -A12 "^Step" log.sample | tail -12
ls -l "$out"
