package org.glasssoftness.core.md.integrate;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;

/**
 * Nosé-Hoover chain thermostat as LAMMPS {@code fix nvt} (Martyna, Tuckerman and Klein, Mol. Phys. 87 (1996) 1117;
 * Shinoda et al., PRB 69 (2004) 134103): chain length 3, one loop, thermostat masses Q_0 = dof k T / w^2 and
 * Q_k = k T / w^2 with w = 1/Tdamp, half-step chain updates before the first and after the second velocity-Verlet
 * kick. The target temperature ramps linearly from start to stop over the run.
 */
public final class NoseHooverChain implements Thermostat {
    private final double tStart, tStop, tDamp;
    private final int chain;
    private final ThermostatChain nhc;
    private double tTarget;
    private int dof;

    /**
     * @param tStart start target temperature (K)
     * @param tStop  end target temperature (K)
     * @param tDamp  damping time (ps); LAMMPS recommends about 100 time steps
     */
    public NoseHooverChain(double tStart, double tStop, double tDamp) {
        this(tStart, tStop, tDamp, 3);
    }

    public NoseHooverChain(double tStart, double tStop, double tDamp, int chain) {
        if (!(tStart > 0) || !(tStop > 0)) throw new IllegalArgumentException("NVT temperatures must be > 0 K");
        if (!(tDamp > 0)) throw new IllegalArgumentException("Tdamp must be > 0 ps");
        this.tStart = tStart; this.tStop = tStop; this.tDamp = tDamp; this.chain = chain;
        nhc = new ThermostatChain(chain);
    }

    @Override
    public void init(MdState s, double dt) {
        init(Thermo.dof(s), dt);
    }

    @Override
    public double target() { return tTarget; }

    @Override
    public void beforeFirstKick(MdState s, double fraction) {
        tTarget = tStart + fraction * (tStop - tStart);
        integrateChain(s);
    }

    @Override
    public void afterSecondKick(MdState s, double fraction) {
        integrateChain(s);
    }

    private void integrateChain(MdState s) {
        nhc.particleHalfStep(s, dof, tTarget, tDamp);
    }

    /**
     * {@link #init} for velocities held elsewhere (a device): {@code dof} degrees of freedom.
     */
    public void init(int dofs, double dt) {
        nhc.timeStep(dt);
        dof = dofs;
        tTarget = tStart;
        double kt = Units.BOLTZ * tTarget;
        nhc.particleMasses(dof, kt, tDamp);
        nhc.initForces(kt);
    }

    /**
     * {@link #beforeFirstKick} (first = true) or {@link #afterSecondKick} for velocities held elsewhere: the same
     * floating-point operations, given their current temperature (K); {@code scale} multiplies them by the factor.
     */
    public void halfStep(boolean first, double fraction, double tCurrent, java.util.function.DoubleConsumer scale) {
        if (first) tTarget = tStart + fraction * (tStop - tStart);
        nhc.particleHalfStep(tCurrent, dof, tTarget, tDamp, scale);
    }

    /** Thermostat energy: sum Q_k etaDot_k^2 / 2 + dof kT eta_0 + kT sum_{k>0} eta_k (LAMMPS compute_scalar). */
    @Override
    public double energy() {
        double kt = Units.BOLTZ * tTarget;
        double[] eta = nhc.eta, etaDot = nhc.etaDot, etaMass = nhc.mass;
        double e = dof * kt * eta[0] + 0.5 * etaMass[0] * etaDot[0] * etaDot[0];
        for (int i = 1; i < chain; i++) e += kt * eta[i] + 0.5 * etaMass[i] * etaDot[i] * etaDot[i];
        return e;
    }

    /** Chain state (eta, etaDot) for checkpoints. */
    public double[] state() {
        double[] st = new double[2 * chain];
        System.arraycopy(nhc.eta, 0, st, 0, chain);
        System.arraycopy(nhc.etaDot, 0, st, chain, chain);
        return st;
    }
}
