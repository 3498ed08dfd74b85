#!/usr/bin/python3
"""Compares two D_cum outputs (id D_cum degenerate per line): same ids, max |difference|, same degenerate counts."""
import sys
import numpy as np
a = np.loadtxt(sys.argv[1]); b = np.loadtxt(sys.argv[2])
assert a.shape == b.shape and (a[:, 0] == b[:, 0]).all(), "different atoms"
diff = np.abs(a[:, 1] - b[:, 1]).max()
rel = diff / np.abs(a[:, 1]).max()
same_deg = (a[:, 2] == b[:, 2]).all()
print(f"compare: {len(a)} Li, max |dD_cum| = {diff:.3e} Å (relative {rel:.1e}), degenerate counts equal: {same_deg}, "
      f"mean D_cum {a[:, 1].mean():.4f} Å")
sys.exit(0 if rel < 1e-9 and same_deg else 1)
