"""Generates the benchmark inputs (seeded): a 10,000-atom LiBP-like configuration and a 20,000-row LR data set."""
import sys, numpy as np
out = sys.argv[1]
rng = np.random.default_rng(2023)
# 10,000 atoms in the Li40B30P30 proportions (Li 1/6, B 1/8, O 7/12, P 1/8) at 0.075 atoms/A^3
n = 10000
L = (n / 0.075) ** (1 / 3)
species = rng.choice(4, size=n, p=[1 / 6, 1 / 8, 7 / 12, 1 / 8]).astype(np.int32)
pos = rng.random((n, 3)) * L
np.array([L], dtype='<f8').tofile(f"{out}/box.bin")
pos.astype('<f8').tofile(f"{out}/pos.bin")
species.astype('<i4').tofile(f"{out}/species.bin")
# LR data: 20,000 x 200 correlated features, labels from a noisy logistic model
m, d = 20000, 200
A = rng.normal(size=(d, d)) / np.sqrt(d) + np.eye(d)
X = rng.normal(size=(m, d)) @ A + rng.normal(size=d)
w = rng.normal(size=d) * (rng.random(d) < 0.2)
z = (X - X.mean(0)) / X.std(0) @ w * 0.3 - 0.5
y = (rng.random(m) < 1 / (1 + np.exp(-z))).astype(np.int32)
X.astype('<f8').tofile(f"{out}/X.bin")
y.astype('<i4').tofile(f"{out}/y.bin")
print(f"box {L:.3f} A, {n} atoms, LR {m} x {d}, positive fraction {y.mean():.3f}")
