package org.glasssoftness.core.md.forcefield;

/**
 * Short-range coefficients of one species pair after composition rules are applied: the Buckingham part
 * A exp(-r/rho) - C/r^6 (zero when {@code a == 0 && c == 0}, e.g. cation-cation pairs) and the optional core that
 * replaces it at r &lt;= core.r0().
 */
public record PairCoefficients(String speciesA, String speciesB, double a, double rho, double c, ShortRangeCore core) {

    /** True when the pair has a short-range term at all (cation-cation pairs are Coulomb only). */
    public boolean hasShortRange() {
        return a != 0 || c != 0;
    }

    /** Short-range energy in eV at r (Å): the core below r0, Buckingham above. */
    public double energy(double r) {
        if (!hasShortRange()) return 0;
        if (core != null && r <= core.r0()) return core.energy(r);
        return Buckingham.energy(a, rho, c, r);
    }

    /** -dU/dr / r in eV/Å^2. */
    public double forceOverR(double r) {
        if (!hasShortRange()) return 0;
        if (core != null && r <= core.r0()) return core.forceOverR(r);
        return -Buckingham.derivative(a, rho, c, r, 1) / r;
    }
}
