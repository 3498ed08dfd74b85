#!/usr/bin/python3
"""Synthetic LiBP-like trajectory for the D_cum benchmark (not physics: geometry with the right density and mix).

Atoms sit at random sites in a cubic periodic box at 0.08 atoms/Å^3 in the Li40B30P30 proportions
(Li 1/6, B 1/8, P 1/8, O 7/12). Every frame each atom vibrates (0.1 Å Gaussian) about its site; sites drift slowly
(0.01 Å per frame) and a Li site hops 2.5 Å with probability 0.002 per frame, so some Li become mobile.
Positions are wrapped into the box, no image flags (minimum-image mode on both sides).

Writes into OUT: meta.txt (atoms frames box_length), species.u8 (0=Li 1=B 2=P 3=O per atom),
positions.f64 (frames x atoms x 3 little-endian float64, Å).
usage: gen_trajectory.py OUT ATOMS FRAMES [SEED]
"""
import sys, os
import numpy as np

out, n, frames = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rng = np.random.default_rng(seed)
L = (n / 0.08) ** (1 / 3)
sp = np.full(n, 3, dtype=np.uint8)
nli, nb, npp = n // 6, n // 8, n // 8
sp[:nli] = 0; sp[nli:nli + nb] = 1; sp[nli + nb:nli + nb + npp] = 2
rng.shuffle(sp)
home = rng.random((n, 3)) * L
li = sp == 0
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "meta.txt"), "w") as f:
    f.write(f"{n} {frames} {L!r}\n")
sp.tofile(os.path.join(out, "species.u8"))
with open(os.path.join(out, "positions.f64"), "wb") as f:
    for t in range(frames):
        if t > 0:
            home += 0.01 * rng.standard_normal((n, 3))
            hop = li & (rng.random(n) < 0.002)
            k = int(hop.sum())
            if k:
                v = rng.standard_normal((k, 3))
                home[hop] += 2.5 * v / np.linalg.norm(v, axis=1)[:, None]
        p = home + 0.1 * rng.standard_normal((n, 3))
        p -= L * np.floor(p / L)
        p.astype("<f8").tofile(f)
