package org.glasssoftness.core.neighbor;

import org.glasssoftness.core.model.Box;

/**
 * Cell-list neighbour search in a periodic orthogonal or triclinic box, for any cutoff: the one neighbour search every
 * analysis of the project uses.
 *
 * <p>Atoms are binned in fractional coordinates. Along each cell vector the number of bins is
 * floor(perpendicular width / cutoff) (at least 1), so a neighbour within the cutoff differs by at most
 * {@code reach = ceil(cutoff / bin width)} bins along each direction. Neighbouring bins are visited with explicit
 * lattice shifts rather than by minimum image, which makes the search exact for every cutoff, also when the cutoff
 * exceeds half the box: then an atom can meet several periodic images of the same neighbour (and of itself), each
 * reported once. Non-periodic directions are not wrapped.
 *
 * <p>Building costs O(N); a query costs O(neighbours). The structure is read-only after construction, so
 * {@link #forEachNeighbor} may be called from many threads.
 */
public final class NeighborSearch {
    private final Box box;
    private final double cutoff;
    private final double cutoff2;
    private final int n;
    /** Wrapped Cartesian positions, 3N. */
    private final double[] wrapped;
    private final int[] nb = new int[3];
    private final int[] reach = new int[3];
    /** Bin of each atom (flattened). */
    private final int[] binOf;
    /** Atoms sorted by bin; bin b holds binAtoms[binStart[b] .. binStart[b+1]). */
    private final int[] binStart;
    private final int[] binAtoms;

    public NeighborSearch(Box box, double[] positions, double cutoff) {
        this(box, positions, cutoff, 1);
    }

