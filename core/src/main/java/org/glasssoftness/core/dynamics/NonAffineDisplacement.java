package org.glasssoftness.core.dynamics;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.neighbor.PairVisitor;
import org.glasssoftness.core.parallel.Workers;

/**
 * Falk–Langer non-affine squared displacement D2min (Å^2) of chosen centre atoms between two frames t and t + Δt,
 * the study's Eq. 7: neighbours within {@code cutoff} at time t, D2min = min_J sum_i |r_ik(t+Δt) - J r_ik(t)|^2 / M_k.
 *
 * <p>Neighbour vectors at t + Δt are taken consistently with those at t. When both frames can be unwrapped (xu yu zu,
 * or image flags), the periodic image of each neighbour is kept: r_ik(t) = u_i(t) - u_k(t) + n_a a + n_b b + n_c c
 * with integers n found at t, and r_ik(t+Δt) uses the same n with the cell vectors of t + Δt. This is exact for any
 * atom motion and any box deformation (a purely affine motion gives D2min = 0 even in a sheared triclinic box).
 * Otherwise each vector at t + Δt is the minimum image in the box of t + Δt, which is right while atoms move less
 * than half the box between the two frames.
 *
 * <p>Neighbours of every species count unless a neighbour species is set. Degenerate neighbourhoods (fewer than
 * {@code minNeighbors} neighbours, or neighbours nearly coplanar so the fit is undetermined, see
 * {@link NonAffineFit}) are flagged; their D2min is reported as 0 and the flag says it was excluded.
 */
public final class NonAffineDisplacement {
    /** Default neighbour cutoff of the study (Methods 4.5): 4 Å covers the first and second shells of Li. */
    public static final double DEFAULT_CUTOFF_A = 4.0;
    /**
     * Default smallest neighbour count. With 3 non-coplanar neighbours the affine map fits them exactly and D2min is
     * identically 0, so at least 4 are needed for the number to carry information.
     */
    public static final int DEFAULT_MIN_NEIGHBORS = 4;

    private final double cutoff;
    private final String neighborSpecies;
    private final int minNeighbors;

