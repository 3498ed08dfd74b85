package org.glasssoftness.core.md.integrate;

import java.util.SplittableRandom;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;

/** Seeded Maxwell-Boltzmann velocities: Gaussian components with variance kT/m, zero total momentum, scaled to T. */
public final class VelocityInit {
    private VelocityInit() { }

    public static void create(MdState s, double temperature, long seed) {
        if (!(temperature >= 0)) throw new IllegalArgumentException("temperature must be >= 0 K, got " + temperature);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < s.n; i++) {
            double sd = Math.sqrt(Units.BOLTZ * Math.max(temperature, 1e-300) / (s.mass[i] * Units.MVV2E));
            for (int d = 0; d < 3; d++) s.v[3 * i + d] = sd * gaussian(rnd);
        }
        zeroMomentum(s);
        double t = Thermo.temperature(s);
        double scale = t > 0 ? Math.sqrt(temperature / t) : 0;
        for (int k = 0; k < 3 * s.n; k++) s.v[k] *= scale;
    }

    public static void zeroMomentum(MdState s) {
        double px = 0, py = 0, pz = 0, m = 0;
        for (int i = 0; i < s.n; i++) {
            px += s.mass[i] * s.v[3 * i]; py += s.mass[i] * s.v[3 * i + 1]; pz += s.mass[i] * s.v[3 * i + 2];
            m += s.mass[i];
        }
        for (int i = 0; i < s.n; i++) {
            s.v[3 * i] -= px / m; s.v[3 * i + 1] -= py / m; s.v[3 * i + 2] -= pz / m;
        }
    }

    /** Box-Muller on the seeded stream (java.util.Random#nextGaussian is not available on SplittableRandom). */
    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        if (u1 < 1e-300) u1 = 1e-300;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
