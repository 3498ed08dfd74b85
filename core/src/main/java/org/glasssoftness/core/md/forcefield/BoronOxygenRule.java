package org.glasssoftness.core.md.forcefield;

/**
 * The Deng-Du composition rule for the B-O Buckingham prefactor A_BO(R, K) (J. Am. Ceram. Soc. 102 (2019) 2482 with
 * the erratum doi:10.1111/jace.16897, as restated in the shared potentials notes, section 4.2), with the Dell-Bray-Xiao
 * N4 model. R = [modifier oxides]/[B2O3], K = [SiO2-like formers]/[B2O3].
 *
 * @param a1 A1 (eV)
 * @param a2 A2 (eV)
 * @param t1 T1 (eV)
 * @param t2 T2 (eV)
 */
public record BoronOxygenRule(double a1, double a2, double t1, double t2) {

    /** How P2O5 enters K; the rule itself has no P2O5 term (notes section 4.3, open question). */
    public enum PhosphateOption {
        /** (a) P2O5 ignored: K = [SiO2]/[B2O3]. */
        IGNORE,
        /** (b) P2O5 counted like SiO2: K = ([SiO2] + [P2O5])/[B2O3]. The default. */
        COUNT_AS_SILICA
    }

    /** Fraction of four-coordinated boron from the Dell-Bray-Xiao model. */
    public static double n4(double r, double k) {
        if (r < 0 || k < 0) throw new IllegalArgumentException("R and K must be >= 0, got R=" + r + " K=" + k);
        double rMax = 0.5 + k / 16;
        double rd1 = 0.5 + k / 4;
        double rd3 = 2 + k;
        if (r <= rMax) return r;
        if (r < rd1) return rMax;
        if (r < rd3) {
            if (k == 0) return Math.min(1, Math.max(0, 1 - r));
            double f = (2 - k / 4) / (k + k / 4);
            double m1 = f / (1 + f) * (r - rd1);
            double m2 = r - rd1 - m1;
            return (0.5 - k / 16 - m1 / 3) + (k / 8 - 2 * m2 / 15);
        }
        if (k == 0) return 0;
        throw new IllegalArgumentException("R = " + r + " >= 2 + K = " + rd3
                + " is outside the range of the Dell-Bray-Xiao model for K > 0");
    }

    /** A_BO in eV for the given R and K. */
    public double a(double r, double k) {
        double rMax = 0.5 + k / 16;
        double n4 = n4(r, k);
        if (r <= rMax) {
            return a1 + t1 * (rMax - (rMax - n4) * (rMax - n4) / rMax) + t2 * k * k;
        }
        double t3 = (a1 + t2 * k * k - a2) / rMax + t1;
        return a2 + t3 * n4 * rMax / r;
    }
}
