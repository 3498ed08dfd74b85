package org.glasssoftness.core.md.kspace;

import org.glasssoftness.core.md.Units;

/**
 * LAMMPS' choice of the Ewald splitting parameter from a relative force accuracy and the real-space cutoff
 * (kspace.cpp / ewald.cpp / pppm.cpp initial estimate): accuracy_abs = accuracy * qqr2e (the force between two unit
 * charges 1 Å apart), q2 = qqr2e * sum q_i^2, g = sqrt(-ln(acc sqrt(N rc V) / (2 q2))) / rc (or
 * (1.35 - 0.15 ln acc)/rc when the argument is >= 1).
 */
final class EwaldParameters {
    private EwaldParameters() { }

    static double absoluteAccuracy(double relative) {
        return relative * Units.QQR2E;
    }

    static double initialG(double accAbs, int natoms, double cutoff, double xprd, double yprd, double zprd, double q2) {
        double g = accAbs * Math.sqrt(natoms * cutoff * xprd * yprd * zprd) / (2.0 * q2);
        if (g >= 1.0) return (1.35 - 0.15 * Math.log(accAbs)) / cutoff;
        return Math.sqrt(-Math.log(g)) / cutoff;
    }
}
