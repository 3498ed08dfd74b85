package org.glasssoftness.core.md.kspace;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.model.Box;

/**
 * Particle-particle particle-mesh Ewald (Hockney and Eastwood; Pollock and Glosli), as LAMMPS' {@code pppm} with its
 * defaults: charge assignment of order 5 (B-spline weights on a 5^3 stencil), ik differentiation (three inverse
 * FFTs of i k phi(k)), and the optimal influence function G_opt(k) of Hockney and Eastwood with aliasing sums. The
 * splitting parameter and the mesh are chosen from the requested relative accuracy and the real-space cutoff the way
 * LAMMPS does: initial g from the real-space error estimate, mesh per axis grown until the ik error estimate (Deserno
 * and Holm, JCP 109 (1998) 7678) is below the accuracy and boosted to a product of 2, 3 and 5, then g adjusted by
 * Newton iteration so that real- and k-space error estimates are equal. Cost O(N + M log M) for M mesh points.
 *
 * <p>Orthogonal boxes only for now; triclinic boxes need the lamda-coordinate variant (use {@link Ewald} there).
 */
public final class Pppm implements KSpace {
    private static final double EPS_HOC = 1.0e-7;
    private static final double SMALL = 0.00001;
    private static final int OFFSET = 16384;

    private final double accuracyRelative;
    private final double cutoff;
    private final int order;
    private final double[][] acons = new double[8][7];

