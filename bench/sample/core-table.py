#!/usr/bin/env python3
"""Writes core.table: the Deng-Du short-range core correction for hybrid/overlay with buck/coul/long.

For r <= r0 the model replaces the Buckingham part A exp(-r/rho) - C/r^6 by B/r^n + D r^2 (shared potentials notes,
deng-du-libp.md §1 and §3.2, the "recomputed" rows; B-O with option (a), A = 12525 eV). The table holds the
difference core - Buckingham for r in [RLO, r0], so that buck/coul/long + table gives the core below r0; pairs are
cut off at r0 (pair_coeff cutoff), where the difference is close to zero.
"""
import math

RLO = 0.2
N = 2000
PAIRS = {
    # key: (A, rho, C, B, n, D, r0)
    "BO": (12525.0, 0.171271, 28.500, 9.9878, 4.6632, -1.7726, 1.1012),
    "PO": (26655.472, 0.181968, 86.856, 28.566, 4.636, -3.406, 1.1680),
    "OO": (2029.2204, 0.343645, 192.58, 46.339, 3.424, -0.3275, 1.9055),
}

with open("core.table", "w") as f:
    f.write("# Deng-Du core correction (core - Buckingham) below r0, eV and eV/A\n")
    for key, (A, rho, C, B, n, D, r0) in PAIRS.items():
        f.write(f"\n{key}\nN {N} R {RLO} {r0}\n\n")
        for i in range(N):
            r = RLO + (r0 - RLO) * i / (N - 1)
            buck = A * math.exp(-r / rho) - C / r**6
            dbuck = -A / rho * math.exp(-r / rho) + 6 * C / r**7
            core = B / r**n + D * r * r
            dcore = -n * B / r**(n + 1) + 2 * D * r
            f.write(f"{i + 1} {r:.10f} {core - buck:.10e} {-(dcore - dbuck):.10e}\n")
