"""Compares g(r) columns of glass-softness (rdf.csv) and MDAnalysis (mda_rdf.py output).
Usage: /usr/bin/python3 compare.py OURS.csv MDA.csv FRAMES  -> prints the largest |difference| per pair and overall,
and the same difference expressed in pair counts (|dg| * expected count per bin at g = 1, summed over FRAMES)."""
import csv
import sys

import numpy as np


def load(p):
    with open(p) as f:
        r = csv.reader(f)
        h = next(r)
        d = np.array([[float(x) for x in row] for row in r])
    return {n: d[:, i] for i, n in enumerate(h)}


ours, mda = load(sys.argv[1]), load(sys.argv[2])
assert np.max(np.abs(ours["r_A"] - mda["r_A"])) < 1e-12, "different bins"
worst = 0.0
for k in mda:
    if not k.startswith("g_"):
        continue
    d = np.abs(ours[k] - mda[k])
    worst = max(worst, float(d.max()))
    print("%-8s max |dg| = %.3e  (g max %.3f)" % (k, d.max(), mda[k].max()))
print("overall max |dg| = %.3e" % worst)
