#!/usr/bin/python3
"""Derives the expected outputs of the dynamics workflow from data/libp-melt.dump.gz (the first 6 frames of the
bundled LAMMPS sample: 480-atom LiBP melt, cubic box, x y z with image flags) with NumPy code that shares nothing with
the project: D2min/D_cum by brute-force minimum-image neighbours, MSD from x + i L, bond switching by brute force.
Run from this folder with Debian's python: /usr/bin/python3 make_expected.py"""
import csv, gzip, os
import numpy as np

TYPE_MAP = {1: "Li", 2: "B", 3: "O", 4: "P"}
here = os.path.dirname(os.path.abspath(__file__))
lines = gzip.open(os.path.join(here, "..", "data", "libp-melt.dump.gz"), "rt").read().split("\n")
frames, i = [], 0
while i < len(lines) and lines[i].startswith("ITEM: TIMESTEP"):
    step = int(lines[i + 1]); n = int(lines[i + 3])
    lo, hi = map(float, lines[i + 5].split()[:2])
    cols = lines[i + 8].split()[2:]
    rows = sorted((dict(zip(cols, lines[i + 9 + a].split())) for a in range(n)), key=lambda r: int(r["id"]))
    ids = np.array([int(r["id"]) for r in rows])
    sp = np.array([TYPE_MAP[int(r["type"])] for r in rows])
    x = np.array([[float(r[c]) for c in "xyz"] for r in rows])
    im = np.array([[int(r[c]) for c in ("ix", "iy", "iz")] for r in rows])
    frames.append(dict(step=step, L=hi - lo, ids=ids, sp=sp, x=x, u=x + im * (hi - lo)))
    i += 9 + n
L = frames[0]["L"]; ids = frames[0]["ids"]; sp = frames[0]["sp"]

def mi(d):
    return d - L * np.rint(d / L)

def write(node, port, header, rows):
    d = os.path.join(here, node); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "port_%d.csv" % port), "w", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)

def g(v):
    return repr(float(v))

# D_cum of Li: neighbours of every species within 4 Å at t; r(t+dt) = r(t) + change of unwrapped positions
li = np.nonzero(sp == "Li")[0]
dcum = np.zeros(len(li)); ndeg = np.zeros(len(li), dtype=int)
for a, b in zip(frames[:-1], frames[1:]):
    for q, k in enumerate(li):
        d0 = mi(a["x"] - a["x"][k]); r2 = (d0 ** 2).sum(1)
        nb = np.nonzero((r2 < 16.0) & (np.arange(len(ids)) != k))[0]
        d0 = d0[nb]
        d1 = d0 + (b["u"][nb] - a["u"][nb]) - (b["u"][k] - a["u"][k])
        Y = d0.T @ d0; X = d1.T @ d0
        if len(nb) < 4 or not np.linalg.det(Y) > 1e-8 * (np.trace(Y) / 3) ** 3:
            ndeg[q] += 1; continue
        J = X @ np.linalg.inv(Y)
        dcum[q] += np.sqrt(((d1 - d0 @ J.T) ** 2).sum() / len(nb))
order = sorted(range(len(li)), key=lambda q: (-dcum[q], ids[li[q]]))
mobile = np.zeros(len(li), dtype=int); mobile[order[:int(round(0.3 * len(li)))]] = 1
write("D_cum (#2)", 1, ["id", "species", "D_cum_A", "n_intervals", "degenerate_intervals", "mobile", "class"],
      [[ids[k], "Li", g(dcum[q]), len(frames) - 1, ndeg[q], mobile[q], "mobile" if mobile[q] else "immobile"]
       for q, k in enumerate(li)])

# MSD per species (order of first appearance of the types in the species list: by type), single origin
species = [TYPE_MAP[t] for t in sorted(TYPE_MAP)]
t = np.array([(f["step"] - frames[0]["step"]) * 0.001 for f in frames])
msd = {s: np.array([(((f["u"] - frames[0]["u"])[sp == s]) ** 2).sum(1).mean() for f in frames]) for s in species}
write("MSD (#3)", 1, ["frame", "timestep", "time_ps"] + ["msd_%s_A2" % s for s in species],
      [[k, f["step"], g(t[k])] + [g(msd[s][k]) for s in species] for k, f in enumerate(frames)])
fit_rows = []
for s in species:
    slope, icpt = np.polyfit(t, msd[s], 1)
    fit_rows.append([s, g(t[0]), g(t[-1]), len(t), g(slope), g(icpt), g(slope / 6), g(slope / 6 * 1e-4)])
write("MSD (#3)", 2, ["species", "t_min_ps", "t_max_ps", "points", "slope_A2_per_ps", "intercept_A2", "D_A2_per_ps",
                      "D_cm2_per_s"], fit_rows)

# Bond switching of B with O within 2.0 Å, reference = frame 0, per-atom table at the last frame
bs = np.nonzero(sp == "B")[0]; ox = np.nonzero(sp == "O")[0]
def partners(f, k):
    d = mi(f["x"][ox] - f["x"][k]); return tuple(sorted(ox[(d ** 2).sum(1) < 4.0]))
ref = [partners(frames[0], k) for k in bs]
frac_rows = []; last = None
for n, f in enumerate(frames):
    cls = []
    for q, k in enumerate(bs):
        p = partners(f, k)
        cls.append("decreased" if len(p) < len(ref[q]) else "increased" if len(p) > len(ref[q])
                   else "unchanged" if p == ref[q] else "swapped")
    fr = {c: cls.count(c) / len(bs) for c in ("decreased", "increased", "swapped", "unchanged")}
    frac_rows.append([n, f["step"], g(0.0), g(fr["decreased"]), g(fr["increased"]), g(fr["swapped"]),
                      g(fr["unchanged"]), g(fr["decreased"] + fr["swapped"])])
    last = [(len(partners(f, k)), c) for k, c in zip(bs, cls)]
write("Bond-Switch Label (#4)", 1, ["frame", "timestep", "strain", "frac_decreased", "frac_increased", "frac_swapped",
                                    "frac_unchanged", "frac_switched"], frac_rows)
write("Bond-Switch Label (#4)", 2, ["id", "species", "cn_ref", "cn", "class", "switched"],
      [[ids[k], "B", len(ref[q]), last[q][0], last[q][1], int(last[q][1] in ("decreased", "swapped"))]
       for q, k in enumerate(bs)])
