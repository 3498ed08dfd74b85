package org.glasssoftness.core.md.forcefield;

/**
 * The repulsive core {@code B / r^n + D r^2} that replaces the Buckingham part {@code A exp(-r/rho) - C/r^6} of a
 * pair at r &lt;= r0, so the pair cannot collapse where -C/r^6 wins (see shared potentials notes, section 1).
 *
 * <p>Recipe (checked against the tabulated P-O and O-O cores of the Du group): r0 is the innermost zero of the third
 * derivative of the Buckingham part in [0.3, 3] Å, and B, n, D make U, U' and U'' continuous at r0. With
 * u0 = U(r0), u1 = r0 U'(r0), u2 = r0^2 U''(r0) the three conditions have the closed form
 * n = 1 - (u2 - 2 u0)/(u1 - 2 u0), x = B r0^-n = -(u1 - 2 u0)/(n + 2), D = (u0 - x)/r0^2.
 *
 * @param b  B in eV·Å^n
 * @param n  exponent
 * @param d  D in eV/Å^2
 * @param r0 switch distance in Å (the core applies for r &lt;= r0)
 */
public record ShortRangeCore(double b, double n, double d, double r0) {

    /** Core energy in eV at r (Å). */
    public double energy(double r) {
        return b * Math.pow(r, -n) + d * r * r;
    }

    /** -dU/dr / r (eV/Å^2): the LAMMPS "fpair" factor, force on i = fpair * (r_i - r_j). */
    public double forceOverR(double r) {
        // -dU/dr = n B r^-(n+1) - 2 D r
        return n * b * Math.pow(r, -n - 2) - 2 * d;
    }

    /**
     * Generates the core for Buckingham (A, rho, C); returns null when the Buckingham part has no inflection of
     * U'' in [0.3, 3] Å (C = 0: it is monotonic and needs no core, e.g. Li-O).
     */
    public static ShortRangeCore fit(double a, double rho, double c) {
        double r0 = innerThirdDerivativeRoot(a, rho, c);
        if (Double.isNaN(r0)) return null;
        double u0 = Buckingham.energy(a, rho, c, r0);
        double u1 = r0 * Buckingham.derivative(a, rho, c, r0, 1);
        double u2 = r0 * r0 * Buckingham.derivative(a, rho, c, r0, 2);
        double n = 1 - (u2 - 2 * u0) / (u1 - 2 * u0);
        double x = -(u1 - 2 * u0) / (n + 2);
        double d = (u0 - x) / (r0 * r0);
        double b = x * Math.pow(r0, n);
        return new ShortRangeCore(b, n, d, r0);
    }

    static double innerThirdDerivativeRoot(double a, double rho, double c) {
        if (c == 0) return Double.NaN;
        // scan up from 0.3 A (where the C/r^9 term makes the third derivative positive) for the first sign change:
        // the inner root, where the Buckingham wall turns over into the collapse; then bisect to full precision
        double lo = 0.3;
        double fLo = Buckingham.derivative(a, rho, c, lo, 3);
        for (double hi = lo + 1e-3; hi <= 3.0 + 1e-12; hi += 1e-3) {
            double fHi = Buckingham.derivative(a, rho, c, hi, 3);
            if (Math.signum(fLo) != Math.signum(fHi)) {
                double l = lo, h = hi, fl = fLo;
                for (int it = 0; it < 200 && h - l > 1e-15; it++) {
                    double m = 0.5 * (l + h);
                    double fm = Buckingham.derivative(a, rho, c, m, 3);
                    if (Math.signum(fm) == Math.signum(fl)) { l = m; fl = fm; } else { h = m; }
                }
                return 0.5 * (l + h);
            }
            lo = hi;
            fLo = fHi;
        }
        return Double.NaN;
    }
}
