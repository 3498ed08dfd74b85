package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * MdSimulation's NPT and tension stages on the OpenCL backend (device-resident ClNoseHooverNpt, synchronised at the
 * thermo steps) against the Java backend (exact pair kernel, Java PPPM) from the same start: thermo rows (PE, box, pressure tensor) and the
 * stress-strain table agree to 1e-10 relative, the final positions to 1e-10 Å.
 */
class ClMdSimulationNptTest {
    static final List<Stage> STAGES = List.of(Stage.npt("npt", 20, 300, 300, 0.1, 1, 1, 1.0, "iso"),
            Stage.tension("pull", 20, 300, 0.1, 0, 1.0, 0.05));

    static final MdSettings SETTINGS = new MdSettings(10.0, 2.0, "pppm", 1e-5, 0.001, 10, 0, 2, "opencl",
            MdSettings.PRECISION_DOUBLE);

    /** The OpenCL backend as MdSimulation opens it (device PPPM: the device-resident path). */
    static MdSimulation runOpenCl(MdState s) {
        MdSimulation sim = new MdSimulation(s, ClForcesTest.coeffs(s), SETTINGS);
        assertEquals("opencl", sim.backend(), sim.backendDescription() + " " + sim.backendWarning());
        sim.run(STAGES, Progress.NONE);
        return sim;
    }

    /** The Java backend with the exact pair kernel (MdSimulation's own Java backend uses the tabulated one). */
    static MdSimulation runJava(MdState s) {
        MdSimulation sim = new MdSimulation(s, new ForceEvaluator(ClForcesTest.coeffs(s), 10.0, 2.0,
                new Pppm(1e-5, 10.0, 5, 2), 2, false), SETTINGS);
        sim.run(STAGES, Progress.NONE);
        return sim;
    }

    @Test
    void nptAndTensionStagesMatchTheJavaBackend() {
        MdState s0 = ClForcesTest.glass(768, 42);
        VelocityInit.create(s0, 300, 9);
        MdState a = ClForcesTest.copy(s0), b = ClForcesTest.copy(s0);
        try (MdSimulation java = runJava(a); MdSimulation cl = runOpenCl(b)) {
            ResultTable ta = java.thermoTable(), tb = cl.thermoTable();
            assertArrayEquals(ta.column("step").longs(), tb.column("step").longs());
            assertEquals(6, tb.column("step").longs().length, "rows at steps 0, 10, 20, the tension start 20, 30, 40");
            double worst = 0;
            for (String col : new String[] {"PE_eV", "lx_A", "ly_A", "lz_A", "Pxx_bar", "Pyy_bar", "Pzz_bar"}) {
                double[] x = ta.column(col).doubles(), y = tb.column(col).doubles();
                for (int i = 0; i < x.length; i++) {
                    double d = Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(x[i]));
                    worst = Math.max(worst, d);
                    assertTrue(d < 1e-10, col + " row " + i + ": " + x[i] + " vs " + y[i]);
                }
            }
            double[] sa = java.stressStrainTable().column("sigma_xx_GPa").doubles(),
                    sb = cl.stressStrainTable().column("sigma_xx_GPa").doubles();
            assertEquals(3, sb.length);
            for (int i = 0; i < sa.length; i++) assertEquals(sa[i], sb[i], 1e-10 * Math.max(1, Math.abs(sa[i])));
            double dx = ClTrajectoryTest.maxDiff(a.unwrappedPositions(), b.unwrappedPositions());
            System.out.printf("MdSimulation NPT + tension, opencl vs java: thermo %.3g relative, positions %.3g Å%n", worst, dx);
            assertTrue(dx < 1e-10, "positions " + dx);
            assertTrue(Math.abs(b.box.lx() - s0.box.lx()) > 1e-3, "the box moved");
        }
    }
}
