package org.glasssoftness.core.neighbor;

/** Receives one neighbour pair: d = r_j - r_i (Å) for the periodic image found, and r2 = |d|^2. */
@FunctionalInterface
public interface PairVisitor {
    void visit(int i, int j, double dx, double dy, double dz, double r2);
}
