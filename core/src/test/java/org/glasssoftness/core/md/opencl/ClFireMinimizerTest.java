package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
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

    static FireMinimizer.Result javaFire(MdState s, PairCoefficients[][] c, int steps, double fTol, Progress p) {
        try (ForceEvaluator ev = javaForces(c)) {
            return new FireMinimizer(ev, 0.001, 0.1).minimize(s, steps, fTol, p);
        }
    }

    /** Records the progress reports; cancelled once isCanceled was asked more than {@code cancelAfter} times. */
    static final class Recorder implements Progress {
        final List<String> reports = new ArrayList<>();
        final int cancelAfter;
        int asked;

        Recorder(int cancelAfter) { this.cancelAfter = cancelAfter; }

        @Override
        public void report(double fraction, String message) { reports.add(fraction + " " + message); }

        @Override
        public boolean isCanceled() { return ++asked > cancelAfter; }
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
        Recorder pa = new Recorder(Integer.MAX_VALUE), pb = new Recorder(Integer.MAX_VALUE);
        FireMinimizer.Result ra = javaFire(a, c, STEPS, FTOL, pa), rb = deviceFire(b, c, STEPS, FTOL, pb), rh;
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
        assertTrue(ra.steps() > 50 && ra.steps() < STEPS, "stopped at the force tolerance: " + ra.steps());
        assertEquals(ra.steps(), rb.steps(), "same step count");
        assertEquals(pa.reports, pb.reports, "same progress reports");
        assertEquals(ra.steps() / 32, pb.reports.size());
        assertTrue(rb.maxForce() < FTOL, "converged " + rb.maxForce());
        assertTrue(rb.energy() < e0 - 10 * s0.n, "energy far below the start: " + e0 + " -> " + rb.energy());
        assertTrue(dE < 1e-12, "energy " + dE);
        assertTrue(dF < 1e-9, "max force " + dF);
        assertTrue(dx < 1e-9, "positions " + dx);
        assertTrue(dxh < 1e-9, "positions vs host FIRE on the device forces " + dxh);
        assertEquals(0.0, ClTrajectoryTest.maxAbs(b.v), "velocities zero afterwards");
        assertArrayEquals(b.f, forcesOf(b, c), 1e-9 * rb.maxForce(), "forces of the final positions downloaded");
    }

    /** The forces of s's positions on a fresh device backend. */
    static double[] forcesOf(MdState s, PairCoefficients[][] c) {
        MdState t = ClForcesTest.copy(s);
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            cl.compute(t);
        }
        return t.f;
    }

    /**
     * A repeat run is bit-identical (positions, image flags, forces, energy, max force); MdSimulation.minimize on the
     * same backend gives the same result bit for bit (so it takes the device-resident path: the host FIRE on the same
     * forces differs in rounding); the energy falls along the run: E(0) > E(50 steps) > E(150 steps).
     */
    @Test
    void deterministicAndDecreasing() {
        MdState s0 = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s0);
        MdState a = ClForcesTest.copy(s0), b = ClForcesTest.copy(s0), m = ClForcesTest.copy(s0);
        FireMinimizer.Result ra = deviceFire(a, c, STEPS, 0, null), rb = deviceFire(b, c, STEPS, 0, null), r50, rm;
        r50 = deviceFire(ClForcesTest.copy(s0), c, 50, 0, null);
        try (MdSimulation sim = new MdSimulation(m, ClForcesTest.deviceForces(c, false), ClMdSimulationNptTest.SETTINGS)) {
            rm = sim.minimize(STEPS, 0, Progress.NONE);
            assertEquals(1, sim.thermoTable().column("PE_eV").doubles().length);
            assertEquals(rm.energy(), sim.thermoTable().column("PE_eV").doubles()[0], 1e-9 * Math.abs(rm.energy()));
        }
        double e0 = energy(s0, c);
        System.out.printf("device FIRE: E %.6f -> %.6f (50 steps) -> %.6f eV (150 steps), max F %.4g eV/Å%n", e0,
                r50.energy(), ra.energy(), ra.maxForce());
        assertArrayEquals(a.x, b.x);
        assertArrayEquals(a.image, b.image);
        assertArrayEquals(a.f, b.f);
        assertEquals(ra, rb);
        // MdSimulation's thermo row recomputes the forces on the host path, which wraps the positions again (rounding
        // of x - L): unwrapped positions to 1e-12 Å; the minimiser's result itself bit for bit
        assertEquals(ra, rm);
        double dm = ClTrajectoryTest.maxDiff(a.unwrappedPositions(), m.unwrappedPositions());
        assertTrue(dm < 1e-12, "MdSimulation.minimize positions " + dm);
        assertEquals(STEPS, ra.steps());
        assertEquals(50, r50.steps());
        assertTrue(r50.energy() < e0 - 5 * s0.n && ra.energy() < r50.energy() - 0.1 * s0.n,
                e0 + " -> " + r50.energy() + " -> " + ra.energy());
    }

    /**
     * Cancel: asked before each step, as FireMinimizer; cancelled before step 41 it throws CancelledException and
     * leaves the state of 40 steps in the MdState (positions bit-identical to a 40-step run).
     */
    @Test
    void cancelStopsAndLeavesTheStateReached() {
        MdState s0 = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s0);
        MdState a = ClForcesTest.copy(s0), b = ClForcesTest.copy(s0);
        deviceFire(a, c, 40, 0, null);
        Recorder cancel = new Recorder(40);
        assertThrows(CancelledException.class, () -> deviceFire(b, c, STEPS, 0, cancel));
        assertEquals(41, cancel.asked);
        assertArrayEquals(a.x, b.x);
        assertArrayEquals(a.image, b.image);
        assertTrue(ClTrajectoryTest.maxAbs(b.v) > 0, "velocities of the interrupted run");
    }

    /**
     * The minimised packing runs MD stably on the device: 150 FIRE steps, then 300 K and 200 NVE steps of 1 fs
     * (ClVelocityVerlet): total energy conserved to 1e-5 relative (the NVE bound of the Java IntegratorTest), the
     * temperature stays below 1500 K (the unminimised packing's excess energy, ~16 eV per atom above the minimised one
     * here, would heat it to ~6e4 K: 16 eV / 3 k_B).
     */
    @Test
    void minimisedStateRunsStableMd() {
        MdState s = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s);
        double[] e = new double[2];
        double[] tMax = {0};
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            new ClFireMinimizer(cl, 0.001, 0.1).minimize(s, STEPS, 0, null);
            VelocityInit.create(s, 300, 7);
            ClVelocityVerlet nve = new ClVelocityVerlet(cl, 0.001, null);
            ForceEvaluator.Energies e0 = nve.setup(s);
            double etot0 = e0.pe() + Thermo.kinetic(s);
            e[0] = etot0;
            nve.run(s, 200, (st, en) -> {
                if (en == null) return;
                double et = en.pe() + Thermo.kinetic(st);
                e[1] = Math.max(e[1], Math.abs(et - etot0) / Math.abs(etot0));
                tMax[0] = Math.max(tMax[0], Thermo.temperature(st));
            }, null, step -> step % 10 == 0);
        }
        System.out.printf("NVE after device FIRE: E0 %.6f eV, max |E - E0| / |E0| %.3g, max T %.1f K%n", e[0], e[1], tMax[0]);
        assertTrue(e[1] < 1e-5, "energy drift " + e[1]);
        assertTrue(tMax[0] < 1500, "temperature " + tMax[0]);
    }

    /**
     * The FIRE kernels follow the Java arithmetic bit for bit (no FMA contraction) given the same scalars: the block
     * sums equal the same-order sums on the host (in the device's atom order) exactly (and Java's one-pass sums to rounding), the mixing + kick,
     * the step maxima and the capped move equal FireMinimizer's loops exactly, for both branches (mix, and v = 0).
     */
    @Test
    void kernelsFollowTheJavaArithmetic() {
        MdState s = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s);
        VelocityInit.create(s, 300, 3);
        int n = s.n, block = 256; // ClForces.REDUCE_BLOCK
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            cl.uploadState(s);
            cl.computeResident(s, false);
            cl.downloadState(s); // the device's x (wrapped), v, f
            double[] sums = cl.fireSums();
            double p = 0, vv = 0, ff = 0, p1 = 0, vv1 = 0, ff1 = 0, fm = 0;
            int[] order = cl.deviceOrder(); // the device's atom order (cell order after the list build)
            for (int lo = 0; lo < n; lo += block) {
                double bp = 0, bv = 0, bf = 0;
                for (int a = lo; a < Math.min(n, lo + block); a++) {
                    int i = order == null ? a : order[a];
                    for (int k = 3 * i; k < 3 * i + 3; k++) {
                        bp += s.f[k] * s.v[k]; bv += s.v[k] * s.v[k]; bf += s.f[k] * s.f[k];
                    }
                }
                p += bp; vv += bv; ff += bf;
            }
            for (int k = 0; k < 3 * n; k++) { p1 += s.f[k] * s.v[k]; vv1 += s.v[k] * s.v[k]; ff1 += s.f[k] * s.f[k]; }
            for (int i = 0; i < n; i++) {
                fm = Math.max(fm, s.f[3 * i] * s.f[3 * i] + s.f[3 * i + 1] * s.f[3 * i + 1] + s.f[3 * i + 2] * s.f[3 * i + 2]);
            }
            System.out.printf("FIRE block sums vs Java one-pass sums: P %.3g, |v|^2 %.3g, |F|^2 %.3g relative%n",
                    Math.abs(sums[0] - p1) / Math.abs(p1), Math.abs(sums[1] - vv1) / vv1, Math.abs(sums[2] - ff1) / ff1);
            assertArrayEquals(new double[] {p, vv, ff, fm}, sums, "block sums in the same order, bit for bit");
            assertEquals(p1, sums[0], 1e-12 * Math.abs(p1));
            assertEquals(vv1, sums[1], 1e-12 * vv1);
            assertEquals(ff1, sums[2], 1e-12 * ff1);
            for (boolean mix : new boolean[] {true, false}) {
                double alpha = 0.0937, dt = 0.0017, scale = alpha * Math.sqrt(vv / ff), maxDisplacement = 0.01;
                double[] v = s.v.clone(), x = s.x.clone();
                // FireMinimizer's operations
                if (mix) for (int k = 0; k < 3 * n; k++) v[k] = (1 - alpha) * v[k] + scale * s.f[k];
                else Arrays.fill(v, 0.0);
                double maxDx = 0;
                for (int i = 0; i < n; i++) {
                    double cc = dt * Units.FTM2V / s.mass[i];
                    v[3 * i] += cc * s.f[3 * i]; v[3 * i + 1] += cc * s.f[3 * i + 1]; v[3 * i + 2] += cc * s.f[3 * i + 2];
                    double d2 = (v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]) * dt * dt;
                    maxDx = Math.max(maxDx, d2);
                }
                double d2max = maxDx;
                maxDx = Math.sqrt(maxDx);
                double shrink = maxDx > maxDisplacement ? maxDisplacement / maxDx : 1;
                assertTrue(shrink < 1, "the cap applies");
                for (int k = 0; k < 3 * n; k++) x[k] += dt * shrink * v[k];
                // the kernels (from the state as downloaded)
                cl.uploadState(s);
                cl.fireMixKick(mix, 1 - alpha, scale, dt * Units.FTM2V);
                assertEquals(d2max, cl.fireMaxStepSquared(dt), 0.0, "step maxima");
                cl.drift(dt * shrink);
                MdState d = ClForcesTest.copy(s);
                cl.downloadState(d);
                assertArrayEquals(v, d.v, "velocities after " + (mix ? "mixing" : "v = 0") + " and kick");
                assertArrayEquals(x, d.x, "positions after the capped move");
            }
        }
    }
}
