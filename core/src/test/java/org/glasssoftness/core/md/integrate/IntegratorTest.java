package org.glasssoftness.core.md.integrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.model.Frame;
import org.junit.jupiter.api.Test;

public class IntegratorTest {
    static MdState glass(int atoms, long seed) {
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        Frame f = GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, seed);
        return MdState.fromFrame(f, ff);
    }

    static PairCoefficients[][] coeffs(MdState s) {
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        return ForceField.dengDuLiBP().resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
    }

    /**
     * The NVE protocol of the energy-conservation tests: 300 K velocities (seed 11), 0.3 ps NVT at 300 K, then 0.5 ps
     * NVE at 1 fs; returns max |E(t) - E(0)| / |E(0)| over the NVE steps (printed with {@code label}).
     */
    public static double nveMaxRelativeDeviation(org.glasssoftness.core.md.Forces forces, MdState s, String label) {
        VelocityInit.create(s, 300, 11);
        VelocityVerlet nvt = new VelocityVerlet(forces, 0.001, new NoseHooverChain(300, 300, 0.1));
        nvt.setup(s);
        nvt.run(s, 300, null, null);
        VelocityVerlet nve = new VelocityVerlet(forces, 0.001, null);
        ForceEvaluator.Energies e0 = nve.setup(s);
        double etot0 = e0.pe() + Thermo.kinetic(s);
        double[] maxDev = {0};
        nve.run(s, 500, (st, e) -> maxDev[0] = Math.max(maxDev[0], Math.abs(e.pe() + Thermo.kinetic(st) - etot0)), null);
        System.out.printf("%s NVE: E0 %.6f eV, max |E - E0| %.3g eV = %.3g of KE, %.3g relative%n", label, etot0,
                maxDev[0], maxDev[0] / Thermo.kinetic(s), maxDev[0] / Math.abs(etot0));
        return maxDev[0] / Math.abs(etot0);
    }

    /**
     * NVE: a 768-atom LiBP glass (PPPM 1e-5, 1 fs), first 0.3 ps NVT at 300 K to leave the random packing, then
     * 0.5 ps NVE. Criterion: max |E(t) - E(0)| / |E(0)| below 1e-5 (measured about 2e-6 here; the 10 ps
     * criterion of 1e-4 is checked by the benchmark run, too long for a unit test).
     */
    @Test
    void nveConservesEnergy() {
        MdState s = glass(768, 7);
        try (ForceEvaluator ev = new ForceEvaluator(coeffs(s), 10.0, 2.0, new Pppm(1e-5, 10.0), 2)) {
            double rel = nveMaxRelativeDeviation(ev, s, "java");
            assertTrue(rel < 1e-5, "NVE energy deviation " + rel + " relative");
        }
    }

    /**
     * NVT: 2000 uncharged atoms with the O-O Buckingham pair (5 Å cutoff, cheap), Nose-Hoover chain at 300 K,
     * Tdamp 0.1 ps; after 1 ps of equilibration the mean temperature over 4 ps must be within 1 % of the target
     * (statistical error of the mean about 0.3 % for this size).
     */
    @Test
    void noseHooverChainHoldsMeanTemperature() {
        int n = 2000;
        ForceField ff = ForceField.dengDuLiBP();
        java.util.List<String> names = java.util.List.of("O");
        PairCoefficients[][] c = ff.resolve(names, Map.of(), BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        Frame f = GlassBuilder.randomPacking(Map.of("O", n), 1.6, 2.2, 3);
        MdState s = new MdState(f.box(), f.ids(), names, new int[n], new double[n], filled(n, 15.9994), f.positions().clone(), null, null);
        try (ForceEvaluator ev = new ForceEvaluator(c, 5.0, 1.0, null, 2)) {
            VelocityInit.create(s, 300, 5);
            VelocityVerlet nvt = new VelocityVerlet(ev, 0.002, new NoseHooverChain(300, 300, 0.1));
            nvt.setup(s);
            nvt.run(s, 500, null, null);
            double[] sum = {0};
            int[] cnt = {0};
            nvt.run(s, 2000, (st, e) -> { sum[0] += Thermo.temperature(st); cnt[0]++; }, null);
            double mean = sum[0] / cnt[0];
            System.out.printf("NVT mean T %.3f K over %d steps%n", mean, cnt[0]);
            assertEquals(300, mean, 3.0);
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void velocityInitIsSeededWithZeroMomentumAndExactTemperature() {
        MdState a = glass(200, 1), b = glass(200, 1);
        VelocityInit.create(a, 1234, 99);
        VelocityInit.create(b, 1234, 99);
        assertArrayEquals(a.v, b.v);
        assertEquals(1234, Thermo.temperature(a), 1e-9);
        double px = 0, py = 0, pz = 0;
        for (int i = 0; i < a.n; i++) { px += a.mass[i] * a.v[3 * i]; py += a.mass[i] * a.v[3 * i + 1]; pz += a.mass[i] * a.v[3 * i + 2]; }
        assertEquals(0, px, 1e-9); assertEquals(0, py, 1e-9); assertEquals(0, pz, 1e-9);
    }

    /** FIRE on the random packing: energy falls by several eV per atom and a 300 K start then stays cool. */
    @Test
    void fireMinimisationRemovesThePackingExcessEnergy() {
        MdState s = glass(768, 9);
        try (ForceEvaluator ev = new ForceEvaluator(coeffs(s), 10.0, 2.0, new Pppm(1e-5, 10.0), 2)) {
            double e0 = ev.compute(s).pe();
            FireMinimizer.Result r = new FireMinimizer(ev, 0.001, 0.1).minimize(s, 300, 0.05, null);
            System.out.printf("FIRE: PE %.3f -> %.3f eV in %d steps, max force %.4g eV/A%n", e0, r.energy(), r.steps(), r.maxForce());
            assertTrue(r.energy() < e0 - 5.0 * s.n, "energy drop per atom " + (e0 - r.energy()) / s.n);
            VelocityInit.create(s, 300, 2);
            VelocityVerlet nvt = new VelocityVerlet(ev, 0.001, new NoseHooverChain(300, 300, 0.1));
            nvt.setup(s);
            double[] tMax = {0};
            nvt.run(s, 100, (st, e) -> tMax[0] = Math.max(tMax[0], Thermo.temperature(st)), null);
            System.out.printf("after FIRE: max T over 100 NVT steps %.1f K%n", tMax[0]);
            assertTrue(tMax[0] < 2000, "max temperature " + tMax[0]);
        }
    }
}
