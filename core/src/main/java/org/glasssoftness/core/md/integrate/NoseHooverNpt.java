package org.glasssoftness.core.md.integrate;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.Forces;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.progress.Progress;

/**
 * Nosé-Hoover NPT in the Martyna-Tobias-Klein form as LAMMPS {@code fix npt} (Shinoda et al., PRB 69 (2004) 134103;
 * Tuckerman et al., J. Phys. A 39 (2006) 5629): thermostat chain of 3 on the particles, barostat momenta omega_dot
 * per controlled axis with mass (N + 1) k T / w_p^2, a chain of 3 thermostats on the barostat, MTK correction terms,
 * half-step box dilations about the box centre around the position update. {@code iso} couples x, y, z to one
 * pressure; otherwise each flagged axis has its own target (uniaxial tension: y and z at zero stress while x is
 * deformed). Orthogonal boxes. Targets ramp linearly over the run.
 */
public final class NoseHooverNpt {
    /**
     * Where the particle arrays live and how the per-particle updates run: on the host ({@link MdState}'s arrays, the
     * default) or on a device (opencl.ClNoseHooverNpt). The integrator keeps all scalars (chains, barostat, box) and
     * calls these with the same operands in the same order either way.
     */
    public interface Particles {
        /** Forces (into the particles' force array) for the current positions and box {@code s.box}; energies and virial. */
        ForceEvaluator.Energies forces(MdState s);

        /** v += dtf / m f. */
        void kick(MdState s, double dtf);

        /** x += dt v. */
        void drift(MdState s, double dt);

        /** v_d *= f2[d] per axis d. */
        void scaleAxes(MdState s, double[] f2);

        /** v *= factor. */
        void scale(MdState s, double factor);

        /** Every position to fractional coordinates of {@code from} and back to Cartesian ones of {@code to} (Box). */
        void remap(MdState s, Box from, Box to);

        /** Temperature (K) with {@code dof} degrees of freedom, as {@link Thermo#temperature}. */
        double temperature(MdState s, int dof);

        /** {@link Thermo#kineticTensor}. */
        double[] kineticTensor(MdState s);
    }

    /** The host arrays of the state, with forces from a {@link Forces}. */
    private static final class HostParticles implements Particles {
        private final Forces forces;

        HostParticles(Forces forces) { this.forces = forces; }

        @Override
        public ForceEvaluator.Energies forces(MdState s) { return forces.compute(s); }

        @Override
        public void kick(MdState s, double dtf) {
            for (int i = 0; i < s.n; i++) {
                double c = dtf / s.mass[i];
                s.v[3 * i] += c * s.f[3 * i]; s.v[3 * i + 1] += c * s.f[3 * i + 1]; s.v[3 * i + 2] += c * s.f[3 * i + 2];
            }
        }

        @Override
        public void drift(MdState s, double dt) {
            for (int i = 0; i < 3 * s.n; i++) s.x[i] += dt * s.v[i];
        }

        @Override
        public void scaleAxes(MdState s, double[] f2) {
            for (int i = 0; i < s.n; i++) {
                for (int d = 0; d < 3; d++) s.v[3 * i + d] *= f2[d];
            }
        }

        @Override
        public void scale(MdState s, double factor) {
            for (int k = 0; k < 3 * s.n; k++) s.v[k] *= factor;
        }

        @Override
        public void remap(MdState s, Box from, Box to) {
            double[] sfrac = new double[3];
            for (int i = 0; i < s.n; i++) {
                from.toFractional(s.x, 3 * i, sfrac, 0);
                to.toCartesian(sfrac, 0, s.x, 3 * i);
            }
        }

        @Override
        public double temperature(MdState s, int dof) { return Thermo.temperature(s); }

        @Override
        public double[] kineticTensor(MdState s) { return Thermo.kineticTensor(s); }
    }

    private final Particles particles;
    private final double dt, dthalf, dt4;
    private final double tStart, tStop, tDamp, pStart, pStop, pDamp;
    private final boolean iso;
    private final boolean[] pFlag;
    private final int chain = 3, pchain = 3;
    private final ThermostatChain particleChain = new ThermostatChain(chain), barostatChain = new ThermostatChain(pchain);
    private final double[] omegaDot = new double[3], omegaMass = new double[3], pCurrent = new double[3],
            pTarget = new double[3];
    private double tTarget, pHydro, mtkTerm2;
    private int dof, pdim;
    private double[] fixedPoint;
    private ForceEvaluator.Energies last;
    private double erateX = Double.NaN;
    private double lx0, xCenter;
    private long deformSteps;

    /**
     * @param iso   true: isotropic (x, y, z coupled); false: the axes in {@code axes} are barostatted independently
     * @param axes  which axes are controlled (ignored for iso)
     * @param pStartBar start target pressure (bar), {@code pStopBar} end target, {@code pDampPs} barostat damping (ps)
     */
    public NoseHooverNpt(Forces forces, double dtPs, double tStart, double tStop, double tDampPs,
                         double pStartBar, double pStopBar, double pDampPs, boolean iso, boolean[] axes) {
        this(new HostParticles(forces), dtPs, tStart, tStop, tDampPs, pStartBar, pStopBar, pDampPs, iso, axes);
    }

