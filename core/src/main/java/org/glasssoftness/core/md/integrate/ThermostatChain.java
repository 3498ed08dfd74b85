package org.glasssoftness.core.md.integrate;

import java.util.function.DoubleUnaryOperator;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;

/**
 * One Nosé-Hoover chain (positions eta, velocities etaDot, forces etaDotDot, masses Q) and its half-step update, the
 * common core of LAMMPS fix_nh's {@code nhc_temp_integrate} (chain on the particles) and {@code nhc_press_integrate}
 * (chain on the barostat momenta). The owner sets the masses, supplies the kinetic energy of what the chain
 * thermostats and scales those momenta when asked. etaDot has one extra zero element so the top link needs no
 * special case. The floating-point operations and their order are those of the two integrators this was taken from
 * (results are bit-identical).
 */
final class ThermostatChain {
    final int length;
    final double[] eta, etaDot, etaDotDot, mass;
    private double dthalf, dt4, dt8;

    ThermostatChain(int length) {
        this.length = length;
        eta = new double[length];
        etaDot = new double[length + 1];
        etaDotDot = new double[length];
        mass = new double[length];
    }

    /** Time step (ps) of the half-step updates. */
    void timeStep(double dt) {
        dthalf = 0.5 * dt; dt4 = 0.25 * dt; dt8 = 0.125 * dt;
    }

    /** Q_0 = {@code first}, Q_k = {@code others} for k > 0. */
    void masses(double first, double others) {
        mass[0] = first;
        for (int i = 1; i < length; i++) mass[i] = others;
    }

    /** Forces on links 1.. from the current velocities: (Q_{k-1} etaDot_{k-1}^2 - kT) / Q_k (fix_nh setup). */
    void initForces(double kt) {
        for (int i = 1; i < length; i++) etaDotDot[i] = (mass[i - 1] * etaDot[i - 1] * etaDot[i - 1] - kt) / mass[i];
    }

    /**
     * Half-step chain update: sweep down the chain, scale the thermostatted momenta by exp(-dt/2 etaDot_0) through
     * {@code scale} (given the factor, it applies it and returns the new kinetic energy), advance eta, sweep up.
     *
     * @param ke       current kinetic energy of the thermostatted momenta (eV; twice the kinetic energy for particles,
     *                 as in LAMMPS: dof k T)
     * @param keTarget its target (eV)
     * @param kt       k T of the target temperature (eV), for the forces on links 1..
     */
    void halfStep(double ke, double keTarget, double kt, DoubleUnaryOperator scale) {
        etaDotDot[0] = (ke - keTarget) / mass[0];
        for (int i = length - 1; i > 0; i--) {
            double ex = Math.exp(-dt8 * etaDot[i + 1]);
            etaDot[i] = (etaDot[i] * ex + etaDotDot[i] * dt4) * ex;
        }
        double ex = Math.exp(-dt8 * etaDot[1]);
        etaDot[0] = (etaDot[0] * ex + etaDotDot[0] * dt4) * ex;
        double newKe = scale.applyAsDouble(Math.exp(-dthalf * etaDot[0]));
        etaDotDot[0] = (newKe - keTarget) / mass[0];
        for (int i = 0; i < length; i++) eta[i] += dthalf * etaDot[i];
        etaDot[0] = (etaDot[0] * ex + etaDotDot[0] * dt4) * ex;
        for (int i = 1; i < length; i++) {
            double e2 = Math.exp(-dt8 * etaDot[i + 1]);
            etaDot[i] *= e2;
            etaDotDot[i] = (mass[i - 1] * etaDot[i - 1] * etaDot[i - 1] - kt) / mass[i];
            etaDot[i] = (etaDot[i] + etaDotDot[i] * dt4) * e2;
        }
    }

    /** Particle-chain masses as fix_nh: Q_0 = dof k T / w^2, Q_k = k T / w^2, w = 1/Tdamp. */
    void particleMasses(int dof, double kt, double tDamp) {
        double w = 1 / tDamp;
        masses(dof * kt / (w * w), kt / (w * w));
    }

    /**
     * fix_nh {@code nhc_temp_integrate}: masses from the current target, then a half step on the particle velocities
     * of {@code s} with kinetic energy dof k T_current and target dof k T_target.
     */
    void particleHalfStep(MdState s, int dof, double tTarget, double tDamp) {
        particleHalfStep(Thermo.temperature(s), dof, tTarget, tDamp, factor -> {
            for (int k = 0; k < 3 * s.n; k++) s.v[k] *= factor;
        });
    }

    /** The same for velocities held elsewhere (a device): their temperature, and {@code scale} multiplies them. */
    void particleHalfStep(double tCurrent, int dof, double tTarget, double tDamp, java.util.function.DoubleConsumer scale) {
        double kt = Units.BOLTZ * tTarget;
        particleMasses(dof, kt, tDamp);
        halfStep(dof * Units.BOLTZ * tCurrent, dof * kt, kt, factor -> {
            scale.accept(factor);
            return dof * Units.BOLTZ * (tCurrent * (factor * factor));
        });
    }
}
