#!/usr/bin/python3
"""Derives the expected outputs of the softness_chain workflow from data/libp-melt.dump.gz with code that shares
nothing with the project:
- radial features of the 80 Li atoms of frame 0 by direct sums over all minimum-image neighbours within R_c
  (R_c = 5 A < half the 17.3 A box), G_X(i; r_k) = sum_j exp(-(r_ij - r_k)^2 / (2 L^2)), r_k = 0.5 .. 5 A, L = 0.5 A;
- labels: the mobile column of ../dynamics/expected/D_cum (#2)/port_1.csv (same dump, same D_cum settings, derived
  there by an independent NumPy D2min);
- scikit-learn (Debian's python) StandardScaler + LogisticRegression(C=1, L2, unpenalised intercept, tol 1e-12) on
  those features and labels: weights, train metrics, and softness S = (w.x' + b) / |w| of frame 0 with
  probability 1 / (1 + exp(-(w.x' + b))). Compared with the tolerances in the *.tolerance.txt files.
Run from this folder: /usr/bin/python3 make_expected.py"""
import csv, gzip, os, shutil
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

TYPE_MAP = {1: "Li", 2: "B", 3: "O", 4: "P"}
NEIGHBOURS = ["Li", "B", "O", "P"]
DR, RC, WIDTH = 0.5, 5.0, 0.5
here = os.path.dirname(os.path.abspath(__file__))
lines = gzip.open(os.path.join(here, "..", "data", "libp-melt.dump.gz"), "rt").read().split("\n")
step = int(lines[1]); n = int(lines[3])
lo, hi = map(float, lines[5].split()[:2]); L = hi - lo
cols = lines[8].split()[2:]
rows = sorted((dict(zip(cols, lines[9 + a].split())) for a in range(n)), key=lambda r: int(r["id"]))
ids = np.array([int(r["id"]) for r in rows]); sp = np.array([TYPE_MAP[int(r["type"])] for r in rows])
x = np.array([[float(r[c]) for c in "xyz"] for r in rows])


def write(node, port, header, rows, tolerances=None):
    d = os.path.join(here, node); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "port_%d.csv" % port), "w", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)
    if tolerances:
        with open(os.path.join(d, "port_%d.tolerance.txt" % port), "w") as f:
            f.write("# truth from scikit-learn %s, not from the same solver\n" % __import__("sklearn").__version__)
            f.writelines("%s=%s\n" % kv for kv in tolerances.items())


def g(v):
    return "NaN" if np.isnan(v) else repr(float(v))

# features of frame 0
grid = DR * np.arange(1, int(round(RC / DR)) + 1)
li = np.nonzero(sp == "Li")[0]
X = np.zeros((len(li), len(NEIGHBOURS) * len(grid)))
for q, k in enumerate(li):
    d = x - x[k]; d -= L * np.rint(d / L); r = np.sqrt((d ** 2).sum(1)); r[k] = np.inf
    for s, X_ in enumerate(NEIGHBOURS):
        rj = r[(sp == X_) & (r < RC)]
        X[q, s * len(grid):(s + 1) * len(grid)] = np.exp(-(rj[:, None] - grid[None, :]) ** 2 / (2 * WIDTH ** 2)).sum(0)
names = ["G_Li-%s_%.2f" % (X_, r) for X_ in NEIGHBOURS for r in grid]
write("Radial Features (#3)", 1, ["frame", "timestep", "id", "species"] + names,
      [[0, step, ids[k], "Li"] + [g(v) for v in X[q]] for q, k in enumerate(li)])

# labels (rows of D_cum are the Li atoms by id, like the features)
dcum_csv = os.path.join(here, "..", "..", "dynamics", "expected", "D_cum (#2)", "port_1.csv")
lab = {int(r["id"]): int(r["mobile"]) for r in csv.DictReader(open(dcum_csv))}
y = np.array([lab[ids[k]] for k in li])
os.makedirs(os.path.join(here, "D_cum (#2)"), exist_ok=True)
shutil.copyfile(dcum_csv, os.path.join(here, "D_cum (#2)", "port_1.csv"))

# scikit-learn fit on the same rows
scaler = StandardScaler().fit(X)
Xs = scaler.transform(X)
lr = LogisticRegression(C=1.0, tol=1e-12, max_iter=100000).fit(Xs, y)
w = lr.coef_[0]; b = lr.intercept_[0]
write("Train LR (#4)", 3, ["pair", "r_A", "w", "feature"],
      [["Li-" + X_, g(r), g(w[s * len(grid) + m]), "G_Li-%s_%.2f" % (X_, r)]
       for s, X_ in enumerate(NEIGHBOURS) for m, r in enumerate(grid)], {"w": 1e-3})
z = Xs @ w + b
pred = (z > 0).astype(int)
tn = int(((pred == 0) & (y == 0)).sum()); fp = int(((pred == 1) & (y == 0)).sum())
fn = int(((pred == 0) & (y == 1)).sum()); tp = int(((pred == 1) & (y == 1)).sum())
acc = (tp + tn) / len(y); bal = 0.5 * (tp / (tp + fn) + tn / (tn + fp))
write("Train LR (#4)", 2, ["set", "rows", "accuracy", "balanced_accuracy", "roc_auc", "true_negatives",
                           "false_positives", "false_negatives", "true_positives"],
      [["train", len(y), g(acc), g(bal), g(roc_auc_score(y, z)), tn, fp, fn, tp]],
      {"accuracy": 0.005, "balanced_accuracy": 0.005, "roc_auc": 0.005})

# softness of frame 0 (Li only), and as read back from the written dump (NaN for the other atoms)
S = z / np.linalg.norm(w); prob = 1 / (1 + np.exp(-z))
write("Apply Softness (#5)", 2, ["frame", "timestep", "id", "species", "softness", "probability", "predicted_class",
                                 "predicted_label"],
      [[0, step, ids[k], "Li", g(S[q]), g(prob[q]), pred[q], ["immobile", "mobile"][pred[q]]]
       for q, k in enumerate(li)], {"softness": 1e-3, "probability": 1e-3})
soft = dict(zip(ids[li], S))
write("Read LAMMPS Dump (#7)", 2, ["id", "species", "softness"],
      [[a, s_, g(soft.get(a, float("nan")))] for a, s_ in zip(ids, sp)], {"softness": 1e-3})
print("accuracy %.4f  |w| %.6f  b %.6f" % (acc, np.linalg.norm(w), b))
