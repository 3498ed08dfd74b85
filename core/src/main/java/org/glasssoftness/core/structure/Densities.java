package org.glasssoftness.core.structure;

import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;

/**
 * Densities of one frame. Number density N/V (atoms/Å^3); mass density sum m / (N_A V) in g/cm^3 (masses from
 * {@link Elements}); molar volume per mole of atoms N_A V / N (cm^3/mol); molar volume per mole of formula units
 * M_unit / rho_mass (cm^3/mol) for a {@link Composition}.
 */
public final class Densities {
    /** Avogadro constant (1/mol), exact in SI 2019. */
    public static final double AVOGADRO = 6.02214076e23;
    /** cm^3 per Å^3. */
    public static final double CM3_PER_A3 = 1e-24;

    private Densities() { }

    public static double numberDensity(Frame f) { return f.atomCount() / f.box().volume(); }

    /** g/cm^3, or NaN when a species is no known element. */
    public static double massDensity(Frame f) {
        double m = 0;
        int[] counts = f.speciesCounts();
        for (int a = 0; a < counts.length; a++) {
            String s = f.speciesNames().get(a);
            if (!Elements.isKnown(s)) return Double.NaN;
            m += counts[a] * Elements.mass(s);
        }
        return m / AVOGADRO / (f.box().volume() * CM3_PER_A3);
    }

    /** cm^3 per mole of atoms. */
    public static double molarVolumePerAtom(Frame f) {
        return AVOGADRO * f.box().volume() * CM3_PER_A3 / f.atomCount();
    }

    /** cm^3 per mole of formula units of {@code c}, M_unit / rho_mass. */
    public static double molarVolume(Frame f, Composition c) {
        return c.molarMass() / massDensity(f);
    }
}
