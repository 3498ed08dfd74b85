#!/usr/bin/python3
"""Derives the expected outputs of the softness workflow with code that shares nothing with the project.

Radial Features: G_X(i; r) of the Li atoms of frame 0 of data/libp-melt.dump.gz (cubic box, R_c = 5 Å < L/2, so
minimum-image pairs are all pairs) by direct NumPy sums of exp(-(r_ij - r)^2 / (2 L^2)), dr = L = 0.5 Å.
Train LR: scikit-learn's StandardScaler + LogisticRegression(C=1) on those features with the mobile labels that the
dynamics workflow's own independent derivation gives (../../dynamics/expected/D_cum (#2)/port_1.csv): train accuracy.
Run from this folder with Debian's python: /usr/bin/python3 make_expected.py"""
import csv, gzip, os
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

TYPE_MAP = {1: "Li", 2: "B", 3: "O", 4: "P"}
here = os.path.dirname(os.path.abspath(__file__))
lines = gzip.open(os.path.join(here, "..", "data", "libp-melt.dump.gz"), "rt").read().split("\n")
n = int(lines[3]); lo, hi = map(float, lines[5].split()[:2]); L = hi - lo
cols = lines[8].split()[2:]
rows = sorted((dict(zip(cols, lines[9 + a].split())) for a in range(n)), key=lambda r: int(r["id"]))
ids = np.array([int(r["id"]) for r in rows])
sp = np.array([TYPE_MAP[int(r["type"])] for r in rows])
x = np.array([[float(r[c]) for c in "xyz"] for r in rows])
dr, rc, width = 0.5, 5.0, 0.5
grid = dr * np.arange(1, 11)
species = ["Li", "B", "O", "P"]
li = np.nonzero(sp == "Li")[0]
G = np.zeros((len(li), 4, len(grid)))
for a, i in enumerate(li):
    d = x - x[i]
    d -= L * np.rint(d / L)
    r = np.sqrt((d * d).sum(1))
    for s, name in enumerate(species):
        m = (sp == name) & (r < rc) & (np.arange(n) != i)
        G[a, s] = np.exp(-(r[m][:, None] - grid[None, :]) ** 2 / (2 * width ** 2)).sum(0)

def write(node, port, header, rows):
    d = os.path.join(here, node); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "port_%d.csv" % port), "w", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)

pick = [("G_Li-Li_3.00", 0, 5), ("G_Li-B_3.00", 1, 5), ("G_Li-O_2.00", 2, 3), ("G_Li-P_3.50", 3, 6)]
write("Radial Features (#2)", 1, ["id"] + [p[0] for p in pick],
      [[int(ids[i])] + [repr(float(G[a, s, k])) for _, s, k in pick] for a, i in enumerate(li)])

with open(os.path.join(here, "..", "..", "dynamics", "expected", "D_cum (#2)", "port_1.csv")) as f:
    mobile = {int(r["id"]): int(r["mobile"]) for r in csv.DictReader(f)}
X = G.reshape(len(li), -1)
y = np.array([mobile[int(ids[i])] for i in li])
sc = StandardScaler().fit(X)
m = LogisticRegression(C=1.0, tol=1e-12, max_iter=100000).fit(sc.transform(X), y)
acc = m.score(sc.transform(X), y)
write("Train LR (#4)", 2, ["set", "rows", "accuracy"], [["train", len(li), repr(float(acc))]])
print("features", G.shape, "train accuracy", acc)
