package org.glasssoftness.core.softness;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.neighbor.NeighborSearch;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;

/**
 * Angular structure functions Psi_XY(i; xi, lambda, zeta) of the focus atoms ({@link AngularDefinition}; Cubuk et al.
 * PRL 2015, Schoenholz et al. Nat. Phys. 2016).
 *
 * <p>For each focus atom the neighbours of the angular species within R_c (every periodic image, from the project's
 * {@link NeighborSearch}) are collected in the search's fixed order; every unordered pair of them (a &lt; b in that
 * order) adds exp(-s / xi^2) (1 + lambda cos theta)^zeta to its species-pair block, with s = r_ij^2 + r_ik^2 +
 * r_jk^2, r_jk from the two neighbour vectors and cos theta = (d_ij . d_ik) / (r_ij r_ik). Integer zeta up to 64 is
 * taken by repeated squaring, others by {@link Math#pow}. Atoms are processed in parallel; each atom owns its row and
 * sums in the fixed neighbour order, so results do not depend on the thread count (bit for bit). Cost per atom grows
 * as (neighbours within R_c)^2.
 */
public final class AngularFeatures {
    private final AngularDefinition def;

    public AngularFeatures(AngularDefinition definition) {
        this.def = definition;
    }

    public AngularDefinition definition() { return def; }

    /** Features of the focus atoms of one frame (frame index recorded as {@code frameIndex}). */
    public AngularFeatureSet compute(Frame frame, int frameIndex) {
        return compute(frame, frameIndex, Progress.NONE);
    }

    /**
     * Features of one frame, reporting the fraction of focus atoms done and stopping with {@link CancelledException}
     * when cancelled (checked before every atom).
     */
    public AngularFeatureSet compute(Frame frame, int frameIndex, Progress progress) {
        int[] focus = FocusAtoms.of(frame, def.focusSpecies());
        int[] slot = FocusAtoms.neighbourSlots(frame, def.neighbourSpecies());
        int d = def.featureCount(), per = def.featuresPerPair();
        int m = def.neighbourSpecies().size();
        int[] pairBase = new int[m * m];
        for (int a = 0; a < m; a++) for (int b = 0; b < m; b++) pairBase[a * m + b] = def.pairIndex(a, b) * per;
        int nx = def.xis().size(), nl = def.lambdas().size(), nz = def.zetas().size();
        double[] invXi2 = new double[nx];
        for (int k = 0; k < nx; k++) invXi2[k] = 1.0 / (def.xis().get(k) * def.xis().get(k));
        double[] lambda = new double[nl];
        for (int l = 0; l < nl; l++) lambda[l] = def.lambdas().get(l);
        double[] zeta = new double[nz];
        for (int z = 0; z < nz; z++) zeta[z] = def.zetas().get(z);

        double[] values = new double[focus.length * d];
        NeighborSearch ns = new NeighborSearch(frame.box(), frame.positions(), def.cutoff());
        int[] species = frame.species();
        AtomicInteger done = new AtomicInteger();
        int reportEvery = Math.max(1, focus.length / 50);
        int[] reported = {0}; // largest count reported, guarded by progress: reports never go backwards across threads
        ThreadLocal<Neighbours> buffers = ThreadLocal.withInitial(Neighbours::new);
        IntStream.range(0, focus.length).parallel().forEach(row -> {
            if (progress.isCanceled()) throw new CancelledException();
            Neighbours nb = buffers.get();
            nb.clear();
            ns.forEachNeighbor(focus[row], (i, j, dx, dy, dz, r2) -> {
                int s = slot[species[j]];
                if (s >= 0) nb.add(s, dx, dy, dz, r2);
            });
            accumulate(nb, values, row * d, m, pairBase, invXi2, lambda, zeta);
            int c = done.incrementAndGet();
            if (c % reportEvery == 0) {
                synchronized (progress) {
                    if (c > reported[0]) {
                        reported[0] = c;
                        progress.report((double) c / focus.length, "angular features, atom " + c + " of " + focus.length);
                    }
                }
            }
        });
        FocusAtoms.Keys k = FocusAtoms.keys(frame, focus, frameIndex);
        return new AngularFeatureSet(def, k.frame(), k.timestep(), k.ids(), k.species(), values);
    }

