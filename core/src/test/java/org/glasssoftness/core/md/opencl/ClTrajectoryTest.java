package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.Forces;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.NoseHooverChain;
import org.glasssoftness.core.md.integrate.NoseHooverNpt;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.integrate.VelocityVerlet;
import org.glasssoftness.core.md.kspace.Pppm;
import org.junit.jupiter.api.Test;

/** Trajectories on the OpenCL backend (pair forces and PPPM on the device) against the Java backend's exact kernel from the same start. */
class ClTrajectoryTest {
    static final double CUTOFF = 10.0;

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** Runs 20 NVT steps, then 20 iso NPT steps and 20 steps of y/z NPT with x deformed at 0.05/ps on one backend. */
    static MdState run(Forces f, MdState s) {
        VelocityVerlet nvt = new VelocityVerlet(f, 0.001, new NoseHooverChain(300, 300, 0.1));
        nvt.setup(s);
        nvt.run(s, 20, null, null);
        NoseHooverNpt npt = new NoseHooverNpt(f, 0.001, 300, 300, 0.1, 1, 1, 1.0, true, null);
        npt.setup(s);
        npt.run(s, 20, null, null);
        NoseHooverNpt tension = new NoseHooverNpt(f, 0.001, 300, 300, 0.1, 0, 0, 1.0, false,
                new boolean[] {false, true, true}).deformX(0.05);
        tension.setup(s);
        tension.run(s, 20, null, null);
        return s;
    }

