package org.glasssoftness.core.md.integrate;

import java.util.Arrays;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.Forces;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.progress.Progress;

/**
 * FIRE energy minimisation (Bitzek et al., PRL 97 (2006) 170201) with the usual parameters (N_min 5, f_inc 1.1,
 * f_dec 0.5, alpha 0.1, f_alpha 0.99, dt_max 10 dt_0) and a cap on the displacement per step. Used before MD on a
 * random packing, whose excess energy (about 10 eV per atom for the LiBP glass) would otherwise heat the first steps to
 * tens of thousands of kelvin. Velocities are zero afterwards.
 */
public final class FireMinimizer {
    private final Forces forces;
    private final double dt0, maxDisplacement;

    /**
     * @param dt0             initial time step, ps (e.g. 0.001)
     * @param maxDisplacement largest move of any atom in one step, Å (e.g. 0.1)
     */
    public FireMinimizer(Forces forces, double dt0, double maxDisplacement) {
        this.forces = forces;
        this.dt0 = dt0;
        this.maxDisplacement = maxDisplacement;
    }

    /** Result: steps done, final energy (eV) and largest force component norm (eV/Å). */
    public record Result(int steps, double energy, double maxForce) { }

    /** Minimises until the largest atomic force is below {@code fTol} (eV/Å) or {@code maxSteps} are done. */
    public Result minimize(MdState s, int maxSteps, double fTol, Progress progress) {
        double dt = dt0, dtMax = 10 * dt0, alpha = 0.1;
        int positive = 0;
        double[] x = s.x, v = s.v, f = s.f, m = s.mass;
        Arrays.fill(v, 0.0);
        ForceEvaluator.Energies e = forces.compute(s);
        int step = 0;
        double fmax = maxForce(s);
        while (step < maxSteps && fmax > fTol) {
            if (progress != null) progress.checkCanceled();
            double p = 0, vv = 0, ff = 0;
            for (int k = 0; k < 3 * s.n; k++) { p += f[k] * v[k]; vv += v[k] * v[k]; ff += f[k] * f[k]; }
            if (p > 0) {
                double scale = alpha * Math.sqrt(vv / ff);
                for (int k = 0; k < 3 * s.n; k++) v[k] = (1 - alpha) * v[k] + scale * f[k];
                if (++positive > 5) { dt = Math.min(dt * 1.1, dtMax); alpha *= 0.99; }
            } else {
                Arrays.fill(v, 0.0);
                dt *= 0.5;
                alpha = 0.1;
                positive = 0;
            }
            // semi-implicit Euler with a cap on the largest displacement
            double maxDx = 0;
            for (int i = 0; i < s.n; i++) {
                double c = dt * Units.FTM2V / m[i];
                v[3 * i] += c * f[3 * i]; v[3 * i + 1] += c * f[3 * i + 1]; v[3 * i + 2] += c * f[3 * i + 2];
                double d2 = (v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]) * dt * dt;
                maxDx = Math.max(maxDx, d2);
            }
            maxDx = Math.sqrt(maxDx);
            double shrink = maxDx > maxDisplacement ? maxDisplacement / maxDx : 1;
            for (int k = 0; k < 3 * s.n; k++) x[k] += dt * shrink * v[k];
            e = forces.compute(s);
            fmax = maxForce(s);
            step++;
            if (progress != null && (step & 31) == 0) progress.report((double) step / maxSteps, "minimise step " + step);
        }
        Arrays.fill(v, 0.0);
        return new Result(step, e.pe(), fmax);
    }

    private static double maxForce(MdState s) {
        double m = 0;
        for (int i = 0; i < s.n; i++) {
            double fx = s.f[3 * i], fy = s.f[3 * i + 1], fz = s.f[3 * i + 2];
            m = Math.max(m, fx * fx + fy * fy + fz * fz);
        }
        return Math.sqrt(m);
    }
}