    /** The same on particles held elsewhere (a device). */
    public NoseHooverNpt(Particles particles, double dtPs, double tStart, double tStop, double tDampPs,
                         double pStartBar, double pStopBar, double pDampPs, boolean iso, boolean[] axes) {
        if (!(tStart > 0) || !(tStop > 0) || !(tDampPs > 0) || !(pDampPs > 0)) {
            throw new IllegalArgumentException("NPT needs temperatures > 0 K and damping times > 0 ps");
        }
        this.particles = particles;
        this.dt = dtPs; dthalf = 0.5 * dtPs; dt4 = 0.25 * dtPs;
        this.tStart = tStart; this.tStop = tStop; this.tDamp = tDampPs;
        this.pStart = pStartBar; this.pStop = pStopBar; this.pDamp = pDampPs;
        this.iso = iso;
        this.pFlag = iso ? new boolean[] {true, true, true} : axes.clone();
        for (boolean b : pFlag) if (b) pdim++;
        if (pdim == 0) throw new IllegalArgumentException("NPT needs at least one barostatted axis");
        particleChain.timeStep(dtPs);
        barostatChain.timeStep(dtPs);
    }

    public ForceEvaluator.Energies last() { return last; }

    /**
     * Deforms the box along x at a constant engineering strain rate (1/ps) like LAMMPS {@code fix deform x erate R
     * remap x}: after every step lx = lx0 (1 + R t) about the box centre and x coordinates are scaled with it. x must not
     * be barostatted (use axes y, z for uniaxial tension with lateral zero stress). Call before {@link #setup}.
     */
    public NoseHooverNpt deformX(double erate) {
        if (pFlag[0]) throw new IllegalArgumentException("x is barostatted; uniaxial deformation needs axes y and z only");
        this.erateX = erate;
        return this;
    }

    public ForceEvaluator.Energies setup(MdState s) {
        if (s.box.isTriclinic()) throw new UnsupportedOperationException("NPT for triclinic boxes is not implemented yet");
        last = particles.forces(s);
        dof = Thermo.dof(s);
        fixedPoint = new double[] {0.5 * (s.box.xlo() + s.box.xhi()), 0.5 * (s.box.ylo() + s.box.yhi()),
            0.5 * (s.box.zlo() + s.box.zhi())};
        lx0 = s.box.lx();
        xCenter = 0.5 * (s.box.xlo() + s.box.xhi());
        deformSteps = 0;
        targets(0);
        double kt = Units.BOLTZ * tTarget;
        particleChain.particleMasses(dof, kt, tDamp);
        particleChain.initForces(kt);
        double wp = 1 / pDamp;
        double nkt = (s.n + 1) * kt;
        for (int i = 0; i < 3; i++) if (pFlag[i]) omegaMass[i] = nkt / (wp * wp);
        barostatChain.masses(kt / (wp * wp), kt / (wp * wp));
        barostatChain.initForces(kt);
        return last;
    }

    private void targets(double fraction) {
        tTarget = tStart + fraction * (tStop - tStart);
        pHydro = 0;
        for (int i = 0; i < 3; i++) {
            if (pFlag[i]) {
                pTarget[i] = pStart + fraction * (pStop - pStart);
                pHydro += pTarget[i];
            }
        }
        pHydro /= pdim;
    }

    /** Runs {@code steps} steps; {@code observer} (may be null) after each. */
    public void run(MdState s, long steps, VelocityVerlet.StepObserver observer, Progress progress) {
        run(s, steps, observer, progress, null);
    }

    /**
     * Runs {@code steps} steps; {@code observer} (may be null) after each. {@code sync} (may be null: every step) is
     * called after each step's forces with whether it is the last one: it brings particles held elsewhere into
     * {@code s} and returns whether it did; the observer gets null energies after steps it did not synchronise.
     */
    public void run(MdState s, long steps, VelocityVerlet.StepObserver observer, Progress progress, Sync sync) {
        if (last == null) setup(s);
        double dtf = 0.5 * dt * Units.FTM2V;
        for (long k = 0; k < steps; k++) {
            if (progress != null) progress.checkCanceled();
            // LAMMPS uses (ntimestep - beginstep)/(endstep - beginstep) at the start of the step
            double fraction = steps > 0 ? (double) k / steps : 0;
            nhcPress();
            targets(fraction);
            nhcTemp(s);
            pressure(s, last.virial());
            targets(fraction);
            omegaDotUpdate(s);
            vPress(s);
            particles.kick(s, dtf);
            remap(s);
            particles.drift(s, dt);
            remap(s);
            last = particles.forces(s);
            particles.kick(s, dtf);
            vPress(s);
            pressure(s, last.virial());
            omegaDotUpdate(s);
            nhcTemp(s);
            nhcPress();
            s.step++;
            if (!Double.isNaN(erateX)) deform(s);
            boolean synced = sync == null || sync.afterStep(s, k == steps - 1);
            if (observer != null) observer.afterStep(s, synced ? last : null);
            if (progress != null && (k & 63) == 0) progress.report((k + 1.0) / steps, "NPT step " + s.step);
        }
    }

