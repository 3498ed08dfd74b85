#!/usr/bin/env bash
# Writes the benchmark input: a LAMMPS text dump of 10,000 atoms x 200 frames (Li 1667, B 1250, O 5833, P 1250 in a
# 47.7 A cubic box, 0.092 atoms/A^3 like the LiBP melt), a soft-sphere liquid run with NVT at 2000 K (pair_style soft,
# deterministic seeds). The structure is not a glass; it only has to be the same file for both tools.
# Usage: make-input.sh OUT.dump   (needs lmp, the Debian package lammps)
set -euo pipefail
out="$(realpath -m "${1:?usage: make-input.sh OUT.dump}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
cat > in.bench <<LMP
units metal
atom_style atomic
boundary p p p
region box block 0 47.7 0 47.7 0 47.7
create_box 4 box
create_atoms 1 random 1667 11 NULL
create_atoms 2 random 1250 12 NULL
create_atoms 3 random 5833 13 NULL
create_atoms 4 random 1250 14 NULL
mass 1 6.941
mass 2 10.811
mass 3 15.9994
mass 4 30.973762
pair_style soft 2.0
pair_coeff * * 10.0
pair_coeff 1 3 10.0 1.8
pair_coeff 2 3 10.0 1.4
pair_coeff 3 4 10.0 1.5
neighbor 1.0 bin
velocity all create 2000 4242 dist gaussian
timestep 0.001
fix nvt all nvt temp 2000 2000 0.1
run 2000
reset_timestep 0
dump d all custom 10 bench.dump id type x y z
dump_modify d sort id format float %.6f
run 1990
LMP
lmp -in in.bench -log log.bench -screen none || { tail -20 log.bench >&2; exit 1; }
mv bench.dump "$out"
grep -c "ITEM: TIMESTEP" "$out"
ls -l "$out"
