package org.glasssoftness.core.md.integrate;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;

/** Instantaneous kinetic quantities in LAMMPS metal units (degrees of freedom 3N - 3, as LAMMPS' default). */
public final class Thermo {
    private Thermo() { }

    public static int dof(MdState s) {
        return 3 * s.n - 3;
    }

    /** Kinetic energy in eV. */
    public static double kinetic(MdState s) {
        double k = 0;
        for (int i = 0; i < s.n; i++) {
            double vx = s.v[3 * i], vy = s.v[3 * i + 1], vz = s.v[3 * i + 2];
            k += s.mass[i] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * k * Units.MVV2E;
    }

    /** Temperature in K. */
    public static double temperature(MdState s) {
        return 2 * kinetic(s) / (dof(s) * Units.BOLTZ);
    }

    /** Kinetic tensor sum m v_a v_b (eV), order xx yy zz xy xz yz. */
    public static double[] kineticTensor(MdState s) {
        double[] t = new double[6];
        for (int i = 0; i < s.n; i++) {
            double m = s.mass[i] * Units.MVV2E;
            double vx = s.v[3 * i], vy = s.v[3 * i + 1], vz = s.v[3 * i + 2];
            t[0] += m * vx * vx; t[1] += m * vy * vy; t[2] += m * vz * vz;
            t[3] += m * vx * vy; t[4] += m * vx * vz; t[5] += m * vy * vz;
        }
        return t;
    }

    /** Pressure tensor (bar): (kinetic tensor + virial) / V, order xx yy zz xy xz yz. */
    public static double[] pressureTensor(MdState s, double[] virial) {
        double[] k = kineticTensor(s);
        double v = s.box.volume();
        double[] p = new double[6];
        for (int c = 0; c < 6; c++) p[c] = (k[c] + virial[c]) / v * Units.NKTV2P;
        return p;
    }
}
