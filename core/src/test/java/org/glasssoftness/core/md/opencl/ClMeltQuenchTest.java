package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.structure.CoordinationAnalysis;
import org.junit.jupiter.api.Test;

/**
 * A short melt-quench of a small 40Li2O-30B2O3-30P2O5 glass on both backends, several seeds each (independent seeds:
 * Java 1-3, OpenCL 11-13): the final density and the [4]B fraction (B-O 2.0 Å, averaged over the frames of the last
 * anneal) must agree within the error bars: |mean_cl - mean_java| below 4 combined standard errors of the seed means.
 * 200 atoms, cutoff 6 Å (the box is 13 Å), PPPM 1e-5; FIRE 50 steps, 0.4 ps NVT at 3000 K, 0.8 ps NPT (0 bar)
 * cooling 3000 -> 300 K, 0.3 ps NVT at 300 K with a frame every 100 steps (an absurd quench rate: the test compares
 * the backends on the same protocol, it does not make a realistic glass).
 */
class ClMeltQuenchTest {
    static final List<Stage> STAGES = List.of(Stage.nvt("melt", 400, 3000, 3000, 0.1),
            Stage.npt("quench", 800, 3000, 300, 0.1, 0, 0, 1.0, "iso"), Stage.nvt("anneal", 300, 300, 300, 0.1));

    /** density (g/cm^3) at the end, mean [4]B fraction over the anneal frames. */
    static double[] run(String backend, long seed) throws Exception {
        MdState s = ClForcesTest.glass(200, seed);
        MdSettings set = new MdSettings(6.0, 2.0, "pppm", 1e-5, 0.001, 100, 100, 2, backend, MdSettings.PRECISION_DOUBLE);
        try (MdSimulation sim = new MdSimulation(s, ClForcesTest.coeffs(s), set)) {
            assertEquals(backend, sim.backend(), "backend that ran: " + sim.backendDescription() + " " + sim.backendWarning());
            sim.minimize(50, 0.05, Progress.NONE);
            VelocityInit.create(s, 3000, seed);
            sim.run(STAGES, Progress.NONE);
            double[] rho = sim.thermoTable().column("density_g_cm3").doubles();
            // frames of the anneal: the last 4 recorded (its steps 0, 100, 200, 300)
            List<org.glasssoftness.core.model.Frame> fr = sim.frames();
            List<org.glasssoftness.core.model.Frame> anneal = fr.subList(fr.size() - 4, fr.size());
            if (Boolean.getBoolean("meltquench.debug")) {
                for (org.glasssoftness.core.model.Frame f : anneal) {
                    System.out.println(backend + " frame step " + f.timestep() + " " + new CoordinationAnalysis(
                            CoordinationAnalysis.Settings.defaults().withThreads(1)).compute(f).summary());
                }
            }
            java.util.Map<String, Double> summary = new CoordinationAnalysis(CoordinationAnalysis.Settings.defaults()
                    .withThreads(1)).compute(Trajectory.of(anneal), FrameSelection.all(), Progress.NONE).summary();
            double b4 = summary.getOrDefault("fraction_[4]B", 0.0); // absent: no fourfold boron in these frames
            return new double[] {rho[rho.length - 1], b4};
        }
    }

    @Test
    void densityAndFourfoldBoronAgreeWithTheJavaBackend() throws Exception {
        ClTestSupport.open().close(); // a device must be there (or the test is skipped when optional)
        int seeds = Integer.getInteger("meltquench.seeds", 3);
        double[][] java = new double[seeds][], cl = new double[seeds][];
        for (int k = 0; k < seeds; k++) {
            long t0 = System.nanoTime();
            java[k] = run(MdSettings.BACKEND_JAVA, 1 + k);
            long t1 = System.nanoTime();
            cl[k] = run(MdSettings.BACKEND_OPENCL, 11 + k);
            System.out.printf("seed %d: java density %.4f [4]B %.4f (%.1f s), opencl density %.4f [4]B %.4f (%.1f s)%n", k,
                    java[k][0], java[k][1], (t1 - t0) / 1e9, cl[k][0], cl[k][1], (System.nanoTime() - t1) / 1e9);
        }
        String[] what = {"density (g/cm^3)", "[4]B fraction"};
        for (int q = 0; q < 2; q++) {
            double[] a = new double[seeds], b = new double[seeds];
            for (int k = 0; k < seeds; k++) { a[k] = java[k][q]; b[k] = cl[k][q]; }
            double ma = mean(a), mb = mean(b), se = Math.sqrt(var(a) / seeds + var(b) / seeds);
            System.out.printf("melt-quench %s: java %.4f +- %.4f, opencl %.4f +- %.4f (difference %.2f combined SE)%n",
                    what[q], ma, Math.sqrt(var(a) / seeds), mb, Math.sqrt(var(b) / seeds), Math.abs(ma - mb) / se);
            assertTrue(se > 0, "the seeds must differ");
            assertTrue(Math.abs(ma - mb) < 4 * se, what[q] + ": java " + ma + " opencl " + mb + " se " + se);
        }
        // the quantities are not degenerate: boron partly fourfold on both backends
        assertTrue(mean(new double[] {cl[0][1], cl[1][1], cl[2][1]}) > 0.02, "some [4]B on the device");
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }

    static double var(double[] a) {
        double m = mean(a), s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return s / (a.length - 1);
    }
}
