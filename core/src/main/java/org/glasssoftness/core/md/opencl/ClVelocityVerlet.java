package org.glasssoftness.core.md.opencl;

import java.util.function.LongPredicate;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.integrate.MdInstabilityException;
import org.glasssoftness.core.md.integrate.NoseHooverChain;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityVerlet;
import org.glasssoftness.core.progress.Progress;

/**
 * Device-resident velocity Verlet (NVE, or NVT with a {@link NoseHooverChain}) on a {@link ClForces} whose k-space part
 * is on the device: positions, velocities, image flags, forces and the neighbour list stay on the device; per step
 * the host reads back only the temperature's block sums (the chain's scalars are updated on the host from them, with
 * exactly the operations of {@link VelocityVerlet} + {@link NoseHooverChain}) and the largest displacement's block
 * maxima (list rebuild check). The state is downloaded into the {@link MdState}, with energies and virial, only at the
 * steps {@code syncAt} selects (thermo and dump intervals) and at the end of a run.
 */
public final class ClVelocityVerlet {
    private final ClForces forces;
    private final double dt;
    private final NoseHooverChain thermostat;
    private ForceEvaluator.Energies last;
    private double maxTemperature = 1e5;
    private int dof;

    public ClVelocityVerlet(ClForces forces, double dtPs, NoseHooverChain thermostat) {
        if (!(dtPs > 0)) throw new IllegalArgumentException("time step must be > 0 ps, got " + dtPs);
        this.forces = forces;
        this.dt = dtPs;
        this.thermostat = thermostat;
    }

    /** Energies of the last synchronised step. */
    public ForceEvaluator.Energies last() { return last; }

    /** Uploads the state and computes the initial forces (downloaded into s.f) with energies. */
    public ForceEvaluator.Energies setup(MdState s) {
        forces.uploadState(s);
        last = forces.computeResident(s, true);
        forces.downloadState(s);
        dof = Thermo.dof(s);
        if (thermostat != null) thermostat.init(dof, dt);
        check(s, temperature());
        return last;
    }

    private double temperature() {
        double k = 0.5 * forces.massVelocitySquared() * Units.MVV2E;
        return 2 * k / (dof * Units.BOLTZ);
    }

    /**
     * Runs {@code steps} steps; after each the observer is called, with the state downloaded and the energies when
     * {@code syncAt} accepts the step number (and after the last step), else with a stale state and null energies.
     */
    public void run(MdState s, long steps, VelocityVerlet.StepObserver observer, Progress progress, LongPredicate syncAt) {
        if (last == null) setup(s);
        double dtf = 0.5 * dt * Units.FTM2V;
        for (long k = 0; k < steps; k++) {
            if (progress != null) progress.checkCanceled();
            double fraction = steps > 0 ? (k + 1.0) / steps : 1;
            if (thermostat != null) thermostat.halfStep(true, fraction, temperature(), forces::scaleVelocities);
            forces.firstHalf(dtf, dt);
            long step = s.step + 1;
            boolean sync = k == steps - 1 || syncAt.test(step);
            ForceEvaluator.Energies e = forces.computeResident(s, sync);
            forces.secondHalf(dtf);
            double t = temperature();
            if (thermostat != null) {
                double[] applied = {1};
                thermostat.halfStep(false, fraction, t, factor -> {
                    forces.scaleVelocities(factor);
                    applied[0] = factor;
                });
                t *= applied[0] * applied[0]; // the chain's own update of the kinetic energy (for the blow-up check)
            }
            s.step = step;
            if (sync) {
                forces.downloadState(s);
                last = e;
            }
            check(s, t);
            if (observer != null) observer.afterStep(s, sync ? e : null);
            if (progress != null && (k & 63) == 0) progress.report((k + 1.0) / steps, "MD step " + s.step);
        }
    }

    /** Temperature (K) above which the run is stopped as exploding (default 1e5 K). */
    public void setMaxTemperature(double t) { this.maxTemperature = t; }

    private void check(MdState s, double t) {
        // a non-finite force or position makes the velocities and so the temperature non-finite
        if (!(t <= maxTemperature)) {
            forces.downloadState(s);
            for (int i = 0; i < s.n; i++) {
                if (!Double.isFinite(s.f[3 * i] + s.f[3 * i + 1] + s.f[3 * i + 2])
                        || !Double.isFinite(s.x[3 * i] + s.x[3 * i + 1] + s.x[3 * i + 2])) {
                    throw new MdInstabilityException(String.format("step %d: atom id %d has a non-finite force or "
                            + "position (overlapping atoms or an exploding run)", s.step, s.ids[i]));
                }
            }
            throw new MdInstabilityException(String.format("step %d: temperature %.4g K exceeds %.4g K (exploding run)",
                    s.step, t, maxTemperature));
        }
    }
}
