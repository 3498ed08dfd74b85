#!/usr/bin/env python3
"""Writes packed.data: a random packing (seeded, minimum distance 1.6 A under periodic boundaries) of
Li 80, B 60, O 280, P 60 (types 1..4 = Li, B, O, P), LAMMPS atom_style charge, cubic box of edge L.

Positions only: every charge is written as 0 and there is no Masses section. The masses, charges and pair terms come
from the engine's force field (forcefield.lmp, written by `glass-softness md --export-lammps-forcefield`), which
make-sample.sh includes after read_data."""
import random

L = 17.346
COUNTS = [(1, 80), (2, 60), (3, 280), (4, 60)]
DMIN2 = 1.6 ** 2
rng = random.Random(20261124)
atoms = []
for t, n in COUNTS:
    for _ in range(n):
        for _try in range(100000):
            p = [rng.random() * L for _ in range(3)]
            ok = True
            for (_, o) in atoms:
                d2 = 0.0
                for k in range(3):
                    d = p[k] - o[k]
                    d -= L * round(d / L)
                    d2 += d * d
                if d2 < DMIN2:
                    ok = False
                    break
            if ok:
                atoms.append((t, p))
                break
        else:
            raise SystemExit("packing failed")
with open("packed.data", "w") as f:
    f.write("random packing of 40Li2O-30B2O3-30P2O5 (bench/sample/pack.py)\n\n")
    f.write(f"{len(atoms)} atoms\n4 atom types\n\n0 {L} xlo xhi\n0 {L} ylo yhi\n0 {L} zlo zhi\n\n")
    f.write("Atoms # charge\n\n")
    for i, (t, p) in enumerate(atoms, 1):
        f.write(f"{i} {t} 0.0 {p[0]:.6f} {p[1]:.6f} {p[2]:.6f}\n")
