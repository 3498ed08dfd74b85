package org.glasssoftness.core.md.pair;

/**
 * The screened Coulomb functions of {@link BuckCoulLong} tabulated in s = r^2, like LAMMPS' default
 * {@code pair_modify table 12} for coul/long but with cubic Hermite interpolation (values and s-derivatives at the
 * knots): E(s) = erfc(g r)/r and G(s) = (erfc(g r) + 2 g r exp(-g^2 r^2)/sqrt(pi))/r^3, so the pair energy is
 * q_i q_j E and the force on i is q_i q_j G d. erfc is the same Abramowitz-Stegun 7.1.26 form as the exact kernel (and
 * LAMMPS' tables). 8192 intervals from r = 1 Å to the cutoff (checked against the exact kernel in
 * TabulatedCoulombTest: forces ~2e-9, energies ~3e-9 relative); pairs closer than 1 Å use the exact formula.
 * {@link #buckingham} tabulates a species pair's A exp(-r/rho) - C/r^6 on the same grid (the core region r &lt;= r0
 * stays exact). Together they save per pair the sqrt, the divisions and both exps.
 */
public final class CoulombTable {
    /** Intervals of every table (the OpenCL kernel is built with the same count). */
    public static final int INTERVALS = 8192;
    static final double S_MIN = 1.0;
    private static final double EWALD_P = 0.3275911;
    private static final double A1 = 0.254829592, A2 = -0.284496736, A3 = 1.421413741, A4 = -1.453152027,
            A5 = 1.061405429;
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** g (1/Å), first and last knot s = r^2 (Å^2), 1/knot spacing. */
    public final double g, sMin, sMax, hInv;
    /** Per interval: 4 polynomial coefficients of E in t in [0, 1], then 4 of G (8 doubles: one cache line). */
    public final double[] coef;

    /** The screened Coulomb table for Ewald parameter g (1/Å) up to the cutoff (Å). */
    public CoulombTable(double g, double cutoff) {
        this(g, cutoff, null);
    }

    /**
     * The Buckingham part A exp(-r/rho) - C/r^6 of one species pair on the same grid (E and G as above, per pair, no
     * charges), so a pair's Coulomb and Buckingham values share the interval and t.
     */
    public static CoulombTable buckingham(double a, double rho, double c, double cutoff) {
        return new CoulombTable(0, cutoff, s -> {
            double r = Math.sqrt(s);
            double ex = a * Math.exp(-r / rho);
            double r6inv = 1 / (s * s * s);
            double e = ex - c * r6inv;
            double gg = ex / rho / r - 6 * c * r6inv / s;
            double dgdr = ex / rho * (-1 / (rho * r) - 1 / s) + 48 * c * r6inv / (s * r);
            return new double[] {e, -0.5 * gg, gg, dgdr / (2 * r)};
        });
    }

    private CoulombTable(double g, double cutoff, java.util.function.DoubleFunction<double[]> f) {
        this.g = g;
        this.sMin = S_MIN;
        this.sMax = cutoff * cutoff;
        double h = (sMax - sMin) / INTERVALS;
        this.hInv = 1 / h;
        coef = new double[8 * INTERVALS];
        java.util.function.DoubleFunction<double[]> fn = f != null ? f : this::values;
        double[] lo = fn.apply(sMin), hi;
        for (int k = 0; k < INTERVALS; k++, lo = hi) {
            hi = fn.apply(sMin + (k + 1) * h);
            hermite(lo[0], lo[1] * h, hi[0], hi[1] * h, coef, 8 * k);
            hermite(lo[2], lo[3] * h, hi[2], hi[3] * h, coef, 8 * k + 4);
        }
    }

    /** Coefficients of the cubic p(t) with p(0) = y0, p'(0) = d0, p(1) = y1, p'(1) = d1. */
    private static void hermite(double y0, double d0, double y1, double d1, double[] out, int at) {
        out[at] = y0;
        out[at + 1] = d0;
        out[at + 2] = 3 * (y1 - y0) - 2 * d0 - d1;
        out[at + 3] = 2 * (y0 - y1) + d0 + d1;
    }

    /** E, dE/ds, G, dG/ds at s. */
    private double[] values(double s) {
        double r = Math.sqrt(s);
        double gr = g * r;
        double expm2 = Math.exp(-gr * gr);
        double t = 1 / (1 + EWALD_P * gr);
        double erfc = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * expm2;
        double p = erfc + TWO_OVER_SQRT_PI * gr * expm2;
        double e = erfc / r;
        double gg = p / (r * s);
        double dpdr = -2 * TWO_OVER_SQRT_PI * g * g * g * s * expm2;
        double dgdr = dpdr / (r * s) - 3 * p / (s * s);
        return new double[] {e, -0.5 * gg, gg, dgdr / (2 * r)};
    }
}
