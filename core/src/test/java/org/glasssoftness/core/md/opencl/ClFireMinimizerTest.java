package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.FireMinimizer;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * Device-resident FIRE (ClFireMinimizer, double mode, device PPPM) against the Java FireMinimizer on the Java exact
 * kernel (Java PPPM 1e-5) from the same unrelaxed 768-atom 40Li2O-30B2O3-30P2O5 random packing, 10 Å cutoff.
 */
class ClFireMinimizerTest {
    static final double CUTOFF = 10.0;
    static final int STEPS = 150;
    static final double FTOL = 2.0;

    static ForceEvaluator javaForces(PairCoefficients[][] c) {
        return new ForceEvaluator(c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2, false);
    }

    static FireMinimizer.Result javaFire(MdState s, PairCoefficients[][] c, int steps, double fTol) {
        try (ForceEvaluator ev = javaForces(c)) {
            return new FireMinimizer(ev, 0.001, 0.1).minimize(s, steps, fTol, null);
        }
    }

    static FireMinimizer.Result deviceFire(MdState s, PairCoefficients[][] c, int steps, double fTol, Progress p) {
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            return new ClFireMinimizer(cl, 0.001, 0.1).minimize(s, steps, fTol, p);
        }
    }

    static double energy(MdState s, PairCoefficients[][] c) {
        try (ForceEvaluator ev = javaForces(c)) {
            return ev.compute(ClForcesTest.copy(s)).pe();
        }
    }

    /**
     * Same step count, final energy, max force and positions as the Java minimiser. Also the host FireMinimizer on the
     * same device forces, which differs from ClFireMinimizer only in how P, |v|^2, |F|^2 are summed.
     */
    @Test
    void followsTheJavaMinimiser() {
        MdState s0 = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s0);
        double e0 = energy(s0, c);
        MdState a = ClForcesTest.copy(s0), b = ClForcesTest.copy(s0), h = ClForcesTest.copy(s0);
        FireMinimizer.Result ra = javaFire(a, c, STEPS, FTOL), rb = deviceFire(b, c, STEPS, FTOL, null), rh;
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            rh = new FireMinimizer(cl, 0.001, 0.1).minimize(h, STEPS, FTOL, null);
        }
        double dx = ClTrajectoryTest.maxDiff(a.unwrappedPositions(), b.unwrappedPositions());
        double dxh = ClTrajectoryTest.maxDiff(h.unwrappedPositions(), b.unwrappedPositions());
        double dE = Math.abs(ra.energy() - rb.energy()) / Math.abs(ra.energy());
        double dF = Math.abs(ra.maxForce() - rb.maxForce()) / ra.maxForce();
        System.out.printf("device FIRE vs java FIRE (%d/%d steps, 768 atoms): E0 %.6f eV, E %.10f vs %.10f eV (%.3g rel), "
                + "max F %.6g vs %.6g eV/Å (%.3g rel), max |dx| %.3g Å; vs host FIRE on device forces: max |dx| %.3g Å, "
                + "E %.3g rel%n", rb.steps(), ra.steps(), e0, ra.energy(), rb.energy(), dE, ra.maxForce(), rb.maxForce(),
                dF, dx, dxh, Math.abs(rh.energy() - rb.energy()) / Math.abs(rh.energy()));
        assertEquals(ra.steps(), rb.steps());
        assertEquals(0.0, ClTrajectoryTest.maxAbs(b.v), "velocities zero afterwards");
    }
}
