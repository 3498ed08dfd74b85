package org.glasssoftness.core.md.kspace;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.model.Box;

/**
 * Standard Ewald summation, the reference long-range solver. E_k = (2 pi / V) sum_{k != 0} exp(-k^2/4g^2)/k^2 |S(k)|^2
 * with S(k) = sum_j q_j exp(i k.r_j), minus the self energy g/sqrt(pi) sum q^2 and the neutralising background
 * pi Q^2 / (2 g^2 V). The k-vectors are k = 2 pi (h a* + k b* + l c*) over a half space with |h| &lt;= kxmax,
 * |k| &lt;= kymax, |l| &lt;= kzmax and |k|^2 &lt;= gsqmx, where g and kmax are chosen from the accuracy the way LAMMPS'
 * ewald does (kmax per axis: smallest km with RMS error 2 q2 g / L sqrt(1/(pi km N)) exp(-(pi km / g L)^2) below the
 * accuracy). Phases are built with fractional coordinates, so triclinic boxes work the same way. Cost O(N k^3).
 */
public final class Ewald implements KSpace {
    private final double accuracyRelative;
    private final double cutoff;
    private double g = Double.NaN;
    private int kxmax, kymax, kzmax;
    private Box setupBox;
    private int setupN = -1;
    /** k-vectors (Cartesian), integer triples, and per-k coefficients. */
    private double[] kvec;
    private int[] hkl;
    private double[] ug;
    private int kcount;

    /**
     * @param accuracyRelative requested relative RMS force accuracy (LAMMPS kspace_style ewald argument)
     * @param cutoff           real-space Coulomb cutoff (Å)
     */
    public Ewald(double accuracyRelative, double cutoff) {
        this.accuracyRelative = accuracyRelative;
        this.cutoff = cutoff;
    }

    /** Fixes g and kmax instead of choosing them (LAMMPS kspace_modify gewald / kmax/ewald). */
    public Ewald withParameters(double gEwald, int kx, int ky, int kz) {
        this.g = gEwald;
        this.kxmax = kx; this.kymax = ky; this.kzmax = kz;
        this.fixed = true;
        return this;
    }

    private boolean fixed;

    @Override
    public double gEwald() { return g; }

    public int[] kmax() { return new int[] {kxmax, kymax, kzmax}; }

    public int kcount() { return kcount; }

    @Override
    public String describe() {
        return String.format("ewald g=%.8g kmax=%d,%d,%d kvectors=%d", g, kxmax, kymax, kzmax, kcount);
    }

    /** Chooses g and kmax for this box and charges (called automatically when the box or atom count changes). */
    public void setup(MdState s) {
        Box box = s.box;
        double xprd = box.lx(), yprd = box.ly(), zprd = box.lz();
        double q2 = 0;
        for (double q : s.charge) q2 += q * q;
        q2 *= Units.QQR2E;
        if (q2 == 0) throw new IllegalArgumentException("Ewald needs charges, but every charge is zero");
        double acc = EwaldParameters.absoluteAccuracy(accuracyRelative);
        int natoms = s.n;
        if (!fixed) {
            if (Double.isNaN(g) || setupN != s.n) g = EwaldParameters.initialG(acc, natoms, cutoff, xprd, yprd, zprd, q2);
            kxmax = kmaxFor(xprd, natoms, q2, acc);
            kymax = kmaxFor(yprd, natoms, q2, acc);
            kzmax = kmaxFor(zprd, natoms, q2, acc);
        }
        double[] ux = {2 * Math.PI / xprd, 2 * Math.PI / yprd, 2 * Math.PI / zprd};
        double gsqmx = Math.max(ux[0] * ux[0] * kxmax * kxmax, Math.max(ux[1] * ux[1] * kymax * kymax, ux[2] * ux[2] * kzmax * kzmax));
        gsqmx *= 1.00001;
        if (box.isTriclinic() && !fixed) {
            // scale the integer ranges so the sphere |k|^2 <= gsqmx is still covered in the skewed lattice
            double[][] rec = reciprocal(box);
            kxmax = Math.max(1, (int) Math.ceil(Math.sqrt(gsqmx) / norm(rec[0]) * 1.0) + 1);
            kymax = Math.max(1, (int) Math.ceil(Math.sqrt(gsqmx) / norm(rec[1])) + 1);
            kzmax = Math.max(1, (int) Math.ceil(Math.sqrt(gsqmx) / norm(rec[2])) + 1);
        }
        double[][] rec = reciprocal(box);
        double volume = box.volume();
        int cap = (2 * kxmax + 1) * (2 * kymax + 1) * (2 * kzmax + 1);
        kvec = new double[3 * cap];
        hkl = new int[3 * cap];
        ug = new double[cap];
        kcount = 0;
        double preu = 4 * Math.PI / volume;
        for (int h = 0; h <= kxmax; h++) {
            for (int k = -kymax; k <= kymax; k++) {
                for (int l = -kzmax; l <= kzmax; l++) {
                    if (h == 0 && (k < 0 || (k == 0 && l <= 0))) continue; // half space, k != 0
                    double kx = h * rec[0][0] + k * rec[1][0] + l * rec[2][0];
                    double ky = h * rec[0][1] + k * rec[1][1] + l * rec[2][1];
                    double kz = h * rec[0][2] + k * rec[1][2] + l * rec[2][2];
                    double sqk = kx * kx + ky * ky + kz * kz;
                    if (sqk > gsqmx) continue;
                    kvec[3 * kcount] = kx; kvec[3 * kcount + 1] = ky; kvec[3 * kcount + 2] = kz;
                    hkl[3 * kcount] = h; hkl[3 * kcount + 1] = k; hkl[3 * kcount + 2] = l;
                    ug[kcount] = preu * Math.exp(-0.25 * sqk / (g * g)) / sqk;
                    kcount++;
                }
            }
        }
        setupBox = box;
        setupN = s.n;
    }

