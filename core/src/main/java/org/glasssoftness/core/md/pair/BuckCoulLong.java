package org.glasssoftness.core.md.pair;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.neighbor.VerletList;

/**
 * Real-space pair forces of the Deng-Du model, like LAMMPS {@code buck/coul/long} plus the short-range core:
 * Buckingham A exp(-r/rho) - C/r^6 above r0, core B/r^n + D r^2 at r &lt;= r0, and the screened Coulomb
 * q_i q_j erfc(g r)/r, all truncated (not shifted) at one cutoff. erfc uses the Abramowitz-Stegun 7.1.26
 * approximation (|error| &lt; 1.5e-7) that LAMMPS' coul/long uses when its table is off, so energies agree with
 * LAMMPS to rounding; the force uses the exact derivative form q_i q_j (erfc + 2 g r exp(-g^2 r^2)/sqrt(pi)) / r^2.
 *
 * <p>Multi-threaded over fixed blocks of atoms; each block accumulates into its own force buffer and the buffers,
 * energies and virials are summed in block order, so results are bit-identical for any thread count.
 */
public final class BuckCoulLong {
    private static final double EWALD_P = 0.3275911;
    private static final double A1 = 0.254829592, A2 = -0.284496736, A3 = 1.421413741, A4 = -1.453152027,
            A5 = 1.061405429;
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    /** Fixed work partition: results do not depend on the number of threads. */
    private static final int BLOCKS = 32;

    private final int ns;
    private final double cutoff, cut2;
    private final boolean[] has;
    private final double[] aa, rhoInv, aOverRho, cc, c6, coreB, coreN, coreD, coreR0sq, coreNB;
    private final ForkJoinPool pool;
    private final boolean tabulated;
    private CoulombTable table;
    /** Per species pair (row-major) its Buckingham table (null without short-range part); built with tabulation on. */
    private final double[][] buckTables;
    private double[][] blockForces = new double[0][];
    private final double[][] partial = new double[BLOCKS][8];

    /** Result of one evaluation: energies in eV and the virial W_ab = sum r_ab f (eV), order xx yy zz xy xz yz. */
    public static final class Result {
        public double eVdwl, eCoul;
        public final double[] virial = new double[6];
    }

    /**
     * @param coeffs  per species pair coefficients (symmetric)
     * @param cutoff  real-space cutoff for both parts, Å
     * @param threads worker threads (1 = run in the caller)
     */
    public BuckCoulLong(PairCoefficients[][] coeffs, double cutoff, int threads) {
        this(coeffs, cutoff, threads, false);
    }