    /** Synchronisation of particles held elsewhere after a step (see {@link #run(MdState, long, VelocityVerlet.StepObserver, Progress, Sync)}). */
    public interface Sync {
        boolean afterStep(MdState s, boolean lastStep);
    }

    /** Current pressure per axis (bar): iso uses the scalar (dof k T + tr W)/(3V), else (m v_i^2 + W_ii)/V. */
    private void pressure(MdState s, double[] virial) {
        double v = s.box.volume();
        if (iso) {
            double p = (dof * Units.BOLTZ * particles.temperature(s, dof) + virial[0] + virial[1] + virial[2]) / (3 * v) * Units.NKTV2P;
            pCurrent[0] = pCurrent[1] = pCurrent[2] = p;
        } else {
            double[] ke = particles.kineticTensor(s);
            for (int i = 0; i < 3; i++) pCurrent[i] = (ke[i] + virial[i]) / v * Units.NKTV2P;
        }
    }

    private void omegaDotUpdate(MdState s) {
        double volume = s.box.volume();
        double mtk1;
        if (iso) {
            mtk1 = dof * Units.BOLTZ * particles.temperature(s, dof) / (pdim * s.n);
        } else {
            double[] ke = particles.kineticTensor(s);
            mtk1 = 0;
            for (int i = 0; i < 3; i++) if (pFlag[i]) mtk1 += ke[i];
            mtk1 /= pdim * s.n;
        }
        for (int i = 0; i < 3; i++) {
            if (!pFlag[i]) continue;
            double f = (pCurrent[i] - pHydro) * volume / (omegaMass[i] * Units.NKTV2P) + mtk1 / omegaMass[i];
            omegaDot[i] += f * dthalf;
        }
        mtkTerm2 = 0;
        for (int i = 0; i < 3; i++) if (pFlag[i]) mtkTerm2 += omegaDot[i];
        mtkTerm2 /= pdim * s.n;
    }

    private void vPress(MdState s) {
        double[] factor = new double[3];
        for (int i = 0; i < 3; i++) {
            factor[i] = Math.exp(-dt4 * (omegaDot[i] + mtkTerm2));
            factor[i] = factor[i] * factor[i];
        }
        particles.scaleAxes(s, factor);
    }

    /** Dilates box and atom positions by exp(dt/2 omega_dot) about the fixed point (half step). */
    private void remap(MdState s) {
        Box b = s.box;
        double[] lo = {b.xlo(), b.ylo(), b.zlo()}, hi = {b.xhi(), b.yhi(), b.zhi()};
        for (int i = 0; i < 3; i++) {
            if (!pFlag[i]) continue;
            double expfac = Math.exp(dthalf * omegaDot[i]);
            lo[i] = (lo[i] - fixedPoint[i]) * expfac + fixedPoint[i];
            hi[i] = (hi[i] - fixedPoint[i]) * expfac + fixedPoint[i];
        }
        Box nb = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 0, 0, 0,
                b.periodic(0), b.periodic(1), b.periodic(2));
        particles.remap(s, b, nb);
        s.box = nb;
    }

    private void nhcTemp(MdState s) {
        particleChain.particleHalfStep(particles.temperature(s, dof), dof, tTarget, tDamp, f -> particles.scale(s, f));
    }

    /** fix_nh {@code nhc_press_integrate}: the barostat chain on the controlled omega_dot components. */
    private void nhcPress() {
        double kt = Units.BOLTZ * tTarget;
        double lkt = iso ? kt : pdim * kt;
        barostatChain.halfStep(barostatKinetic(), lkt, kt, factor -> {
            for (int i = 0; i < 3; i++) if (pFlag[i]) omegaDot[i] *= factor;
            return barostatKinetic();
        });
    }

    /** sum over controlled axes of W omega_dot^2 (eV). */
    private double barostatKinetic() {
        double ke = 0;
        for (int i = 0; i < 3; i++) if (pFlag[i]) ke += omegaMass[i] * omegaDot[i] * omegaDot[i];
        return ke;
    }

    /** End-of-step box change of the x deformation (positions scaled in x; velocities unchanged). */
    private void deform(MdState s) {
        deformSteps++;
        double lx = lx0 * (1 + erateX * deformSteps * dt);
        Box b = s.box;
        double lo = xCenter - 0.5 * lx;
        Box nb = new Box(lo, b.ylo(), b.zlo(), lx, b.ly(), b.lz(), 0, 0, 0, b.periodic(0), b.periodic(1), b.periodic(2));
        particles.remap(s, b, nb);
        s.box = nb;
    }
}