    private int kmaxFor(double prd, int natoms, double q2, double acc) {
        int km = 1;
        while (rms(km, prd, natoms, q2) > acc) km++;
        return km;
    }

    private double rms(int km, double prd, int natoms, double q2) {
        return 2.0 * q2 * g / prd * Math.sqrt(1.0 / (Math.PI * km * natoms))
                * Math.exp(-Math.PI * Math.PI * km * km / (g * g * prd * prd));
    }

    /** Reciprocal vectors a*, b*, c* times 2 pi (rows), so that k = h a* + k b* + l c*. */
    static double[][] reciprocal(Box box) {
        double[] a = box.edge(0), b = box.edge(1), c = box.edge(2);
        double v = box.volume();
        double[] as = cross(b, c), bs = cross(c, a), cs = cross(a, b);
        double f = 2 * Math.PI / v;
        for (int k = 0; k < 3; k++) { as[k] *= f; bs[k] *= f; cs[k] *= f; }
        return new double[][] {as, bs, cs};
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double norm(double[] u) { return Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]); }

    @Override
    public double compute(MdState s, double[] virial) {
        if (!s.box.equals(setupBox) || s.n != setupN) setup(s);
        int n = s.n;
        double[] q = s.charge;
        // per-atom phase tables e^{i 2 pi m s_d} for m = -kmax..kmax along each fractional axis d
        int[] km = {kxmax, kymax, kzmax};
        double[][] cs = new double[3][], sn = new double[3][];
        double[] frac = new double[3 * n];
        for (int i = 0; i < n; i++) s.box.toFractional(s.x, 3 * i, frac, 3 * i);
        for (int d = 0; d < 3; d++) {
            int w = 2 * km[d] + 1;
            cs[d] = new double[w * n];
            sn[d] = new double[w * n];
            for (int i = 0; i < n; i++) {
                double ang = 2 * Math.PI * frac[3 * i + d];
                double c1 = Math.cos(ang), s1 = Math.sin(ang);
                int base = i * w + km[d];
                cs[d][base] = 1; sn[d][base] = 0;
                for (int m = 1; m <= km[d]; m++) {
                    double cPrev = cs[d][base + m - 1], sPrev = sn[d][base + m - 1];
                    cs[d][base + m] = cPrev * c1 - sPrev * s1;
                    sn[d][base + m] = sPrev * c1 + cPrev * s1;
                    cs[d][base - m] = cs[d][base + m];
                    sn[d][base - m] = -sn[d][base + m];
                }
            }
        }
        int wx = 2 * kxmax + 1, wy = 2 * kymax + 1, wz = 2 * kzmax + 1;
        double energy = 0;
        double[] ek = new double[3 * n];
        double[] er = new double[n], ei = new double[n];
        double g2inv = 1 / (g * g);
        for (int kk = 0; kk < kcount; kk++) {
            int h = hkl[3 * kk], k = hkl[3 * kk + 1], l = hkl[3 * kk + 2];
            double sr = 0, si = 0;
            for (int i = 0; i < n; i++) {
                int ix = i * wx + kxmax + h, iy = i * wy + kymax + k, iz = i * wz + kzmax + l;
                double cyz = cs[1][iy] * cs[2][iz] - sn[1][iy] * sn[2][iz];
                double syz = sn[1][iy] * cs[2][iz] + cs[1][iy] * sn[2][iz];
                double c = cs[0][ix] * cyz - sn[0][ix] * syz;
                double sv = sn[0][ix] * cyz + cs[0][ix] * syz;
                er[i] = c; ei[i] = sv;
                sr += q[i] * c; si += q[i] * sv;
            }
            double kx = kvec[3 * kk], ky = kvec[3 * kk + 1], kz = kvec[3 * kk + 2];
            double u = ug[kk];
            double uk = u * (sr * sr + si * si);
            energy += uk;
            double sqk = kx * kx + ky * ky + kz * kz;
            double vterm = -2 * (1 / sqk + 0.25 * g2inv);
            virial[0] += uk * (1 + vterm * kx * kx) * Units.QQR2E;
            virial[1] += uk * (1 + vterm * ky * ky) * Units.QQR2E;
            virial[2] += uk * (1 + vterm * kz * kz) * Units.QQR2E;
            virial[3] += uk * vterm * kx * ky * Units.QQR2E;
            virial[4] += uk * vterm * kx * kz * Units.QQR2E;
            virial[5] += uk * vterm * ky * kz * Units.QQR2E;
            double egx = 2 * u * kx, egy = 2 * u * ky, egz = 2 * u * kz;
            for (int i = 0; i < n; i++) {
                double partial = ei[i] * sr - er[i] * si;
                ek[3 * i] += partial * egx;
                ek[3 * i + 1] += partial * egy;
                ek[3 * i + 2] += partial * egz;
            }
        }
        double[] f = s.f;
        for (int i = 0; i < n; i++) {
            double qf = Units.QQR2E * q[i];
            f[3 * i] += qf * ek[3 * i];
            f[3 * i + 1] += qf * ek[3 * i + 1];
            f[3 * i + 2] += qf * ek[3 * i + 2];
        }
        double qsum = 0, qsqsum = 0;
        for (double qi : q) { qsum += qi; qsqsum += qi * qi; }
        energy -= g * qsqsum / Math.sqrt(Math.PI) + 0.5 * Math.PI * qsum * qsum / (g * g * s.box.volume());
        return energy * Units.QQR2E;
    }
}
