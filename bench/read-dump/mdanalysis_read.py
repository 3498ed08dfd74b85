"""Times MDAnalysis reading every frame of a LAMMPS dump (positions, box): prints wall and CPU seconds per repetition."""
import sys, time, os, warnings
warnings.filterwarnings("ignore")
import MDAnalysis as mda

path, reps = sys.argv[1], int(sys.argv[2])
for r in range(reps):
    t0 = time.perf_counter()
    c0 = time.process_time()
    u = mda.Universe(path, format="LAMMPSDUMP")
    s = 0.0
    n = 0
    for ts in u.trajectory:
        s += ts.positions[0, 0]
        n += 1
    t1 = time.perf_counter()
    c1 = time.process_time()
    print(f"mdanalysis {t1 - t0:.4f} s cpu {c1 - c0:.4f} s frames={n} checksum={s:.6f}", flush=True)
