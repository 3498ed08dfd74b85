#!/usr/bin/env python3
"""Derives the expected node outputs of this workflow from data/sample.dump (written by LAMMPS, see data/in.sample)
with a plain text parse that shares no code with the project. Run from this folder: python3 make_expected.py"""
import csv, os

TYPE_MAP = {1: "Li", 2: "B", 3: "O", 4: "P"}  # the type map set in the workflow's read nodes

def frames(path):
    lines = open(path).read().split("\n")
    i, out = 0, []
    while i < len(lines) and lines[i].startswith("ITEM: TIMESTEP"):
        n = int(lines[i + 3])
        cols = lines[i + 8].split()[2:]
        rows = [dict(zip(cols, lines[i + 9 + a].split())) for a in range(n)]
        out.append(rows)
        i += 9 + n
    return out

fr = frames(os.path.join("..", "data", "sample.dump"))
first = sorted(fr[0], key=lambda r: int(r["id"]))
counts = {}
for r in first:
    s = TYPE_MAP[int(r["type"])]
    counts[s] = counts.get(s, 0) + 1
species_order = [TYPE_MAP[t] for t in sorted(TYPE_MAP) if TYPE_MAP[t] in counts]
summary = "%d atoms (%s), %d frames, properties: c_pe" % (
    len(first), ", ".join("%s %d" % (s, counts[s]) for s in species_order), len(fr))

def write(folder, port, header, rows, summary_text=None):
    os.makedirs(folder, exist_ok=True)
    if rows is not None:
        with open(os.path.join(folder, "port_%d.csv" % port), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
    if summary_text is not None:
        with open(os.path.join(folder, "port_%d.summary.txt" % port), "w") as f:
            f.write(summary_text + "\n")

# Node 1 reads all frames: port 1 = trajectory, port 2 = atoms of the first frame (as stored: x y z, images, v)
write("Read LAMMPS Dump (#1)", 1, None, None, summary)
write("Read LAMMPS Dump (#1)", 2,
      ["id", "type", "species", "x_A", "y_A", "z_A", "ix", "iy", "iz", "vx_A_per_ps", "vy_A_per_ps", "vz_A_per_ps", "c_pe"],
      [[r["id"], r["type"], TYPE_MAP[int(r["type"])], r["x"], r["y"], r["z"], r["ix"], r["iy"], r["iz"],
        r["vx"], r["vy"], r["vz"], r["c_pe"]] for r in first])
# Node 3 reads the dump node 2 wrote: same atoms, species and property (positions are written unwrapped)
write("Read LAMMPS Dump (#3)", 1, None, None, summary)
write("Read LAMMPS Dump (#3)", 2, ["id", "species", "c_pe"],
      [[r["id"], TYPE_MAP[int(r["type"])], r["c_pe"]] for r in first])