    /** Adds every unordered neighbour pair of one atom to its row out[o ..]. */
    private static void accumulate(Neighbours nb, double[] out, int o, int m, int[] pairBase, double[] invXi2,
                                   double[] lambda, double[] zeta) {
        int nx = invXi2.length, nl = lambda.length, nz = zeta.length;
        nb.ensureScratch(nl * nz, nx);
        double[] pw = nb.pw, g = nb.g;
        for (int a = 0; a < nb.n; a++) {
            double xa = nb.d[3 * a], ya = nb.d[3 * a + 1], za = nb.d[3 * a + 2], ra2 = nb.r2[a];
            int sa = nb.slot[a];
            for (int b = a + 1; b < nb.n; b++) {
                double xb = nb.d[3 * b], yb = nb.d[3 * b + 1], zb = nb.d[3 * b + 2], rb2 = nb.r2[b];
                double ex = xb - xa, ey = yb - ya, ez = zb - za;
                double rjk2 = ex * ex + ey * ey + ez * ez;
                double s = ra2 + rb2 + rjk2;
                double cos = (xa * xb + ya * yb + za * zb) / Math.sqrt(ra2 * rb2);
                if (cos > 1) cos = 1;
                else if (cos < -1) cos = -1;
                for (int l = 0; l < nl; l++) {
                    double base = 1 + lambda[l] * cos;
                    for (int z = 0; z < nz; z++) pw[l * nz + z] = power(base, zeta[z]);
                }
                for (int k = 0; k < nx; k++) g[k] = Math.exp(-s * invXi2[k]);
                int ob = o + pairBase[sa * m + nb.slot[b]];
                for (int k = 0; k < nx; k++) {
                    double gk = g[k];
                    int ok = ob + k * nl * nz;
                    for (int q = 0; q < nl * nz; q++) out[ok + q] += gk * pw[q];
                }
            }
        }
    }

    /** base^zeta for base &gt;= 0: repeated squaring for whole zeta up to 64, else Math.pow. */
    static double power(double base, double zeta) {
        if (zeta == Math.rint(zeta) && zeta <= 64) {
            int e = (int) zeta;
            double r = 1, b = base;
            while (e > 0) {
                if ((e & 1) != 0) r *= b;
                b *= b;
                e >>= 1;
            }
            return r;
        }
        return Math.pow(base, zeta);
    }

    static AngularFeatureSet concat(List<AngularFeatureSet> parts) {
        AngularDefinition def = parts.get(0).definition();
        return FocusAtoms.concat(parts, p -> new FocusAtoms.Keys(p.frame(), p.timestep(), p.ids(), p.species()),
                AngularFeatureSet::values, def.featureCount(),
                (k, v) -> new AngularFeatureSet(def, k.frame(), k.timestep(), k.ids(), k.species(), v));
    }

    /** The neighbours of one atom: species slot, vector d = r_j - r_i (Å) and r^2, grown as needed, reused per thread. */
    private static final class Neighbours {
        int n;
        int[] slot = new int[64];
        double[] d = new double[192];
        double[] r2 = new double[64];
        /** Per-pair scratch of accumulate: (1 + lambda cos)^zeta per (lambda, zeta), and exp(-s / xi^2) per xi. */
        double[] pw = new double[0], g = new double[0];

        void clear() { n = 0; }

        /** Sizes pw to nlz and g to nx values: allocated once per thread and grid, not per atom. */
        void ensureScratch(int nlz, int nx) {
            if (pw.length != nlz) pw = new double[nlz];
            if (g.length != nx) g = new double[nx];
        }

        void add(int s, double dx, double dy, double dz, double rr) {
            if (n == slot.length) {
                slot = java.util.Arrays.copyOf(slot, 2 * n);
                d = java.util.Arrays.copyOf(d, 6 * n);
                r2 = java.util.Arrays.copyOf(r2, 2 * n);
            }
            slot[n] = s;
            d[3 * n] = dx;
            d[3 * n + 1] = dy;
            d[3 * n + 2] = dz;
            r2[n] = rr;
            n++;
        }
    }
}
