#!/usr/bin/python3
"""Straightforward vectorised NumPy D2min / D_cum, written as the benchmark peer (same rules as the Java engine):
neighbours of each Li within 4 Å at time t by brute-force minimum-image distances (chunks of centres), neighbour
vectors at t + dt by minimum image, J = X Y^-1 per centre (batched numpy.linalg.inv), D2min = residual / M,
D_cum = sum sqrt(D2min); a neighbourhood with M < 4 or det(Y) <= 1e-8 (tr Y / 3)^3 is excluded.

usage: dcum_numpy.py DIR FRAMES OUT.txt   (uses frames 0..FRAMES-1)
"""
import sys, os, time
import numpy as np

d, frames, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n, total, L = open(os.path.join(d, "meta.txt")).read().split()
n, total, L = int(n), int(total), float(L)
sp = np.fromfile(os.path.join(d, "species.u8"), dtype=np.uint8)
pos = np.memmap(os.path.join(d, "positions.f64"), dtype="<f8", mode="r", shape=(total, n, 3))
centres = np.nonzero(sp == 0)[0]
rc2 = 4.0 ** 2
chunk = 128

def d2min_interval(p0, p1):
    res = np.empty(len(centres)); deg = np.zeros(len(centres), dtype=bool)
    for s in range(0, len(centres), chunk):
        c = centres[s:s + chunk]
        dv = p0[None, :, :] - p0[c][:, None, :]
        dv -= L * np.rint(dv / L)
        r2 = np.einsum("cnk,cnk->cn", dv, dv)
        ci, j = np.nonzero((r2 < rc2) & (r2 > 0))
        d0 = dv[ci, j]
        d1 = p1[j] - p1[c[ci]]
        d1 -= L * np.rint(d1 / L)
        m = np.bincount(ci, minlength=len(c))
        Y = np.zeros((len(c), 3, 3)); X = np.zeros((len(c), 3, 3))
        np.add.at(Y, ci, d0[:, :, None] * d0[:, None, :])
        np.add.at(X, ci, d1[:, :, None] * d0[:, None, :])
        tr = np.trace(Y, axis1=1, axis2=2) / 3
        det = np.linalg.det(Y)
        bad = (m < 4) | ~(det > 1e-8 * tr ** 3)
        Ysafe = np.where(bad[:, None, None], np.eye(3), Y)
        J = X @ np.linalg.inv(Ysafe)
        r = d1 - np.einsum("pij,pj->pi", J[ci], d0)
        s2 = np.bincount(ci, weights=np.einsum("pi,pi->p", r, r), minlength=len(c))
        v = np.where(bad, 0.0, s2 / np.maximum(m, 1))
        res[s:s + chunk] = v; deg[s:s + chunk] = bad
    return res, deg

t0 = time.perf_counter()
dcum = np.zeros(len(centres)); ndeg = np.zeros(len(centres), dtype=int)
prev = np.array(pos[0])
for t in range(1, frames):
    cur = np.array(pos[t])
    v, bad = d2min_interval(prev, cur)
    dcum += np.sqrt(v); ndeg += bad
    prev = cur
el = time.perf_counter() - t0
np.savetxt(out, np.column_stack([centres + 1, dcum, ndeg]), fmt=["%d", "%.17g", "%d"])
print(f"numpy: {len(centres)} Li of {n} atoms, {frames - 1} intervals, {el:.2f} s, {el / (frames - 1) * 1e3:.1f} ms/interval")