    /**
     * As {@link #NeighborSearch(Box, double[], double)} with bins {@code binsPerCutoff} times finer than the cutoff
     * (reach grows accordingly). Finer bins visit less empty volume around each atom: for MD Verlet lists in boxes
     * only 2-3 cutoffs wide, 2 bins per cutoff cut the distance checks several-fold. Results are the same neighbours.
     */
    public NeighborSearch(Box box, double[] positions, double cutoff, int binsPerCutoff) {
        if (binsPerCutoff < 1) throw new IllegalArgumentException("binsPerCutoff must be >= 1, got " + binsPerCutoff);
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour cutoff must be positive and finite, got " + cutoff);
        }
        if (positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions must hold 3 numbers per atom, got " + positions.length);
        }
        this.box = box;
        this.cutoff = cutoff;
        this.cutoff2 = cutoff * cutoff;
        this.n = positions.length / 3;
        double[] widths = box.perpendicularWidths();
        for (int k = 0; k < 3; k++) {
            nb[k] = Math.max(1, (int) Math.min(1 << 10, Math.floor(widths[k] * binsPerCutoff / cutoff)));
            reach[k] = (int) Math.ceil(cutoff / (widths[k] / nb[k]));
            if (!box.periodic(k)) reach[k] = Math.min(reach[k], nb[k] - 1);
        }
        this.wrapped = new double[3 * n];
        this.binOf = new int[n];
        double[] s = new double[3];
        int[] count = new int[nb[0] * nb[1] * nb[2] + 1];
        for (int i = 0; i < n; i++) {
            box.toFractional(positions, 3 * i, s, 0);
            int[] c = new int[3];
            for (int k = 0; k < 3; k++) {
                if (!Double.isFinite(s[k])) {
                    throw new IllegalArgumentException("atom " + i + " has a non-finite coordinate");
                }
                if (box.periodic(k)) {
                    s[k] -= Math.floor(s[k]);
                    if (s[k] >= 1.0) s[k] = 0.0; // -1e-17 - floor gives 1.0 after rounding
                }
                int ck = (int) Math.floor(s[k] * nb[k]);
                c[k] = Math.min(nb[k] - 1, Math.max(0, ck));
            }
            box.toCartesian(s, 0, wrapped, 3 * i);
            binOf[i] = (c[2] * nb[1] + c[1]) * nb[0] + c[0];
            count[binOf[i] + 1]++;
        }
        for (int b = 0; b < nb[0] * nb[1] * nb[2]; b++) count[b + 1] += count[b];
        this.binStart = count.clone();
        this.binAtoms = new int[n];
        int[] fill = count; // reuse as insertion cursor
        for (int i = 0; i < n; i++) binAtoms[fill[binOf[i]]++] = i;
    }

    public int atomCount() { return n; }

    public double cutoff() { return cutoff; }

    public Box box() { return box; }

    /**
     * Visits every neighbour j of atom i with |r_j + shift - r_i| &lt; cutoff, j == i only for a non-zero shift.
     * Neighbours come bin by bin, in a fixed order for a given input.
     */
    public void forEachNeighbor(int i, PairVisitor v) {
        visit(i, v, false);
    }

    /** Visits each unordered pair once (i &lt; j for every image, and each self-image pair once). */
    public void forEachPair(PairVisitor v) {
        for (int i = 0; i < n; i++) visit(i, v, true);
    }

    private void visit(int i, PairVisitor v, boolean half) {
        int b = binOf[i];
        int cx = b % nb[0], cy = (b / nb[0]) % nb[1], cz = b / (nb[0] * nb[1]);
        double xi = wrapped[3 * i], yi = wrapped[3 * i + 1], zi = wrapped[3 * i + 2];
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        for (int dz = -reach[2]; dz <= reach[2]; dz++) {
            int gz = cz + dz;
            int iz = Math.floorDiv(gz, nb[2]);
            if (iz != 0 && !box.periodic(2)) continue;
            int bz = gz - iz * nb[2];
            for (int dy = -reach[1]; dy <= reach[1]; dy++) {
                int gy = cy + dy;
                int iy = Math.floorDiv(gy, nb[1]);
                if (iy != 0 && !box.periodic(1)) continue;
                int by = gy - iy * nb[1];
                for (int dx = -reach[0]; dx <= reach[0]; dx++) {
                    int gx = cx + dx;
                    int ix = Math.floorDiv(gx, nb[0]);
                    if (ix != 0 && !box.periodic(0)) continue;
                    int bx = gx - ix * nb[0];
                    // lattice shift of this bin image: ix a + iy b + iz c
                    double sx = ix * lx + iy * xy + iz * xz;
                    double sy = iy * ly + iz * yz;
                    double sz = iz * lz;
                    boolean zeroShift = ix == 0 && iy == 0 && iz == 0;
                    // Half lists keep (i, j, shift) when i < j, or i == j with a positive shift; the twin
                    // (j, i, -shift) is dropped by the same rule, so each pair is seen once.
                    int bin = (bz * nb[1] + by) * nb[0] + bx;
                    for (int p = binStart[bin], end = binStart[bin + 1]; p < end; p++) {
                        int j = binAtoms[p];
                        if (j == i) {
                            if (zeroShift) continue;
                            if (half && !positive(ix, iy, iz)) continue;
                        } else if (half && j < i) {
                            continue;
                        }
                        double ddx = wrapped[3 * j] + sx - xi;
                        double ddy = wrapped[3 * j + 1] + sy - yi;
                        double ddz = wrapped[3 * j + 2] + sz - zi;
                        double r2 = ddx * ddx + ddy * ddy + ddz * ddz;
                        if (r2 < cutoff2) v.visit(i, j, ddx, ddy, ddz, r2);
                    }
                }
            }
        }
    }

    /**
     * Visits each unordered pair (and each self-image pair) exactly once, like {@link #forEachPair}, but scans only
     * the forward half of the bin stencil (bin offsets lexicographically &gt;= 0; in its own bin only j &gt; i), so it
     * checks about half as many candidates. Unlike {@link #forEachPair}, i may be larger than j and pairs come grouped
     * by i but not sorted: for analyses that only accumulate over pairs (distance histograms). A pair (i, j, image)
     * has one bin offset o from i's bin and -o from j's, so exactly one of the two is in the forward half.
     */
    public void forEachPairUnordered(PairVisitor v) {
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        for (int i = 0; i < n; i++) {
            int b = binOf[i];
            int cx = b % nb[0], cy = (b / nb[0]) % nb[1], cz = b / (nb[0] * nb[1]);
            double xi = wrapped[3 * i], yi = wrapped[3 * i + 1], zi = wrapped[3 * i + 2];
            for (int dz = 0; dz <= reach[2]; dz++) {
                int gz = cz + dz;
                int iz = Math.floorDiv(gz, nb[2]);
                if (iz != 0 && !box.periodic(2)) continue;
                int bz = gz - iz * nb[2];
                for (int dy = dz == 0 ? 0 : -reach[1]; dy <= reach[1]; dy++) {
                    int gy = cy + dy;
                    int iy = Math.floorDiv(gy, nb[1]);
                    if (iy != 0 && !box.periodic(1)) continue;
                    int by = gy - iy * nb[1];
                    for (int dx = dz == 0 && dy == 0 ? 0 : -reach[0]; dx <= reach[0]; dx++) {
                        int gx = cx + dx;
                        int ix = Math.floorDiv(gx, nb[0]);
                        if (ix != 0 && !box.periodic(0)) continue;
                        int bx = gx - ix * nb[0];
                        double sx = ix * lx + iy * xy + iz * xz;
                        double sy = iy * ly + iz * yz;
                        double sz = iz * lz;
                        int bin = (bz * nb[1] + by) * nb[0] + bx;
                        int p = binStart[bin], end = binStart[bin + 1];
                        if (dx == 0 && dy == 0 && dz == 0) {
                            // own bin, zero shift: j > i (binAtoms is ascending within a bin)
                            while (p < end && binAtoms[p] <= i) p++;
                        }
                        for (; p < end; p++) {
                            int j = binAtoms[p];
                            double ddx = wrapped[3 * j] + sx - xi;
                            double ddy = wrapped[3 * j + 1] + sy - yi;
                            double ddz = wrapped[3 * j + 2] + sz - zi;
                            double r2 = ddx * ddx + ddy * ddy + ddz * ddz;
                            if (r2 < cutoff2) v.visit(i, j, ddx, ddy, ddz, r2);
                        }
                    }
                }
            }
        }
    }

    /** Lexicographic sign of a lattice shift: exactly one of s and -s is positive when s != 0. */
    private static boolean positive(int ix, int iy, int iz) {
        if (iz != 0) return iz > 0;
        if (iy != 0) return iy > 0;
        return ix > 0;
    }
}
