package org.glasssoftness.core.md.opencl;

import java.util.function.LongPredicate;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.integrate.NoseHooverNpt;
import org.glasssoftness.core.md.integrate.VelocityVerlet;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.progress.Progress;

/**
 * Device-resident NPT and uniaxial tension: {@link NoseHooverNpt} (MTK barostat as LAMMPS {@code fix npt}, chains on
 * the particles and the barostat, half-step dilations about the centre, iso or per-axis coupling, x deformation) with
 * its particles on a {@link ClForces} whose k-space part is on the device. The barostat, thermostat and box scalars
 * stay on the host, fed by device reductions of the kinetic energy, the kinetic tensor (fixed blocks in atom order)
 * and the virial (pair kernel + device PPPM, every step); kicks, drift, barostat velocity scaling, the dilation and
 * deformation remaps of the positions, wraps and list rebuilds run as kernels. The state (positions, velocities, image
 * flags, forces) is downloaded into the {@link MdState} only at the steps {@code syncAt} selects and after the last
 * step; the box is always current on the host.
 */
public final class ClNoseHooverNpt {
    private final ClForces forces;
    private final NoseHooverNpt npt;

    /** As {@link NoseHooverNpt#NoseHooverNpt(org.glasssoftness.core.md.Forces, double, double, double, double, double, double, double, boolean, boolean[])}. */
    public ClNoseHooverNpt(ClForces forces, double dtPs, double tStart, double tStop, double tDampPs,
                           double pStartBar, double pStopBar, double pDampPs, boolean iso, boolean[] axes) {
        if (forces.kspace() != null) {
            throw new IllegalArgumentException("device-resident NPT needs the k-space part on the device");
        }
        this.forces = forces;
        this.npt = new NoseHooverNpt(new DeviceParticles(forces), dtPs, tStart, tStop, tDampPs, pStartBar, pStopBar,
                pDampPs, iso, axes);
    }

    /** {@link NoseHooverNpt#deformX}. */
    public ClNoseHooverNpt deformX(double erate) {
        npt.deformX(erate);
        return this;
    }

    /** Energies of the last step (synchronised or not: the virial is reduced every step). */
    public ForceEvaluator.Energies last() { return npt.last(); }

    /** Uploads the state and computes the initial forces (downloaded into s.f) with energies. */
    public ForceEvaluator.Energies setup(MdState s) {
        forces.uploadState(s);
        ForceEvaluator.Energies e = npt.setup(s);
        forces.downloadState(s);
        return e;
    }

    /**
     * Runs {@code steps} steps; after each the observer is called, with the state downloaded and the energies when
     * {@code syncAt} accepts the step number (and after the last step), else with a stale state and null energies.
     */
    public void run(MdState s, long steps, VelocityVerlet.StepObserver observer, Progress progress, LongPredicate syncAt) {
        npt.run(s, steps, observer, progress, (st, lastStep) -> {
            boolean sync = lastStep || syncAt.test(st.step);
            if (sync) forces.downloadState(st);
            return sync;
        });
    }

    /** NoseHooverNpt's particles on the device. */
    private static final class DeviceParticles implements NoseHooverNpt.Particles {
        private final ClForces forces;

        DeviceParticles(ClForces forces) { this.forces = forces; }

        @Override
        public ForceEvaluator.Energies forces(MdState s) { return forces.computeResident(s, true); }

        @Override
        public void kick(MdState s, double dtf) { forces.secondHalf(dtf); }

        @Override
        public void drift(MdState s, double dt) { forces.drift(dt); }

        @Override
        public void scaleAxes(MdState s, double[] f2) { forces.scaleVelocityAxes(f2); }

        @Override
        public void scale(MdState s, double factor) { forces.scaleVelocities(factor); }

        @Override
        public void remap(MdState s, Box from, Box to) { forces.remapPositions(from, to); }

        @Override
        public double temperature(MdState s, int dof) {
            double k = 0.5 * forces.massVelocitySquared() * Units.MVV2E;
            return 2 * k / (dof * Units.BOLTZ);
        }

        @Override
        public double[] kineticTensor(MdState s) { return forces.kineticTensor(); }
    }
}
