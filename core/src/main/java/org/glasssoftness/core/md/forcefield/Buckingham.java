package org.glasssoftness.core.md.forcefield;

/** The Buckingham pair energy A exp(-r/rho) - C/r^6 (eV, Å) and its derivatives. */
public final class Buckingham {
    private Buckingham() { }

    public static double energy(double a, double rho, double c, double r) {
        return a * Math.exp(-r / rho) - c / Math.pow(r, 6);
    }

    /** k-th derivative (k = 1..3) with respect to r. */
    public static double derivative(double a, double rho, double c, double r, int k) {
        double e = a * Math.exp(-r / rho);
        switch (k) {
            case 1: return -e / rho + 6 * c / Math.pow(r, 7);
            case 2: return e / (rho * rho) - 42 * c / Math.pow(r, 8);
            case 3: return -e / (rho * rho * rho) + 336 * c / Math.pow(r, 9);
            default: throw new IllegalArgumentException("derivative order " + k);
        }
    }
}