    /**
     * 768-atom LiBP glass, PPPM 1e-5: NVT, NPT and tension trajectories (60 steps, the box changes every step) agree
     * with the Java exact kernel's: positions and velocities to 1e-9 (Å, Å/ps), box to 1e-10 Å.
     */
    @Test
    void nvtNptAndTensionFollowTheJavaTrajectory() {
        MdState s0 = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s0);
        VelocityInit.create(s0, 300, 9);
        MdState a = ClForcesTest.copy(s0), b = ClForcesTest.copy(s0);
        try (ForceEvaluator ev = new ForceEvaluator(c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2, false)) {
            run(ev, a);
        }
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            run(cl, b);
            assertTrue(cl.builds() >= 1);
        }
        double dx = maxDiff(a.unwrappedPositions(), b.unwrappedPositions()), dv = maxDiff(a.v, b.v);
        double dBox = Math.max(Math.abs(a.box.lx() - b.box.lx()), Math.max(Math.abs(a.box.ly() - b.box.ly()),
                Math.abs(a.box.lz() - b.box.lz())));
        System.out.printf("opencl vs java after 60 steps (NVT, NPT, tension): max |dx| %.3g Å, |dv| %.3g Å/ps, "
                + "|dL| %.3g Å, lx %.6f -> %.6f%n", dx, dv, dBox, s0.box.lx(), b.box.lx());
        assertTrue(Math.abs(b.box.lx() - s0.box.lx()) > 1e-3, "the box moved");
        assertTrue(dx < 1e-9, "positions " + dx);
        assertTrue(dv < 1e-9, "velocities " + dv);
        assertTrue(dBox < 1e-10, "box " + dBox);
        assertEquals(Thermo.temperature(a), Thermo.temperature(b), 1e-9 * Thermo.temperature(a));
    }

    /**
     * NVE on the device: 768 atoms, PPPM 1e-5, 1 fs, 0.3 ps NVT at 300 K then 0.5 ps NVE; max |E(t) - E(0)| / |E(0)|
     * below 1e-5 (PPPM on the device), the bound of the Java backend's test (IntegratorTest), in double and in mixed precision.
     */
    @Test
    void nveConservesEnergyInDoubleAndMixed() {
        for (boolean mixed : new boolean[] {false, true}) {
            MdState s = ClForcesTest.glass(768, 7);
            try (ClForces cl = ClForcesTest.deviceForces(ClForcesTest.coeffs(s), mixed)) {
                String mode = mixed ? "opencl mixed" : "opencl double";
                double rel = org.glasssoftness.core.md.integrate.IntegratorTest.nveMaxRelativeDeviation(cl, s, mode);
                assertTrue(rel < 1e-5, mode + " NVE deviation " + rel + " relative");
            }
        }
    }

    /**
     * The device-resident integrator (ClVelocityVerlet: positions, velocities, list on the device, synchronised every
     * 10 steps) against the Java VelocityVerlet + NoseHooverChain on the exact kernel: 60 NVT steps at 3000 K then 40
     * NVE steps from the same unrelaxed random packing (it heats to ~4e4 K: atoms move far enough for many device-side
     * wraps and list rebuilds): unwrapped positions to 1e-9 Å, velocities to 1e-9 of the largest, energies at the
     * synchronised steps to 1e-10 relative.
     */
    @Test
    void deviceResidentNvtAndNveFollowTheJavaTrajectory() {
        MdState s0 = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s0);
        VelocityInit.create(s0, 3000, 4);
        MdState a = ClForcesTest.copy(s0);
        java.util.Map<Long, Double> peJava = new java.util.HashMap<>();
        try (ForceEvaluator ev = new ForceEvaluator(c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2, false)) {
            VelocityVerlet nvt = new VelocityVerlet(ev, 0.001, new NoseHooverChain(3000, 3000, 0.1));
            nvt.setup(a);
            nvt.run(a, 60, (st, e) -> peJava.put(st.step, e.pe()), null);
            VelocityVerlet nve = new VelocityVerlet(ev, 0.001, null);
            nve.setup(a);
            nve.run(a, 40, (st, e) -> peJava.put(100 + st.step, e.pe()), null);
        }
        // the CPU default (half list) and the GPU default (full neighbour-major list), both with atoms renumbered
        for (String list : new String[] {"half", "full"}) {
            MdState b = ClForcesTest.copy(s0);
            java.util.Map<Long, Double> peCl = new java.util.HashMap<>();
            long builds = ClForcesTest.withProperty(ClForces.PAIR_LIST_PROPERTY, list, () -> ClForcesTest.withProperty(
                    ClForces.LAYOUT_PROPERTY, list.equals("half") ? "atom" : "neighbour", () -> {
                        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
                            ClVelocityVerlet nvt = new ClVelocityVerlet(cl, 0.001, new NoseHooverChain(3000, 3000, 0.1));
                            nvt.setup(b);
                            nvt.run(b, 60, (st, e) -> { if (e != null) peCl.put(st.step, e.pe()); }, null, step -> step % 10 == 0);
                            ClVelocityVerlet nve = new ClVelocityVerlet(cl, 0.001, null);
                            nve.setup(b);
                            nve.run(b, 40, (st, e) -> { if (e != null) peCl.put(100 + st.step, e.pe()); }, null, step -> step % 10 == 0);
                            return cl.builds();
                        }
                    }));
            double dx = maxDiff(a.unwrappedPositions(), b.unwrappedPositions()), dv = maxDiff(a.v, b.v) / maxAbs(a.v);
            double dPe = 0;
            for (var en : peCl.entrySet()) dPe = Math.max(dPe, Math.abs(en.getValue() - peJava.get(en.getKey())) / Math.abs(peJava.get(en.getKey())));
            System.out.printf("device-resident (%s list) vs java (60 NVT at 3000 K + 40 NVE): max |dx| %.3g Å, |dv|/max|v| "
                    + "%.3g, PE %.3g relative at %d synchronised steps, %d list builds, T %.1f K%n", list, dx, dv, dPe,
                    peCl.size(), builds, Thermo.temperature(b));
            assertEquals(10, peCl.size(), "synchronised at steps 10, 20, .. 60 and 70, .. 100");
            assertTrue(builds >= 3, "list rebuilt on the device: " + builds);
            assertTrue(dx < 1e-9, list + " list: positions " + dx);
            assertTrue(dv < 1e-9, list + " list: velocities (relative to the largest) " + dv);
            assertTrue(dPe < 1e-10, list + " list: PE " + dPe);
        }
    }

    /**
     * The device-resident NPT/tension integrator (ClNoseHooverNpt: positions, velocities, list on the device, barostat
     * and chains on the host from device-reduced kinetic tensor and virial, synchronised every 10 steps) against the
     * Java NoseHooverNpt on the exact kernel from the same start: 20 iso NPT + 20 y/z NPT + 20 tension steps (the box
     * changes every step): unwrapped positions to 1e-10 Å, box lengths to 1e-12 relative, PE at the synchronised
     * steps to 1e-12 relative, the stress-driving pressure path identical (lx, ly, lz moved).
     */
    @Test
    void deviceResidentNptAndTensionFollowTheJavaTrajectory() {
        MdState s0 = ClForcesTest.glass(768, 42);
        PairCoefficients[][] c = ClForcesTest.coeffs(s0);
        VelocityInit.create(s0, 300, 9);
        MdState a = ClForcesTest.copy(s0), b = ClForcesTest.copy(s0);
        double[][] iso = {{1, 1}, {0, 0}, {0, 0}};
        boolean[][] axes = {null, {false, true, true}, {false, true, true}};
        java.util.Map<Long, Double> peJava = new java.util.HashMap<>(), peCl = new java.util.HashMap<>();
        try (ForceEvaluator ev = new ForceEvaluator(c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2, false)) {
            for (int k = 0; k < 3; k++) {
                NoseHooverNpt npt = new NoseHooverNpt(ev, 0.001, 300, 300, 0.1, iso[k][0], iso[k][1], 1.0, k == 0, axes[k]);
                if (k == 2) npt.deformX(0.05);
                npt.setup(a);
                npt.run(a, 20, (st, e) -> peJava.put(st.step, e.pe()), null);
            }
        }
        long builds;
        try (ClForces cl = ClForcesTest.deviceForces(c, false)) {
            for (int k = 0; k < 3; k++) {
                ClNoseHooverNpt npt = new ClNoseHooverNpt(cl, 0.001, 300, 300, 0.1, iso[k][0], iso[k][1], 1.0, k == 0, axes[k]);
                if (k == 2) npt.deformX(0.05);
                npt.setup(b);
                npt.run(b, 20, (st, e) -> { if (e != null) peCl.put(st.step, e.pe()); }, null, step -> step % 10 == 0);
            }
            builds = cl.builds();
        }
        double dx = maxDiff(a.unwrappedPositions(), b.unwrappedPositions()), dv = maxDiff(a.v, b.v) / maxAbs(a.v);
        double[] la = {a.box.lx(), a.box.ly(), a.box.lz()}, lb = {b.box.lx(), b.box.ly(), b.box.lz()},
                l0 = {s0.box.lx(), s0.box.ly(), s0.box.lz()};
        double dL = 0;
        for (int d = 0; d < 3; d++) dL = Math.max(dL, Math.abs(la[d] - lb[d]) / la[d]);
        double dPe = 0;
        for (var en : peCl.entrySet()) dPe = Math.max(dPe, Math.abs(en.getValue() - peJava.get(en.getKey())) / Math.abs(peJava.get(en.getKey())));
        System.out.printf("device-resident NPT vs java (20 iso + 20 y/z + 20 tension): max |dx| %.3g Å, |dv|/max|v| %.3g, "
                + "box %.3g relative, PE %.3g relative at %d synchronised steps, %d list builds, L %.6f %.6f %.6f -> "
                + "%.6f %.6f %.6f%n", dx, dv, dL, dPe, peCl.size(), builds, l0[0], l0[1], l0[2], lb[0], lb[1], lb[2]);
        assertEquals(6, peCl.size(), "synchronised at steps 10, 20, .. 60");
        for (int d = 0; d < 3; d++) assertTrue(Math.abs(lb[d] - l0[d]) > 1e-4, "box axis " + d + " moved");
        assertTrue(dx < 1e-10, "positions " + dx);
        assertTrue(dv < 1e-10, "velocities (relative to the largest) " + dv);
        assertTrue(dL < 1e-12, "box " + dL);
        assertTrue(dPe < 1e-12, "PE " + dPe);
    }
}