    private double g = Double.NaN;
    private int nxp, nyp, nzp;
    private Box setupBox;
    private int setupN = -1;
    private double[] gfB;
    private double[][] rhoCoeff; // [l][k - (1-order)/2]
    private double[] greensfn;
    /** Virial coefficients of each mesh point, 6 per point (xx yy zz xy xz yz). */
    private double[] vg;
    /** Work arrays reused between calls (no allocation in the step loop). */
    private double[] meshRe = new double[0], meshIm = new double[0], fieldXY = new double[0], fieldXYi = new double[0],
            fieldZ = new double[0], fieldZi = new double[0];
    /** Per atom: its order periodic mesh indices along x, y, z (order ints each). */
    private int[] meshIndex = new int[0];
    /** Per atom: its order assignment weights along x, y, z. */
    private double[] weights = new double[0];
    private double[] fkx, fky, fkz;
    private Fft3d fft;
    private double volume, delxinv, delyinv, delzinv, delvolinv;
    private double q2, qsum, qsqsum;
    private boolean fixed;
    private final java.util.concurrent.ExecutorService pool;

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }

    /**
     * @param accuracyRelative requested relative RMS force accuracy (the study uses 1e-5)
     * @param cutoff           real-space Coulomb cutoff (Å)
     */
    public Pppm(double accuracyRelative, double cutoff) {
        this(accuracyRelative, cutoff, 5);
    }

    public Pppm(double accuracyRelative, double cutoff, int order) {
        this(accuracyRelative, cutoff, order, 1);
    }

    /** With {@code threads} > 1 the FFTs and the force interpolation run in parallel (results do not change). */
    public Pppm(double accuracyRelative, double cutoff, int order, int threads) {
        this.pool = threads > 1 ? new java.util.concurrent.ForkJoinPool(threads) : null;
        if (order < 2 || order > 7) throw new IllegalArgumentException("PPPM order must be 2..7, got " + order);
        this.accuracyRelative = accuracyRelative;
        this.cutoff = cutoff;
        this.order = order;
        // Deserno-Holm coefficients of the ik error estimate, JCP 109 (1998) 7698
        acons[1][0] = 2.0 / 3.0;
        acons[2][0] = 1.0 / 50.0; acons[2][1] = 5.0 / 294.0;
        acons[3][0] = 1.0 / 588.0; acons[3][1] = 7.0 / 1440.0; acons[3][2] = 21.0 / 3872.0;
        acons[4][0] = 1.0 / 4320.0; acons[4][1] = 3.0 / 1936.0; acons[4][2] = 7601.0 / 2271360.0; acons[4][3] = 143.0 / 28800.0;
        acons[5][0] = 1.0 / 23232.0; acons[5][1] = 7601.0 / 13628160.0; acons[5][2] = 143.0 / 69120.0;
        acons[5][3] = 517231.0 / 106536960.0; acons[5][4] = 106640677.0 / 11737571328.0;
        acons[6][0] = 691.0 / 68140800.0; acons[6][1] = 13.0 / 57600.0; acons[6][2] = 47021.0 / 35512320.0;
        acons[6][3] = 9694607.0 / 2095994880.0; acons[6][4] = 733191589.0 / 59609088000.0; acons[6][5] = 326190917.0 / 11700633600.0;
        acons[7][0] = 1.0 / 345600.0; acons[7][1] = 3617.0 / 35512320.0; acons[7][2] = 745739.0 / 838397952.0;
        acons[7][3] = 56399353.0 / 12773376000.0; acons[7][4] = 25091609.0 / 1560084480.0;
        acons[7][5] = 1755948832039.0 / 36229939200000.0; acons[7][6] = 4887769399.0 / 37838389248.0;
    }

    /** Fixes g and the mesh instead of choosing them (LAMMPS kspace_modify gewald / mesh). */
    public Pppm withParameters(double gEwald, int nx, int ny, int nz) {
        this.g = gEwald; this.nxp = nx; this.nyp = ny; this.nzp = nz;
        this.fixed = true;
        return this;
    }

    @Override
    public double gEwald() { return g; }

    public int[] mesh() { return new int[] {nxp, nyp, nzp}; }

    @Override
    public String describe() {
        return String.format("pppm g=%.8g mesh=%d,%d,%d order=%d", g, nxp, nyp, nzp, order);
    }

    /** Chooses g and the mesh (once per atom count) and precomputes the influence function for the current box. */
    public void setup(MdState s) {
        chooseParameters(s);
        Box box = s.box;
        double xprd = box.lx(), yprd = box.ly(), zprd = box.lz();
        volume = xprd * yprd * zprd;
        delxinv = nxp / xprd; delyinv = nyp / yprd; delzinv = nzp / zprd;
        delvolinv = delxinv * delyinv * delzinv;
        computeGreens(xprd, yprd, zprd);
        fft = new Fft3d(nxp, nyp, nzp, pool);
        setupBox = box;
        setupN = s.n;
    }

    /**
     * The parameter part of {@link #setup}, shared with the OpenCL PPPM ({@code md.opencl.ClPppm}): refuses triclinic
     * boxes, sums the charges, chooses g and the mesh when the atom count changed (unless fixed by
     * {@link #withParameters}) and computes the assignment and influence-function denominator coefficients. Does not
     * compute the influence function itself.
     */
    public void chooseParameters(MdState s) {
        Box box = s.box;
        if (box.isTriclinic()) {
            throw new UnsupportedOperationException("PPPM for triclinic boxes is not implemented yet; use Ewald");
        }
        qsum = 0; qsqsum = 0;
        for (double q : s.charge) { qsum += q; qsqsum += q * q; }
        if (qsqsum == 0) throw new IllegalArgumentException("PPPM needs charges, but every charge is zero");
        q2 = qsqsum * Units.QQR2E;
        double xprd = box.lx(), yprd = box.ly(), zprd = box.lz();
        int natoms = s.n;
        if (!fixed && setupN != s.n) {
            double acc = EwaldParameters.absoluteAccuracy(accuracyRelative);
            g = EwaldParameters.initialG(acc, natoms, cutoff, xprd, yprd, zprd, q2);
            double hx = 1.0 / g, hy = hx, hz = hx;
            nxp = (int) (xprd / hx) + 1;
            nyp = (int) (yprd / hy) + 1;
            nzp = (int) (zprd / hz) + 1;
            // LAMMPS evaluates the error at the previous spacing before each increment; kept so meshes agree
            double err = ikError(hx, xprd, natoms);
            while (err > acc) { err = ikError(hx, xprd, natoms); nxp++; hx = xprd / nxp; }
            err = ikError(hy, yprd, natoms);
            while (err > acc) { err = ikError(hy, yprd, natoms); nyp++; hy = yprd / nyp; }
            err = ikError(hz, zprd, natoms);
            while (err > acc) { err = ikError(hz, zprd, natoms); nzp++; hz = zprd / nzp; }
            while (!factorable(nxp)) nxp++;
            while (!factorable(nyp)) nyp++;
            while (!factorable(nzp)) nzp++;
            adjustG(box, natoms);
        }
        computeGfDenom();
        computeRhoCoeff();
        setupN = s.n;
    }

    /**
     * Coefficients of the order-p charge assignment function: {@code [l][k]} is the coefficient of d^l of the weight of
     * stencil point k (k = 0..order-1 from the lowest mesh point), d = mesh point + shift - position in mesh units.
     */
    public double[][] assignmentCoefficients() {
        double[][] c = new double[order][];
        for (int l = 0; l < order; l++) c[l] = rhoCoeff[l].clone();
        return c;
    }

    /** Coefficients b_l of the influence-function denominator (sum_l b_l sin^2l per axis, squared product). */
    public double[] denominatorCoefficients() { return gfB.clone(); }

    /** Number of aliasing images per axis (sums over -n..n) of the optimal influence function for this box. */
    public int[] aliasingImages(Box box) {
        double hoc = Math.pow(-Math.log(EPS_HOC), 0.25);
        return new int[] {(int) ((g * box.lx() / (Math.PI * nxp)) * hoc), (int) ((g * box.ly() / (Math.PI * nyp)) * hoc),
            (int) ((g * box.lz() / (Math.PI * nzp)) * hoc)};
    }

    private static boolean factorable(int n) {
        while (n > 1) {
            if (n % 2 == 0) n /= 2;
            else if (n % 3 == 0) n /= 3;
            else if (n % 5 == 0) n /= 5;
            else return false;
        }
        return true;
    }

    private double ikError(double h, double prd, int natoms) {
        double sum = 0;
        for (int m = 0; m < order; m++) sum += acons[order][m] * Math.pow(h * g, 2.0 * m);
        return q2 * Math.pow(h * g, order) * Math.sqrt(g * prd * Math.sqrt(2 * Math.PI) * sum / natoms) / (prd * prd);
    }

    private double dfKspace(Box box, int natoms) {
        double lx = ikError(box.lx() / nxp, box.lx(), natoms);
        double ly = ikError(box.ly() / nyp, box.ly(), natoms);
        double lz = ikError(box.lz() / nzp, box.lz(), natoms);
        return Math.sqrt(lx * lx + ly * ly + lz * lz) / Math.sqrt(3.0);
    }

    private double newtonF(Box box, int natoms) {
        double dfR = 2.0 * q2 * Math.exp(-g * g * cutoff * cutoff) / Math.sqrt(natoms * cutoff * box.volume());
        return dfR - dfKspace(box, natoms);
    }

    private void adjustG(Box box, int natoms) {
        for (int it = 0; it < 10000; it++) {
            double f1 = newtonF(box, natoms);
            double g0 = g;
            g += 1e-6;
            double f2 = newtonF(box, natoms);
            g = g0;
            double df = (f2 - f1) / 1e-6;
            if (df == 0 || Double.isNaN(df)) break;
            double dx = f1 / df;
            while (g - dx <= 0) dx *= 0.5;
            g -= dx;
            if (Math.abs(newtonF(box, natoms)) < SMALL) return;
        }
        throw new IllegalStateException("could not choose the PPPM splitting parameter for accuracy " + accuracyRelative);
    }

    /** Coefficients of the denominator sum_m W^2(k + 2 pi m / h) as a polynomial in sin^2 (Hockney-Eastwood). */
    private void computeGfDenom() {
        gfB = new double[order];
        gfB[0] = 1.0;
        for (int m = 1; m < order; m++) {
            int l;
            for (l = m; l > 0; l--) {
                gfB[l] = 4.0 * (gfB[l] * (l - m) * (l - m - 0.5) - gfB[l - 1] * (l - m - 1) * (l - m - 1));
            }
            gfB[0] = 4.0 * (gfB[0] * (l - m) * (l - m - 0.5));
        }
        long ifact = 1;
        for (int k = 1; k < 2 * order; k++) ifact *= k;
        double gaminv = 1.0 / ifact;
        for (int l = 0; l < order; l++) gfB[l] *= gaminv;
    }

    private double gfDenom(double x, double y, double z) {
        double sx = 0, sy = 0, sz = 0;
        for (int l = order - 1; l >= 0; l--) {
            sx = gfB[l] + sx * x;
            sy = gfB[l] + sy * y;
            sz = gfB[l] + sz * z;
        }
        double s = sx * sy * sz;
        return s * s;
    }

    /** Piecewise-polynomial coefficients of the order-p charge assignment function (cardinal B-spline). */
    private void computeRhoCoeff() {
        double[][] a = new double[order][2 * order + 1]; // a[l][k + order]
        a[0][order] = 1.0;
        for (int j = 1; j < order; j++) {
            for (int k = -j; k <= j; k += 2) {
                double s = 0.0;
                for (int l = 0; l < j; l++) {
                    a[l + 1][k + order] = (a[l][k + 1 + order] - a[l][k - 1 + order]) / (l + 1);
                    s += Math.pow(0.5, l + 1) * (a[l][k - 1 + order] + Math.pow(-1.0, l) * a[l][k + 1 + order]) / (l + 1);
                }
                a[0][k + order] = s;
            }
        }
        rhoCoeff = new double[order][order];
        int m = 0;
        for (int k = -(order - 1); k < order; k += 2) {
            for (int l = 0; l < order; l++) rhoCoeff[l][m] = a[l][k + order];
            m++;
        }
    }

    private static double powsinxx(double x, int n) {
        if (x == 0) return 1;
        double y = Math.sin(x) / x;
        double r = 1;
        for (int i = 0; i < n; i++) r *= y;
        return r;
    }

    private static int per(int i, int n) { return i - n * (2 * i / n); }

    private void computeGreens(double xprd, double yprd, double zprd) {
        double ukx = 2 * Math.PI / xprd, uky = 2 * Math.PI / yprd, ukz = 2 * Math.PI / zprd;
        int[] nb = aliasingImages(Box.orthogonal(0, xprd, 0, yprd, 0, zprd));
        int nbx = nb[0], nby = nb[1], nbz = nb[2];
        int two = 2 * order;
        int ntot = nxp * nyp * nzp;
        greensfn = new double[ntot];
        vg = new double[6 * ntot];
        fkx = new double[nxp]; fky = new double[nyp]; fkz = new double[nzp];
        for (int i = 0; i < nxp; i++) fkx[i] = ukx * per(i, nxp);
        for (int i = 0; i < nyp; i++) fky[i] = uky * per(i, nyp);
        for (int i = 0; i < nzp; i++) fkz[i] = ukz * per(i, nzp);
        double g2inv = 1 / (g * g);
        int n = 0;
        for (int m = 0; m < nzp; m++) {
            int mper = per(m, nzp);
            double snz = Math.pow(Math.sin(0.5 * ukz * mper * zprd / nzp), 2);
            for (int l = 0; l < nyp; l++) {
                int lper = per(l, nyp);
                double sny = Math.pow(Math.sin(0.5 * uky * lper * yprd / nyp), 2);
                for (int k = 0; k < nxp; k++, n++) {
                    int kper = per(k, nxp);
                    double snx = Math.pow(Math.sin(0.5 * ukx * kper * xprd / nxp), 2);
                    double sqk = Math.pow(ukx * kper, 2) + Math.pow(uky * lper, 2) + Math.pow(ukz * mper, 2);
                    if (sqk == 0) continue;
                    double vterm = -2.0 * (1.0 / sqk + 0.25 * g2inv);
                    vg[6 * n + 0] = 1.0 + vterm * fkx[k] * fkx[k];
                    vg[6 * n + 1] = 1.0 + vterm * fky[l] * fky[l];
                    vg[6 * n + 2] = 1.0 + vterm * fkz[m] * fkz[m];
                    vg[6 * n + 3] = vterm * fkx[k] * fky[l];
                    vg[6 * n + 4] = vterm * fkx[k] * fkz[m];
                    vg[6 * n + 5] = vterm * fky[l] * fkz[m];
                    // LAMMPS writes 4 pi as 12.5663706 here; the exact value makes E_long differ by ~1e-9 relative
                    double numerator = 4 * Math.PI / sqk;
                    double denominator = gfDenom(snx, sny, snz);
                    double sum1 = 0;
                    for (int ix = -nbx; ix <= nbx; ix++) {
                        double qx = ukx * (kper + nxp * ix);
                        double sx = Math.exp(-0.25 * (qx / g) * (qx / g));
                        double wx = powsinxx(0.5 * qx * xprd / nxp, two);
                        for (int iy = -nby; iy <= nby; iy++) {
                            double qy = uky * (lper + nyp * iy);
                            double sy = Math.exp(-0.25 * (qy / g) * (qy / g));
                            double wy = powsinxx(0.5 * qy * yprd / nyp, two);
                            for (int iz = -nbz; iz <= nbz; iz++) {
                                double qz = ukz * (mper + nzp * iz);
                                double sz = Math.exp(-0.25 * (qz / g) * (qz / g));
                                double wz = powsinxx(0.5 * qz * zprd / nzp, two);
                                double dot1 = ukx * kper * qx + uky * lper * qy + ukz * mper * qz;
                                double dot2 = qx * qx + qy * qy + qz * qz;
                                sum1 += (dot1 / dot2) * sx * sy * sz * wx * wy * wz;
                            }
                        }
                    }
                    greensfn[n] = numerator * sum1 / denominator;
                }
            }
        }
    }

    private void rho1d(double d, double[] out) {
        int half = (1 - order) / 2;
        for (int k = half; k <= order / 2; k++) {
            double r = 0;
            for (int l = order - 1; l >= 0; l--) r = rhoCoeff[l][k - half] + r * d;
            out[k - half] = r;
        }
    }

    @Override
    public double compute(MdState s, double[] virial) {
        if (!s.box.equals(setupBox) || s.n != setupN) setup(s);
        int n = s.n;
        double[] q = s.charge;
        int ntot = nxp * nyp * nzp;
        if (meshRe.length != ntot) {
            meshRe = new double[ntot]; meshIm = new double[ntot];
            fieldXY = new double[ntot]; fieldXYi = new double[ntot]; fieldZ = new double[ntot]; fieldZi = new double[ntot];
        }
        if (meshIndex.length != 3 * order * n) {
            meshIndex = new int[3 * order * n];
            weights = new double[3 * order * n];
        }
        double[] re = meshRe, im = meshIm;
        java.util.Arrays.fill(re, 0.0);
        java.util.Arrays.fill(im, 0.0);
        // mesh indices and weights of every atom (independent per atom: threaded), then the charge assignment in atom
        // order (one writer: the mesh sums do not depend on the thread count)
        parallel(n, (from, to) -> stencils(s, from, to));
        int[] mi = meshIndex;
        double[] w = weights;
        int o = order;
        for (int i = 0; i < n; i++) {
            int base = 3 * o * i;
            double z0 = delvolinv * q[i];
            for (int a = 0; a < o; a++) {
                double y0 = z0 * w[base + 2 * o + a];
                int mz = mi[base + 2 * o + a] * nyp;
                for (int b = 0; b < o; b++) {
                    double x0 = y0 * w[base + o + b];
                    int row = (mz + mi[base + o + b]) * nxp;
                    for (int c = 0; c < o; c++) {
                        re[row + mi[base + c]] += x0 * w[base + c];
                    }
                }
            }
        }
        fft.forward(re, im);
        double scaleinv = 1.0 / ntot;
        double s2 = scaleinv * scaleinv;
        double energy = 0;
        double[] vir = new double[6];
        for (int k = 0; k < ntot; k++) {
            double eng = s2 * greensfn[k] * (re[k] * re[k] + im[k] * im[k]);
            for (int j = 0; j < 6; j++) vir[j] += eng * vg[6 * k + j];
            energy += eng;
        }
        for (int k = 0; k < ntot; k++) {
            re[k] *= scaleinv * greensfn[k];
            im[k] *= scaleinv * greensfn[k];
        }
        // ik differentiation: A_d(k) = i k_d phi(k) (the field is -A_d, applied in interpolate). A_x and A_y are real in
        // space, so one complex backward FFT of A_x(k) + i A_y(k) gives A_x in its real and A_y in its imaginary part
        // (3 backward FFTs become 2). Only the Nyquist planes of an even mesh are not Hermitian and leak between the
        // two; their Green's function is ~exp(-(pi/h)^2/(4 g^2)) ~ 1e-13 for any mesh chosen for accuracy <= 1e-3.
        double[] xyR = fieldXY, xyI = fieldXYi, zR = fieldZ, zI = fieldZi;
        int k = 0;
        for (int m = 0; m < nzp; m++) {
            double fz = fkz[m];
            for (int l = 0; l < nyp; l++) {
                double fy = fky[l];
                for (int c = 0; c < nxp; c++, k++) {
                    double fx = fkx[c];
                    // A_x = i fx phi = (-fx im, fx re); i A_y = i (-fy im, fy re) = (-fy re, -fy im)
                    xyR[k] = -fx * im[k] - fy * re[k];
                    xyI[k] = fx * re[k] - fy * im[k];
                    zR[k] = -fz * im[k];
                    zI[k] = fz * re[k];
                }
            }
        }
        fft.backward(xyR, xyI);
        fft.backward(zR, zI);
        parallel(n, (from, to) -> interpolate(s, xyR, xyI, zR, from, to));
        energy *= 0.5 * volume;
        energy -= g * qsqsum / Math.sqrt(Math.PI) + 0.5 * Math.PI * qsum * qsum / (g * g * volume);
        energy *= Units.QQR2E;
        for (int j = 0; j < 6; j++) virial[j] += 0.5 * Units.QQR2E * volume * vir[j];
        return energy;
    }

    private interface Range { void run(int from, int to); }

    /** Runs body over fixed chunks of atoms (each atom independent), in the pool when there is one. */
    private void parallel(int n, Range body) {
        int chunks = pool == null ? 1 : 16;
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int ch = 0; ch < chunks; ch++) {
            int from = (int) ((long) n * ch / chunks), to = (int) ((long) n * (ch + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        try {
            for (java.util.concurrent.Future<?> fu : futures) fu.get();
        } catch (Exception e) {
            throw new IllegalStateException("PPPM failed", e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Periodic mesh indices and order-p weights of atoms from..to-1 along x, y, z. */
    private void stencils(MdState s, int from, int to) {
        double[] x = s.x;
        double shift = order % 2 == 1 ? OFFSET + 0.5 : OFFSET;
        double shiftone = order % 2 == 1 ? 0.0 : 0.5;
        int nlower = -(order - 1) / 2;
        int o = order;
        double[] wx = new double[o], wy = new double[o], wz = new double[o];
        double xlo = s.box.xlo(), ylo = s.box.ylo(), zlo = s.box.zlo();
        for (int i = from; i < to; i++) {
            double gx = (x[3 * i] - xlo) * delxinv, gy = (x[3 * i + 1] - ylo) * delyinv, gz = (x[3 * i + 2] - zlo) * delzinv;
            int cx = (int) (gx + shift) - OFFSET, cy = (int) (gy + shift) - OFFSET, cz = (int) (gz + shift) - OFFSET;
            rho1d(cx + shiftone - gx, wx);
            rho1d(cy + shiftone - gy, wy);
            rho1d(cz + shiftone - gz, wz);
            int base = 3 * o * i;
            for (int a = 0; a < o; a++) {
                meshIndex[base + a] = Math.floorMod(cx + nlower + a, nxp);
                meshIndex[base + o + a] = Math.floorMod(cy + nlower + a, nyp);
                meshIndex[base + 2 * o + a] = Math.floorMod(cz + nlower + a, nzp);
                weights[base + a] = wx[a];
                weights[base + o + a] = wy[a];
                weights[base + 2 * o + a] = wz[a];
            }
        }
    }

    /** E-field at atoms from..to-1 by the same order-p weights, converted to forces (each atom independent). */
    private void interpolate(MdState s, double[] vdx, double[] vdy, double[] vdz, int from, int to) {
        double[] q = s.charge, f = s.f;
        int[] mi = meshIndex;
        double[] w = weights;
        int o = order;
        for (int i = from; i < to; i++) {
            int base = 3 * o * i;
            double ekx = 0, eky = 0, ekz = 0;
            for (int a = 0; a < o; a++) {
                double z0 = w[base + 2 * o + a];
                int mz = mi[base + 2 * o + a] * nyp;
                for (int b = 0; b < o; b++) {
                    double y0 = z0 * w[base + o + b];
                    int row = (mz + mi[base + o + b]) * nxp;
                    for (int c = 0; c < o; c++) {
                        int idx = row + mi[base + c];
                        double x0 = y0 * w[base + c];
                        ekx -= x0 * vdx[idx];
                        eky -= x0 * vdy[idx];
                        ekz -= x0 * vdz[idx];
                    }
                }
            }
            double qf = Units.QQR2E * q[i];
            f[3 * i] += qf * ekx;
            f[3 * i + 1] += qf * eky;
            f[3 * i + 2] += qf * ekz;
        }
    }
}
