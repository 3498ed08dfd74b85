package org.glasssoftness.core.md.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdSimulationTest {
    static final Map<String, Double> COMP = new LinkedHashMap<>();
    static {
        COMP.put("Li2O", 40.0); COMP.put("B2O3", 30.0); COMP.put("P2O5", 30.0);
    }

    static MdState start() {
        ForceField ff = ForceField.dengDuLiBP();
        MdState s = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(COMP, 768, ff), 2.4, 1.8, 21), ff);
        VelocityInit.create(s, 3000, 4);
        return s;
    }

    static PairCoefficients[][] coeffs(MdState s) {
        return ForceField.dengDuLiBP().resolve(s.speciesNames, COMP, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
    }

    static final List<Stage> STAGES = List.of(
            Stage.nvt("melt", 20, 3000, 3000, 0.1),
            Stage.nvt("cool", 20, 3000, 2000, 0.1),
            Stage.npt("npt", 15, 2000, 2000, 0.1, 0, 0, 1.0, "iso"));

    static final MdSettings SETTINGS = MdSettings.defaults().withThermoEvery(10).withDumpEvery(10).withThreads(2);

    @Test
    void restartFromCheckpointReproducesTheUninterruptedRunBitForBit(@TempDir Path dir) throws Exception {
        MdState a = start();
        ResultTable thermo;
        int frames;
        try (MdSimulation sim = new MdSimulation(a, coeffs(a), SETTINGS)) {
            sim.run(STAGES, Progress.NONE);
            thermo = sim.thermoTable();
            frames = sim.frames().size();
        }
        // thermo rows: step 0, every 10 steps, and the end of the 15-step NPT stage (step 55)
        assertArrayEquals(new long[] {0, 10, 20, 30, 40, 50, 55}, thermo.column("step").longs());
        assertEquals("npt", thermo.column("stage").strings()[6]);
        double[] lx = thermo.column("lx_A").doubles();
        assertTrue(lx[6] != lx[4], "the NPT stage changes the box");
        assertEquals(0.055, thermo.column("time_ps").doubles()[6], 1e-12);
        assertEquals(1 + 5, frames, "frames at step 0 and every 10 steps");
        double[] t = thermo.column("T_K").doubles();
        assertTrue(t[0] > 2900 && t[0] < 3100, "start temperature " + t[0]);

        MdState b = start();
        Path ck = dir.resolve("run.ckpt");
        try (MdSimulation sim = new MdSimulation(b, coeffs(b), SETTINGS)) {
            sim.run(STAGES.subList(0, 1), Progress.NONE);
            MdCheckpoint.write(ck, b, sim.timePs(), 1);
        }
        MdCheckpoint.Content c = MdCheckpoint.read(ck);
        assertEquals(20, c.state().step);
        try (MdSimulation sim = new MdSimulation(c.state(), coeffs(c.state()), SETTINGS)) {
            sim.setTimePs(c.timePs());
            sim.run(STAGES.subList(c.stagesDone(), STAGES.size()), Progress.NONE);
        }
        assertEquals(a.step, c.state().step);
        assertArrayEquals(a.x, c.state().x);
        assertArrayEquals(a.v, c.state().v);
        assertArrayEquals(a.image, c.state().image);
        assertEquals(a.box, c.state().box);
    }

    @Test
    void cancelStopsAtTheNextStepAndKeepsWhatWasRecorded() {
        MdState s = start();
        int[] calls = {0};
        Progress cancelAfter = new Progress() {
            @Override
            public void report(double fraction, String message) { }

            @Override
            public boolean isCanceled() { return ++calls[0] > 12; }
        };
        try (MdSimulation sim = new MdSimulation(s, coeffs(s), SETTINGS)) {
            assertThrows(CancelledException.class, () -> sim.run(STAGES, cancelAfter));
            assertEquals(12, s.step);
            ResultTable t = sim.thermoTable();
            assertArrayEquals(new long[] {0, 10}, t.column("step").longs());
            assertEquals(2, sim.frames().size());
        }
    }

    /** Tension at zero strain rate is exactly the y/z NPT run; at 0.05/ps the strain column is rate x time. */
    @Test
    void tensionStagesAndStressStrainTable() {
        MdState a = start(), b = start(), c = start();
        MdSettings set = MdSettings.defaults().withThermoEvery(5).withThreads(2);
        try (MdSimulation sa = new MdSimulation(a, coeffs(a), set); MdSimulation sb = new MdSimulation(b, coeffs(b), set);
             MdSimulation sc = new MdSimulation(c, coeffs(c), set)) {
            sa.run(List.of(Stage.tension("t", 10, 2000, 0.1, 0, 1.0, 0.0)), Progress.NONE);
            sb.run(List.of(Stage.npt("t", 10, 2000, 2000, 0.1, 0, 0, 1.0, "yz")), Progress.NONE);
            assertArrayEquals(a.x, b.x);
            assertEquals(a.box, b.box);
            double lx0 = c.box.lx();
            sc.run(List.of(Stage.tension("pull", 10, 2000, 0.1, 0, 1.0, 0.05)), Progress.NONE);
            assertEquals(lx0 * (1 + 0.05 * 0.010), c.box.lx(), 1e-12);
            ResultTable ss = sc.stressStrainTable();
            assertArrayEquals(new long[] {0, 5, 10}, ss.column("step").longs());
            double[] strain = ss.column("strain").doubles();
            assertEquals(0, strain[0], 1e-15);
            assertEquals(0.05 * 0.005, strain[1], 1e-12);
            assertEquals(0.05 * 0.010, strain[2], 1e-12);
        }
    }

    @Test
    void replicationDoublesTheEnergyAndRepeatsTheForces() {
        MdState a = start();
        MdState b = a.replicateX(2);
        assertEquals(2 * a.n, b.n);
        assertEquals(2 * a.box.lx(), b.box.lx(), 1e-12);
        try (org.glasssoftness.core.md.ForceEvaluator ea = new org.glasssoftness.core.md.ForceEvaluator(coeffs(a), 10, 2,
                new org.glasssoftness.core.md.kspace.Ewald(1e-6, 10), 2);
             org.glasssoftness.core.md.ForceEvaluator eb = new org.glasssoftness.core.md.ForceEvaluator(coeffs(b), 10, 2,
                new org.glasssoftness.core.md.kspace.Ewald(1e-6, 10), 2)) {
            double pa = ea.compute(a).pe(), pb = eb.compute(b).pe();
            assertEquals(2 * pa, pb, 1e-6 * Math.abs(pb));
            double d = 0, r = 0;
            for (int i = 0; i < 3 * a.n; i++) {
                d += Math.pow(a.f[i] - b.f[i], 2) + Math.pow(a.f[i] - b.f[i + 3 * a.n], 2);
                r += 2 * a.f[i] * a.f[i];
            }
            assertTrue(Math.sqrt(d / r) < 1e-5, "forces of the copies " + Math.sqrt(d / r));
        }
    }
}
