package org.glasssoftness.core.md.integrate;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.Forces;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.progress.Progress;

/**
 * Velocity-Verlet time integration (NVE, or NVT with a {@link Thermostat}), metal units: dt in ps (0.001 = 1 fs),
 * v += dt/2 F/m (times ftm2v), x += dt v. Checks for blow-ups: a non-finite or absurd force or temperature stops the
 * run with a message naming the step and the atom.
 */
public final class VelocityVerlet {
    private final Forces forces;
    private final double dt;
    private final Thermostat thermostat;
    private ForceEvaluator.Energies last;
    private double maxTemperature = 1e5;

    public VelocityVerlet(Forces forces, double dtPs, Thermostat thermostat) {
        if (!(dtPs > 0)) throw new IllegalArgumentException("time step must be > 0 ps, got " + dtPs);
        this.forces = forces;
        this.dt = dtPs;
        this.thermostat = thermostat;
    }

    public double dt() { return dt; }

    public ForceEvaluator.Energies last() { return last; }

    public Thermostat thermostat() { return thermostat; }

    /** Temperature (K) above which the run is stopped as exploding (default 1e5 K). */
    public void setMaxTemperature(double t) { this.maxTemperature = t; }

    /** Computes the initial forces; call once before {@link #run}. */
    public ForceEvaluator.Energies setup(MdState s) {
        last = forces.compute(s);
        if (thermostat != null) thermostat.init(s, dt);
        check(s);
        return last;
    }

    /**
     * Runs {@code steps} steps. {@code observer} (may be null) is called after every step.
     */
    public void run(MdState s, long steps, StepObserver observer, Progress progress) {
        if (last == null) setup(s);
        double dtf = 0.5 * dt * Units.FTM2V;
        double[] x = s.x, v = s.v, f = s.f, m = s.mass;
        int n = s.n;
        for (long k = 0; k < steps; k++) {
            if (progress != null) progress.checkCanceled();
            double fraction = steps > 0 ? (k + 1.0) / steps : 1;
            if (thermostat != null) thermostat.beforeFirstKick(s, fraction);
            for (int i = 0; i < n; i++) {
                double c = dtf / m[i];
                v[3 * i] += c * f[3 * i]; v[3 * i + 1] += c * f[3 * i + 1]; v[3 * i + 2] += c * f[3 * i + 2];
                x[3 * i] += dt * v[3 * i]; x[3 * i + 1] += dt * v[3 * i + 1]; x[3 * i + 2] += dt * v[3 * i + 2];
            }
            last = forces.compute(s);
            for (int i = 0; i < n; i++) {
                double c = dtf / m[i];
                v[3 * i] += c * f[3 * i]; v[3 * i + 1] += c * f[3 * i + 1]; v[3 * i + 2] += c * f[3 * i + 2];
            }
            if (thermostat != null) thermostat.afterSecondKick(s, fraction);
            s.step++;
            check(s);
            if (observer != null) observer.afterStep(s, last);
            if (progress != null && (k & 63) == 0) progress.report((k + 1.0) / steps, "MD step " + s.step);
        }
    }

    private void check(MdState s) {
        for (int i = 0; i < s.n; i++) {
            double fx = s.f[3 * i], fy = s.f[3 * i + 1], fz = s.f[3 * i + 2];
            if (!Double.isFinite(fx + fy + fz) || !Double.isFinite(s.x[3 * i] + s.x[3 * i + 1] + s.x[3 * i + 2])) {
                throw new MdInstabilityException(String.format("step %d: atom id %d has a non-finite force or position"
                        + " (overlapping atoms or an exploding run)", s.step, s.ids[i]));
            }
        }
        double t = Thermo.temperature(s);
        if (!(t <= maxTemperature)) {
            throw new MdInstabilityException(String.format("step %d: temperature %.4g K exceeds %.4g K (exploding run)",
                    s.step, t, maxTemperature));
        }
    }

    /** Called after each step. */
    @FunctionalInterface
    public interface StepObserver {
        void afterStep(MdState s, ForceEvaluator.Energies e);
    }
}
