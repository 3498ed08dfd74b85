"""Copies a LAMMPS dump (id type x y z, cubic box from 0) onto a 1/8 A grid in a 48 A box.

Coordinates k/8 with k < 384 are exact in float32 and float64, their differences and squared distances too (< 2^24),
so MDAnalysis (which computes in float32) and glass-softness (float64) see identical distances and, with bin edges
on multiples of 1/8 A, identical histograms: the check of 'same numbers within 1e-9'.
Usage: /usr/bin/python3 snap.py IN.dump OUT.dump [FRAMES]
"""
import sys

src, dst = sys.argv[1], sys.argv[2]
frames = int(sys.argv[3]) if len(sys.argv) > 3 else None
L_NEW = 48.0
with open(src) as f, open(dst, "w") as out:
    done = 0
    while frames is None or done < frames:
        line = f.readline()
        if not line:
            break
        assert line.startswith("ITEM: TIMESTEP"), line
        step = f.readline()
        f.readline()
        n = int(f.readline())
        f.readline()
        lo, hi = map(float, f.readline().split())
        f.readline()
        f.readline()
        cols = f.readline()
        assert cols.split()[2:] == ["id", "type", "x", "y", "z"], cols
        scale = L_NEW / (hi - lo)
        out.write("ITEM: TIMESTEP\n%sITEM: NUMBER OF ATOMS\n%d\nITEM: BOX BOUNDS pp pp pp\n" % (step, n))
        out.write("0 48\n0 48\n0 48\nITEM: ATOMS id type x y z\n")
        for _ in range(n):
            i, t, x, y, z = f.readline().split()
            k = [round((float(v) - lo) * scale * 8) % 384 for v in (x, y, z)]
            out.write("%s %s %.3f %.3f %.3f\n" % (i, t, k[0] / 8, k[1] / 8, k[2] / 8))
        done += 1