    /**
     * @param cutoff          neighbour cutoff at time t, Å
     * @param neighborSpecies only neighbours of this species count, or null for all species
     * @param minNeighbors    smallest neighbour count for a valid fit (at least 1)
     */
    public NonAffineDisplacement(double cutoff, String neighborSpecies, int minNeighbors) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("D2min cutoff must be a positive number of Å, got " + cutoff);
        }
        if (minNeighbors < 1) throw new IllegalArgumentException("minimum neighbour count must be >= 1, got " + minNeighbors);
        this.cutoff = cutoff;
        this.neighborSpecies = neighborSpecies == null || neighborSpecies.isBlank() ? null : neighborSpecies.trim();
        this.minNeighbors = minNeighbors;
    }

    public double cutoff() { return cutoff; }
    public String neighborSpecies() { return neighborSpecies; }
    public int minNeighbors() { return minNeighbors; }

    /** D2min of each centre; {@code degenerate[c]} marks excluded fits (then {@code d2min[c] == 0}). */
    public record Result(int[] centres, double[] d2min, int[] neighbors, boolean[] degenerate, boolean unwrapped) {
        public int degenerateCount() {
            int c = 0;
            for (boolean b : degenerate) if (b) c++;
            return c;
        }
    }

    /**
     * D2min of the given atoms (indices into the frames) between {@code f0} (time t) and {@code f1} (t + Δt). The
     * frames must hold the same atoms in the same order (the caller checks ids).
     *
     * @param threads number of threads, 0 = all processors
     */
    public Result compute(Frame f0, Frame f1, int[] centres, int threads) {
        double[] d2 = new double[centres.length];
        int[] m = new int[centres.length];
        boolean[] deg = new boolean[centres.length];
        try (Workers w = new Workers(threads)) {
            boolean unwrapped = computeInto(f0, f1, centres, w, d2, m, deg);
            return new Result(centres.clone(), d2, m, deg, unwrapped);
        }
    }

    /** True when the pair of frames is treated with unwrapped coordinates (image kept), false for minimum image. */
    public static boolean usesUnwrapped(Frame f0, Frame f1) {
        return FrameChecks.canUnwrap(f0) && FrameChecks.canUnwrap(f1);
    }

    /** The work of {@link #compute}, into caller-owned arrays (reused across intervals by D_cum). */
    boolean computeInto(Frame f0, Frame f1, int[] centres, Workers w, double[] d2, int[] m, boolean[] deg) {
        if (f0.atomCount() != f1.atomCount()) {
            throw new IllegalArgumentException("frames to compare hold " + f0.atomCount() + " and " + f1.atomCount() + " atoms");
        }
        int filter = -1;
        if (neighborSpecies != null) {
            filter = f0.speciesIndex(neighborSpecies);
            if (filter < 0) {
                throw new IllegalArgumentException("neighbour species '" + neighborSpecies + "' is not in frame at timestep "
                        + f0.timestep() + "; species present: " + f0.speciesNames());
            }
        }
        boolean unwrapped = usesUnwrapped(f0, f1);
        NeighborSearch ns = new NeighborSearch(f0.box(), f0.positions(), cutoff);
        double[] u0 = unwrapped ? f0.unwrappedPositions() : null;
        double[] u1 = unwrapped ? f1.unwrappedPositions() : f1.positions();
        int speciesFilter = filter;
        w.forBlocks(centres.length, (from, to) -> {
            Collector c = new Collector(f0, f1, u0, u1, speciesFilter, unwrapped);
            for (int q = from; q < to; q++) {
                int k = centres[q];
                c.begin(k);
                ns.forEachNeighbor(k, c);
                m[q] = c.count;
                double v = NonAffineFit.fit(c.d0, c.d1, c.count, minNeighbors);
                if (v == NonAffineFit.DEGENERATE) {
                    deg[q] = true;
                    d2[q] = 0.0;
                } else {
                    deg[q] = false;
                    d2[q] = v;
                }
            }
        });
        return unwrapped;
    }

    /** Gathers the neighbour vectors of one centre at t and t + Δt (one per thread, buffers reused). */
    private static final class Collector implements PairVisitor {
        private final Box b0, b1;
        private final int[] species;
        private final double[] u0, u1;
        private final int filter;
        private final boolean unwrapped;
        double[] d0 = new double[96], d1 = new double[96];
        int count, centre;

        Collector(Frame f0, Frame f1, double[] u0, double[] u1, int filter, boolean unwrapped) {
            this.b0 = f0.box();
            this.b1 = f1.box();
            this.species = f0.species();
            this.u0 = u0;
            this.u1 = u1;
            this.filter = filter;
            this.unwrapped = unwrapped;
        }

        void begin(int k) {
            centre = k;
            count = 0;
        }

        @Override
        public void visit(int i, int j, double dx, double dy, double dz, double r2) {
            if (j == i) return; // a periodic image of the centre itself is not a neighbour atom
            if (filter >= 0 && species[j] != filter) return;
            if (3 * count + 3 > d0.length) {
                d0 = java.util.Arrays.copyOf(d0, 2 * d0.length);
                d1 = java.util.Arrays.copyOf(d1, 2 * d1.length);
            }
            int o = 3 * count;
            d0[o] = dx; d0[o + 1] = dy; d0[o + 2] = dz;
            int oj = 3 * j, ok = 3 * centre;
            double ex = u1[oj] - u1[ok], ey = u1[oj + 1] - u1[ok + 1], ez = u1[oj + 2] - u1[ok + 2];
            if (unwrapped) {
                // lattice shift of the image found at t: d(t) - (u_j(t) - u_k(t)) = n_a a + n_b b + n_c c
                double sx = dx - (u0[oj] - u0[ok]), sy = dy - (u0[oj + 1] - u0[ok + 1]), sz = dz - (u0[oj + 2] - u0[ok + 2]);
                double nc = Math.rint(sz / b0.lz());
                double nb = Math.rint((sy - b0.yz() * nc) / b0.ly());
                double na = Math.rint((sx - b0.xy() * nb - b0.xz() * nc) / b0.lx());
                ex += na * b1.lx() + nb * b1.xy() + nc * b1.xz();
                ey += nb * b1.ly() + nc * b1.yz();
                ez += nc * b1.lz();
                d1[o] = ex; d1[o + 1] = ey; d1[o + 2] = ez;
            } else {
                d1[o] = ex; d1[o + 1] = ey; d1[o + 2] = ez;
                b1.minimumImage(d1, o);
            }
            count++;
        }
    }
}