    /**
     * @param tabulatedCoulomb true: the screened Coulomb part and the Buckingham part (beyond the core radius) from
     *                         {@link CoulombTable}s in r^2 (faster; differences to the exact kernel ~1e-9 relative),
     *                         false: evaluated exactly for every pair (as LAMMPS with pair_modify table 0)
     */
    public BuckCoulLong(PairCoefficients[][] coeffs, double cutoff, int threads, boolean tabulatedCoulomb) {
        this.tabulated = tabulatedCoulomb;
        this.ns = coeffs.length;
        this.cutoff = cutoff;
        this.cut2 = cutoff * cutoff;
        int m = ns * ns;
        has = new boolean[m]; aa = new double[m]; rhoInv = new double[m]; aOverRho = new double[m]; cc = new double[m];
        c6 = new double[m]; coreB = new double[m]; coreN = new double[m]; coreD = new double[m];
        coreR0sq = new double[m]; coreNB = new double[m];
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                PairCoefficients p = coeffs[a][b];
                int k = a * ns + b;
                has[k] = p.hasShortRange();
                aa[k] = p.a(); rhoInv[k] = 1 / p.rho(); aOverRho[k] = p.a() / p.rho(); cc[k] = p.c(); c6[k] = 6 * p.c();
                if (p.core() != null) {
                    coreB[k] = p.core().b(); coreN[k] = p.core().n(); coreD[k] = p.core().d();
                    coreR0sq[k] = p.core().r0() * p.core().r0(); coreNB[k] = p.core().n() * p.core().b();
                } else {
                    coreR0sq[k] = -1;
                }
            }
        }
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        buckTables = new double[m][];
        if (tabulatedCoulomb) {
            for (int a = 0; a < ns; a++) {
                for (int b = 0; b < ns; b++) {
                    PairCoefficients p = coeffs[a][b];
                    if (p.hasShortRange()) buckTables[a * ns + b] = CoulombTable.buckingham(p.a(), p.rho(), p.c(), cutoff).coef;
                }
            }
        }
    }

    public double cutoff() { return cutoff; }

    /** Frees the worker threads. */
    public void close() {
        if (pool != null) pool.shutdown();
    }

    /**
     * Adds pair forces to {@code s.f} and returns energies and virial. {@code gEwald} is the Ewald splitting parameter
     * (1/Å) of the k-space part; 0 gives plain Coulomb erfc = 1 (no k-space).
     */
    public Result compute(MdState s, VerletList list, double gEwald) {
        int n = s.n;
        if (blockForces.length != BLOCKS || blockForces[0].length != 3 * n) {
            blockForces = new double[BLOCKS][3 * n];
        }
        double[][] partial = this.partial;
        if (tabulated && gEwald > 0 && (table == null || table.g != gEwald)) table = new CoulombTable(gEwald, cutoff);
        runBlocks(BLOCKS, b -> block(b, s, list, gEwald, partial[b]));
        Result r = new Result();
        for (int b = 0; b < BLOCKS; b++) {
            r.eVdwl += partial[b][0];
            r.eCoul += partial[b][1];
            for (int k = 0; k < 6; k++) r.virial[k] += partial[b][2 + k];
        }
        // the block buffers are summed per component in block order (bit-identical for any thread count), in parallel
        // over fixed ranges of components
        double[] f = s.f;
        int len = 3 * n;
        runBlocks(BLOCKS, c -> {
            int from = (int) ((long) len * c / BLOCKS), to = (int) ((long) len * (c + 1) / BLOCKS);
            for (int b = 0; b < BLOCKS; b++) {
                double[] fb = blockForces[b];
                for (int k = from; k < to; k++) f[k] += fb[k];
            }
        });
        return r;
    }

    private interface BlockTask { void run(int block); }

    /** Runs task(0 .. count-1), in the pool when there is one. */
    private void runBlocks(int count, BlockTask task) {
        if (pool == null) {
            for (int b = 0; b < count; b++) task.run(b);
            return;
        }
        List<Future<?>> fs = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            final int bb = b;
            fs.add(pool.submit(() -> task.run(bb)));
        }
        try {
            for (Future<?> f : fs) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("pair force evaluation failed", e.getCause() != null ? e.getCause() : e);
        }
    }

    private void block(int b, MdState s, VerletList list, double g, double[] acc) {
        int n = s.n;
        int lo = (int) ((long) n * b / BLOCKS), hi = (int) ((long) n * (b + 1) / BLOCKS);
        double[] f = blockForces[b];
        java.util.Arrays.fill(f, 0.0);
        double[] x = s.x, q = s.charge;
        int[] sp = s.species;
        int[] start = list.start(), nbr = list.entries();
        double[] sh = list.shiftTable();
        int imageBits = list.imageBits(), imageMask = list.imageMask();
        double evdwl = 0, ecoul = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        double qqrd2e = Units.QQR2E;
        CoulombTable tab = tabulated && g > 0 ? table : null;
        double[] tc = tab == null ? null : tab.coef;
        double tsMin = tab == null ? Double.MAX_VALUE : tab.sMin, tHinv = tab == null ? 0 : tab.hInv;
        for (int i = lo; i < hi; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double qi = q[i] * qqrd2e;
            int rowI = sp[i] * ns;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int e = start[i], end = start[i + 1]; e < end; e++) {
                int code = nbr[e];
                int j = code >>> imageBits, im = 3 * (code & imageMask);
                // d = r_i - r_j as in LAMMPS (force on i = fpair * d)
                double dx = xi - x[3 * j] - sh[im];
                double dy = yi - x[3 * j + 1] - sh[im + 1];
                double dz = zi - x[3 * j + 2] - sh[im + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= cut2) continue;
                double qq = qi * q[j];
                int k = rowI + sp[j];
                if (r2 >= tsMin) {
                    // tabulated: no sqrt, division or exp; Buckingham from its own table beyond the core radius
                    double u = (r2 - tsMin) * tHinv;
                    int it = Math.min((int) u, CoulombTable.INTERVALS - 1);
                    double t = u - it;
                    int c = 8 * it;
                    double ec = qq * (tc[c] + t * (tc[c + 1] + t * (tc[c + 2] + t * tc[c + 3])));
                    double fpair = qq * (tc[c + 4] + t * (tc[c + 5] + t * (tc[c + 6] + t * tc[c + 7])));
                    ecoul += ec;
                    if (has[k]) {
                        if (r2 <= coreR0sq[k]) {
                            double r = Math.sqrt(r2);
                            double rn = Math.pow(r, -coreN[k]);
                            fpair += (coreNB[k] * rn - 2 * coreD[k] * r2) / r2;
                            evdwl += coreB[k] * rn + coreD[k] * r2;
                        } else {
                            double[] bt = buckTables[k];
                            evdwl += bt[c] + t * (bt[c + 1] + t * (bt[c + 2] + t * bt[c + 3]));
                            fpair += bt[c + 4] + t * (bt[c + 5] + t * (bt[c + 6] + t * bt[c + 7]));
                        }
                    }
                    double fx = dx * fpair, fy = dy * fpair, fz = dz * fpair;
                    fxi += fx; fyi += fy; fzi += fz;
                    f[3 * j] -= fx; f[3 * j + 1] -= fy; f[3 * j + 2] -= fz;
                    vxx += dx * fx; vyy += dy * fy; vzz += dz * fz;
                    vxy += dx * fy; vxz += dx * fz; vyz += dy * fz;
                    continue;
                }
                double r = Math.sqrt(r2);
                double rinv = 1 / r;
                double r2inv = rinv * rinv;
                double fr2 = 0; // -dU/dr * r
                double eij = 0;
                if (qq != 0) {
                    double pre = qq * rinv;
                    if (g > 0) {
                        double grij = g * r;
                        double expm2 = Math.exp(-grij * grij);
                        double t = 1 / (1 + EWALD_P * grij);
                        double erfc = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * expm2;
                        fr2 += pre * (erfc + TWO_OVER_SQRT_PI * grij * expm2);
                        double ec = pre * erfc;
                        ecoul += ec;
                    } else {
                        fr2 += pre;
                        ecoul += pre;
                    }
                }
                if (has[k]) {
                    if (r2 <= coreR0sq[k]) {
                        double rn = Math.pow(r, -coreN[k]);
                        fr2 += coreNB[k] * rn - 2 * coreD[k] * r2;
                        eij = coreB[k] * rn + coreD[k] * r2;
                    } else {
                        double rexp = Math.exp(-r * rhoInv[k]);
                        double r6inv = r2inv * r2inv * r2inv;
                        fr2 += aOverRho[k] * r * rexp - c6[k] * r6inv;
                        eij = aa[k] * rexp - cc[k] * r6inv;
                    }
                    evdwl += eij;
                }
                double fpair = fr2 * r2inv;
                double fx = dx * fpair, fy = dy * fpair, fz = dz * fpair;
                fxi += fx; fyi += fy; fzi += fz;
                f[3 * j] -= fx; f[3 * j + 1] -= fy; f[3 * j + 2] -= fz;
                vxx += dx * fx; vyy += dy * fy; vzz += dz * fz;
                vxy += dx * fy; vxz += dx * fz; vyz += dy * fz;
            }
            f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
        }
        acc[0] = evdwl; acc[1] = ecoul;
        acc[2] = vxx; acc[3] = vyy; acc[4] = vzz; acc[5] = vxy; acc[6] = vxz; acc[7] = vyz;
    }
}
