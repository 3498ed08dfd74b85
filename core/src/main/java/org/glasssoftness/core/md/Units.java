package org.glasssoftness.core.md;

/** LAMMPS "metal" unit constants (the values of LAMMPS' force.cpp/update.cpp for units metal). */
public final class Units {
    private Units() { }

    /** Boltzmann constant, eV/K. */
    public static final double BOLTZ = 8.617343e-5;
    /** m v^2 in (g/mol)(Å/ps)^2 to eV. */
    public static final double MVV2E = 1.0364269e-4;
    /** force/mass (eV/Å)/(g/mol) to Å/ps^2. */
    public static final double FTM2V = 1.0 / 1.0364269e-4;
    /** Pressure eV/Å^3 to bar. */
    public static final double NKTV2P = 1.6021765e6;
    /** Coulomb constant e^2/(4 pi eps0) in eV·Å. */
    public static final double QQR2E = 14.399645;
}
