#!/usr/bin/python3
"""Derives the expected outputs of the structure workflow from data/libp-melt.dump.gz (6 frames of a LAMMPS-written
480-atom LiBP melt, cubic box) with NumPy code that shares nothing with the project: all-pairs minimum-image
distances per frame, histograms with np.floor(d / dr), bonds by d < cutoff.
Run from this folder with Debian's python: /usr/bin/python3 make_expected.py"""
import csv, gzip, os
import numpy as np

TYPE_MAP = {1: "Li", 2: "B", 3: "O", 4: "P"}
SPECIES = ["Li", "B", "O", "P"]  # by type, as the trajectory lists them
R_MAX, DR = 8.0, 0.1
CUT = {("B", "O"): 2.0, ("O", "B"): 2.0, ("P", "O"): 2.0, ("O", "P"): 2.0}
FORMERS, ANION = ("B", "P"), "O"
here = os.path.dirname(os.path.abspath(__file__))
lines = gzip.open(os.path.join(here, "..", "data", "libp-melt.dump.gz"), "rt").read().split("\n")
frames, i = [], 0
while i < len(lines) and lines[i].startswith("ITEM: TIMESTEP"):
    step = int(lines[i + 1]); n = int(lines[i + 3])
    lo, hi = map(float, lines[i + 5].split()[:2])
    cols = lines[i + 8].split()[2:]
    rows = sorted((dict(zip(cols, lines[i + 9 + a].split())) for a in range(n)), key=lambda r: int(r["id"]))
    frames.append(dict(step=step, L=hi - lo, ids=np.array([int(r["id"]) for r in rows]),
                       sp=np.array([TYPE_MAP[int(r["type"])] for r in rows]),
                       x=np.array([[float(r[c]) for c in "xyz"] for r in rows])))
    i += 9 + n


def write(node, port, header, rows):
    d = os.path.join(here, node); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "port_%d.csv" % port), "w", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)


def g(v):
    return "NaN" if np.isnan(v) else repr(float(v))  # Java's spelling


def distances(f):
    d = f["x"][None, :, :] - f["x"][:, None, :]
    d -= f["L"] * np.rint(d / f["L"])
    r = np.sqrt((d ** 2).sum(2))
    np.fill_diagonal(r, np.inf)
    return r

# ---- RDF: g_ab(r_k) = n_ab(k) / (N_a rho_b' V_k), rho_b' = (N_b - delta_ab) / V, averaged over frames
bins = int(round(R_MAX / DR)); edges = DR * np.arange(bins + 1)
shell = 4.0 / 3.0 * np.pi * (edges[1:] ** 3 - edges[:-1] ** 3)
pairs = [(a, b) for ia, a in enumerate(SPECIES) for b in SPECIES[ia:]]
gsum = {p: np.zeros(bins) for p in pairs}
cnsum = {(a, b): np.zeros(bins) for a in SPECIES for b in SPECIES}
dists = []
for f in frames:
    r = distances(f); dists.append(r); V = f["L"] ** 3
    for a in SPECIES:
        for b in SPECIES:
            ra = r[np.ix_(f["sp"] == a, f["sp"] == b)].ravel()
            k = np.floor(ra[ra < R_MAX] / DR).astype(int)
            h = np.bincount(k, minlength=bins)[:bins]  # ordered pairs (x in a, y in b)
            na, nb = (f["sp"] == a).sum(), (f["sp"] == b).sum()
            cnsum[(a, b)] += np.cumsum(h) / na
            if (a, b) in gsum:
                gsum[(a, b)] += h / (na * (nb - (a == b)) / V * shell)
nf = len(frames)
centres = (np.arange(bins) + 0.5) * DR
write("Compute RDF_S(Q) (#2)", 1, ["r_A"] + ["g_%s-%s" % p for p in pairs],
      [[g(centres[k])] + [g(gsum[p][k] / nf) for p in pairs] for k in range(bins)])
# suggested bond cutoffs (port 4): one row per unordered pair, in the order of the g columns; only the pair names
# are checked here (the cutoff values come from the engine's smoothing and search, tested in core)
write("Compute RDF_S(Q) (#2)", 4, ["pair"], [["%s-%s" % p] for p in pairs])
ordered = [(a, b) for a in SPECIES for b in SPECIES]
write("Compute RDF_S(Q) (#2)", 3, ["r_A"] + ["n_%s-%s" % p for p in ordered],
      [[g(edges[k + 1])] + [g(cnsum[p][k] / nf) for p in ordered] for k in range(bins)])

# ---- coordination: bonds d < cutoff of the species pair; bridging O bonded to >= 2 formers; Q^n of formers
atom_rows = []
state = {}  # (species, cn) -> [atoms, bond length sum, bonds]
qn = {}     # (species, n) -> atoms
for fi, (f, r) in enumerate(zip(frames, dists)):
    sp = f["sp"]; n = len(sp)
    cutm = np.zeros((n, n))
    for (a, b), c in CUT.items():
        cutm[np.ix_(sp == a, sp == b)] = c
    bond = r < cutm
    cn = bond.sum(1)
    nform = (bond & np.isin(sp, FORMERS)[None, :]).sum(1)
    bridging = (sp == ANION) & (nform >= 2)
    for x in range(n):
        s = sp[x]
        nbr = np.nonzero(bond[x])[0]
        mean = r[x, nbr].mean() if len(nbr) else float("nan")
        nbridge = int(bridging[nbr].sum()) if s in FORMERS else -1
        atom_rows.append([fi, f["step"], f["ids"][x], s, cn[x]] + [int((sp[nbr] == b).sum()) for b in SPECIES]
                         + [g(mean), nbridge, int(bridging[x]) if s == ANION else -1])
        if any(k[0] == s for k in CUT):
            st = state.setdefault((s, cn[x]), [0, 0.0, 0])
            st[0] += 1; st[1] += r[x, nbr].sum(); st[2] += len(nbr)
        if s in FORMERS:
            qn[(s, nbridge)] = qn.get((s, nbridge), 0) + 1
write("Coordination Analysis (#3)", 1, ["frame", "timestep", "id", "species", "cn"]
      + ["cn_" + b for b in SPECIES] + ["bond_length_mean_A", "n_bridging", "bridging"], atom_rows)
count = {s: sum(frames[0]["sp"] == s) * nf for s in SPECIES}
write("Coordination Analysis (#3)", 2, ["species", "cn", "atoms_per_frame", "fraction"],
      [[s, c, g(v[0] / nf), g(v[0] / count[s])] for (s, c), v in sorted(state.items(), key=lambda e:
                                                                      (SPECIES.index(e[0][0]), e[0][1]))])
write("Coordination Analysis (#3)", 3, ["species", "n", "atoms_per_frame", "fraction"],
      [[s, q, g(v / nf), g(v / count[s])] for (s, q), v in sorted(qn.items(), key=lambda e:
                                                                (SPECIES.index(e[0][0]), e[0][1]))])
