"""MDAnalysis InterRDF for every species pair of a LAMMPS dump (the peer of `glass-softness rdf`).

Usage: /usr/bin/python3 mda_rdf.py DUMP TYPE_MAP R_MAX NBINS OUT.csv [LAST_FRAME]
Like pairs use exclusion_block=(1,1) (an atom is not its own neighbour), which gives the same (N-1) partner density as
LAMMPS' compute rdf and glass-softness. Writes r_A and g_A-B columns in the species order of TYPE_MAP.
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import numpy as np
import MDAnalysis as mda
from MDAnalysis.analysis.rdf import InterRDF

dump, type_map, r_max, nbins, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
last = int(sys.argv[6]) if len(sys.argv) > 6 else None
species = [(t.split("=")[0], t.split("=")[1]) for t in type_map.split(",")]
t0 = time.perf_counter()
u = mda.Universe(dump, format="LAMMPSDUMP")
groups = {name: u.select_atoms("type " + t) for t, name in species}
cols = {}
for i, (_, a) in enumerate(species):
    for _, b in species[i:]:
        kw = {"exclusion_block": (1, 1)} if a == b else {}
        rdf = InterRDF(groups[a], groups[b], nbins=nbins, range=(0.0, r_max), **kw)
        rdf.run(stop=None if last is None else last + 1)
        cols["r_A"] = rdf.results.bins
        cols["g_%s-%s" % (a, b)] = rdf.results.rdf
elapsed = time.perf_counter() - t0
names = list(cols)
np.savetxt(out, np.column_stack([cols[n] for n in names]), delimiter=",", header=",".join(names), comments="",
           fmt="%.17g")
print("mdanalysis %.3f s" % elapsed)
