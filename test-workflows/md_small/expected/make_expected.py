#!/usr/bin/python3
"""Expected invariants of the md_small workflow, from its settings alone (no simulation output is used):
- atom counts of 480 atoms of 40Li2O-30B2O3-30P2O5: per 100 formula units 40*3 + 30*5 + 30*7 = 480 atoms, so
  Li 80, B 60, P 60, O 40 + 90 + 150 = 280; frames at steps 0, 2, 4 (4 steps, dump every 2) -> 3 frames;
- the thermo table: a 'minimize' row at step 0 then steps 0..4 of the NVT stage, time = step * 0.001 ps; the cubic
  box from the density, V = m / rho with m = sum N_s M_s / N_A (IUPAC abridged conventional atomic weights, Li 6.94,
  B 10.81, O 15.999, P 30.974; the project uses 6.941, 10.811, 15.9994, 30.973762, hence the 1e-3 tolerance on V and
  L), density 2.4 g/cm^3 (1e-12), L = V^(1/3);
- Compute RDF/S(Q) on its frames: the r grid only (the g(r) of a 4-step run has no independent reference here).
Run from this folder: /usr/bin/python3 make_expected.py"""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
N_A = 6.02214076e23
mass = {"Li": 6.94, "B": 10.81, "O": 15.999, "P": 30.974}
comp = {"Li2O": 40, "B2O3": 30, "P2O5": 30}
atoms_per_unit = {"Li2O": {"Li": 2, "O": 1}, "B2O3": {"B": 2, "O": 3}, "P2O5": {"P": 2, "O": 5}}
per100 = sum(n * sum(atoms_per_unit[u].values()) for u, n in comp.items())
scale = 480 / per100
count = {}
for u, n in comp.items():
    for e, k in atoms_per_unit[u].items():
        count[e] = count.get(e, 0) + round(n * k * scale)
V = sum(count[e] * mass[e] for e in count) / N_A / 2.4 * 1e24  # A^3
L = V ** (1 / 3)

d = os.path.join(here, "Run GPU MD (#1)"); os.makedirs(d, exist_ok=True)
with open(os.path.join(d, "port_1.summary.txt"), "w") as f:
    f.write("%d atoms (Li %d, B %d, P %d, O %d), 3 frames\n" % (sum(count.values()), count["Li"], count["B"],
                                                                 count["P"], count["O"]))
rows = [[0, "minimize", 0.0]] + [[s, "equilibrate", s * 0.001] for s in range(5)]
with open(os.path.join(d, "port_2.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["step", "stage", "time_ps", "V_A3", "density_g_cm3", "lx_A", "ly_A", "lz_A"])
    w.writerows([r + [repr(V), "2.4", repr(L), repr(L), repr(L)] for r in rows])
with open(os.path.join(d, "port_2.tolerance.txt"), "w") as f:
    f.write("# atomic weights of another source than the project's\nV_A3=1e-3\nlx_A=1e-3\nly_A=1e-3\nlz_A=1e-3\n")
# Compute RDF/S(Q) on the MD frames: only the binning is known beforehand (80 bins of 0.1 A up to 8 A, centres)
d = os.path.join(here, "Compute RDF_S(Q) (#2)"); os.makedirs(d, exist_ok=True)
with open(os.path.join(d, "port_1.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(["r_A"]); w.writerows([[repr((k + 0.5) * 0.1)] for k in range(80)])
print(count, V, L)
