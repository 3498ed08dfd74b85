package org.glasssoftness.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;

class MeanSquaredDisplacementTest {
    private static final double[] L = {10, 11, 12};

    /**
     * Li atoms move on straight lines at constant velocity (crossing the periodic faces many times), B atoms stay put.
     * mode 0: wrapped positions only; 1: wrapped + image flags; 2: unwrapped xu yu zu.
     */
    private static Trajectory straightLines(int mode, double[] vOut) {
        Random r = new Random(17);
        int n = 20;
        Box box = Box.orthogonal(0, L[0], 0, L[1], 0, L[2]);
        double[] p0 = TestFrames.randomInBox(box, n, 4);
        double[] v = new double[3 * n]; // Å/ps
        String[] sp = new String[n];
        for (int i = 0; i < n; i++) {
            sp[i] = i % 2 == 0 ? "Li" : "B";
            if (i % 2 == 0) for (int d = 0; d < 3; d++) v[3 * i + d] = 8 * (r.nextDouble() - 0.5);
        }
        System.arraycopy(v, 0, vOut, 0, v.length);
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            double t = f * 0.1; // frames every 100 steps of 1 fs
            double[] u = new double[3 * n], w = new double[3 * n];
            int[] im = new int[3 * n];
            for (int k = 0; k < 3 * n; k++) {
                u[k] = p0[k] + v[k] * t;
                im[k] = (int) Math.floor(u[k] / L[k % 3]);
                w[k] = u[k] - im[k] * L[k % 3];
            }
            long step = 1000 + 100L * f;
            frames.add(switch (mode) {
                case 0 -> TestFrames.frame(step, box, sp, w, false, null);
                case 1 -> TestFrames.frame(step, box, sp, w, false, im);
                default -> TestFrames.frame(step, box, sp, u, true, null);
            });
        }
        return Trajectory.of(frames);
    }

    @Test
    void straightLineMotionIsExact() throws IOException {
        for (int mode = 0; mode < 3; mode++) {
            double[] v = new double[60];
            MeanSquaredDisplacement.Result r = new MeanSquaredDisplacement(MeanSquaredDisplacement.Settings.defaults())
                    .compute(straightLines(mode, v), Progress.NONE);
            assertEquals(mode > 0, r.unwrapped());
            double v2 = 0;
            for (int i = 0; i < 20; i += 2) v2 += v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2];
            v2 /= 10;
            double[] li = r.msdOf("Li");
            for (int k = 0; k < 40; k++) {
                double t = 0.1 * k;
                assertEquals(t, r.timePs()[k], 1e-12);
                assertEquals(v2 * t * t, li[k], 1e-9 * (1 + v2 * t * t), "mode " + mode + " frame " + k);
                assertEquals(0.0, r.msdOf("B")[k], 1e-20);
            }
            // per atom at the last frame: |v_i|^2 t^2
            double t = 3.9;
            int q = 0;
            assertEquals(1L, r.ids()[q]);
            assertEquals((v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) * t * t, r.atomMsd()[q], 1e-9);
            assertEquals(List.of("Li", "B"), r.species());
            assertEquals(40, r.table().rowCount());
            assertEquals(20, r.atomTable().rowCount());
        }
    }

    @Test
    void speciesSelectionAndStride() throws IOException {
        double[] v = new double[60];
        MeanSquaredDisplacement.Result r = new MeanSquaredDisplacement(MeanSquaredDisplacement.Settings.defaults()
                .withSpecies(List.of("Li")).withFrames(2, 30, 4).withTimestepPs(0.002)).compute(straightLines(2, v), Progress.NONE);
        assertEquals(List.of("Li"), r.species());
        assertArrayEquals(new int[] {2, 6, 10, 14, 18, 22, 26, 30}, r.frame());
        assertEquals(0.4 * 2 * 7, r.timePs()[7], 1e-12); // 7 * 400 steps * 0.002 ps
        assertEquals(10, r.ids().length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MeanSquaredDisplacement(
                MeanSquaredDisplacement.Settings.defaults().withSpecies(List.of("Na"))).compute(straightLines(0, v), Progress.NONE));
        assertTrue(e.getMessage().contains("'Na'"), e.getMessage());
    }

    @Test
    void diffusionFitRecoversKnownSlopeInWindow() {
        // ballistic t^2 below 1 ps, then 6 D t + c with D = 0.035 Å^2/ps; the window [2, 10] sees only the line.
        double d = 0.035, c = 0.7;
        double[] t = new double[101], msd = new double[101];
        for (int k = 0; k <= 100; k++) {
            t[k] = 0.1 * k;
            msd[k] = t[k] < 1 ? c * t[k] * t[k] : 6 * d * t[k] + c - 6 * d;
        }
        DiffusionFit.Fit f = DiffusionFit.fit("Li", t, msd, 2.0, 10.0);
        assertEquals(6 * d, f.slopeA2PerPs(), 1e-12);
        assertEquals(d, f.diffusionA2PerPs(), 1e-12);
        assertEquals(d * 1e-4, f.diffusionCm2PerS(), 1e-16);
        assertEquals(c - 6 * d, f.interceptA2(), 1e-11);
        assertEquals(1.0, f.rSquared(), 1e-12);
        assertEquals(81, f.points());
        // the whole range includes the ballistic part: slope differs, fit is not perfect
        DiffusionFit.Fit all = DiffusionFit.fit("Li", t, msd, Double.NaN, Double.NaN);
        assertFalse(Math.abs(all.slopeA2PerPs() - 6 * d) < 1e-6);
        assertTrue(all.rSquared() < 1.0);
        assertThrows(IllegalArgumentException.class, () -> DiffusionFit.fit("Li", t, msd, 20, 30));
        assertEquals(1, DiffusionFit.table(List.of(f)).rowCount());
    }
}
