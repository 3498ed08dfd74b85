package org.glasssoftness.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

class CumulativeNonAffineDisplacementTest {

    private static final String[] OCTA = {"Li", "O", "O", "O", "O", "O", "O"};

    private static double[] octahedron(double a, double[] centreShift) {
        double c = 50;
        return new double[] {c + centreShift[0], c + centreShift[1], c + centreShift[2],
                c + a, c, c, c - a, c, c, c, c + a, c, c, c - a, c, c, c, c + a, c, c, c - a};
    }

    @Test
    void centreOutAndBackGivesHandComputedSum() throws IOException {
        // Interval 1: centre moves by delta in a symmetric shell: D2min = |delta|^2.
        // Interval 2: it moves back. With c = 2a^2, Y = c I + 6 delta delta^T, X = c I, and Sherman-Morrison gives
        // D2min = c |delta|^2 / (c + 6 |delta|^2).
        double a = 2, c = 2 * a * a;
        double[] delta = {0.3, 0, 0.4};
        double d2 = 0.25;
        Box box = Box.cubic(100);
        Trajectory t = Trajectory.of(List.of(
                TestFrames.frame(0, box, OCTA, octahedron(a, new double[3]), false, null),
                TestFrames.frame(100, box, OCTA, octahedron(a, delta), false, null),
                TestFrames.frame(200, box, OCTA, octahedron(a, new double[3]), false, null)));
        CumulativeNonAffineDisplacement.Result r = new CumulativeNonAffineDisplacement(
                CumulativeNonAffineDisplacement.Settings.defaults().withCutoff(3.0)).compute(t, Progress.NONE);
        assertEquals(2, r.intervals());
        assertArrayEquals(new long[] {1}, r.ids());
        double expected = Math.sqrt(d2) + Math.sqrt(c * d2 / (c + 6 * d2));
        assertEquals(expected, r.dcum()[0], 1e-13);
        assertEquals(0, r.degenerateIntervals()[0]);
        assertArrayEquals(new long[] {100, 200}, r.curveTimestep());
        assertEquals(0.5, r.curveMeanDcum()[0], 1e-13);
        // the stride-2 interval is the identity: D_cum = 0
        CumulativeNonAffineDisplacement.Result s = new CumulativeNonAffineDisplacement(
                CumulativeNonAffineDisplacement.Settings.defaults().withCutoff(3.0).withFrames(0, -1, 2))
                .compute(t, Progress.NONE);
        assertEquals(1, s.intervals());
        assertEquals(0.0, s.dcum()[0], 1e-13);
    }

    /** Random small glass-like system: thermal noise plus drift, wrapped into an orthogonal box without images. */
    private static Trajectory randomTrajectory(int n, int frames, long seed) {
        Random r = new Random(seed);
        Box box = Box.orthogonal(0, 12, 0, 12.5, 0, 11.5);
        double[] l = {12, 12.5, 11.5};
        double[] home = TestFrames.randomInBox(box, n, seed);
        String[] sp = new String[n];
        for (int i = 0; i < n; i++) sp[i] = i % 3 == 0 ? "Li" : (i % 3 == 1 ? "O" : "B");
        List<Frame> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            double[] p = new double[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                home[i] += 0.05 * r.nextGaussian(); // slow drift
                double x = home[i] + 0.15 * r.nextGaussian();
                p[i] = x - Math.floor(x / l[i % 3]) * l[i % 3];
            }
            out.add(TestFrames.frame(10L * f, box, sp, p, false, null));
        }
        return Trajectory.of(out);
    }

    /** Straightforward reference: all pairs by minimum image, J from commons-math LU, residual summed. */
    private static double referenceD2min(Frame f0, Frame f1, int k, double cutoff) {
        List<double[]> v0 = new ArrayList<>(), v1 = new ArrayList<>();
        for (int j = 0; j < f0.atomCount(); j++) {
            if (j == k) continue;
            double[] a = new double[3], b = new double[3];
            for (int d = 0; d < 3; d++) {
                a[d] = f0.positions()[3 * j + d] - f0.positions()[3 * k + d];
                b[d] = f1.positions()[3 * j + d] - f1.positions()[3 * k + d];
            }
            f0.box().minimumImage(a, 0);
            f1.box().minimumImage(b, 0);
            if (a[0] * a[0] + a[1] * a[1] + a[2] * a[2] < cutoff * cutoff) {
                v0.add(a);
                v1.add(b);
            }
        }
        RealMatrix y = new Array2DRowRealMatrix(3, 3), x = new Array2DRowRealMatrix(3, 3);
        for (int i = 0; i < v0.size(); i++) {
            y = y.add(new Array2DRowRealMatrix(v0.get(i)).multiply(new Array2DRowRealMatrix(v0.get(i)).transpose()));
            x = x.add(new Array2DRowRealMatrix(v1.get(i)).multiply(new Array2DRowRealMatrix(v0.get(i)).transpose()));
        }
        RealMatrix j = x.multiply(new LUDecomposition(y).getSolver().getInverse());
        double sum = 0;
        for (int i = 0; i < v0.size(); i++) {
            double[] jd = j.operate(v0.get(i));
            for (int d = 0; d < 3; d++) sum += (v1.get(i)[d] - jd[d]) * (v1.get(i)[d] - jd[d]);
        }
        return sum / v0.size();
    }

    @Test
    void matchesStraightforwardReferenceAndDoesNotDependOnThreads() throws IOException {
        Trajectory t = randomTrajectory(180, 6, 42);
        CumulativeNonAffineDisplacement.Settings st = CumulativeNonAffineDisplacement.Settings.defaults()
                .withLabel(MobilityLabel.topFraction(0.3));
        CumulativeNonAffineDisplacement.Result one = new CumulativeNonAffineDisplacement(st.withThreads(1)).compute(t, Progress.NONE);
        CumulativeNonAffineDisplacement.Result three = new CumulativeNonAffineDisplacement(st.withThreads(3)).compute(t, Progress.NONE);
        assertArrayEquals(one.dcum(), three.dcum(), 0.0);
        assertEquals(60, one.ids().length);
        assertEquals(0, one.totalDegenerate());
        for (int q = 0; q < one.ids().length; q++) {
            int k = t.frame(0).indexOfId(one.ids()[q]);
            double ref = 0;
            for (int f = 1; f < 6; f++) ref += Math.sqrt(referenceD2min(t.frame(f - 1), t.frame(f), k, 4.0));
            assertEquals(ref, one.dcum()[q], 1e-10, "id " + one.ids()[q]);
        }
        // top 30 % of 60 atoms = 18 mobile, and every mobile D_cum exceeds every immobile one
        assertEquals(18, one.mobileCount());
        double minMobile = MobilityLabel.smallestMobileScore(one.dcum(), one.mobile());
        for (int q = 0; q < 60; q++) if (one.mobile()[q] == 0) assertTrue(one.dcum()[q] < minMobile);
        ResultTable tab = one.table();
        assertEquals(60, tab.rowCount());
        assertEquals("mobile", tab.column("class").strings()[indexOfMobile(one)]);
    }

    private static int indexOfMobile(CumulativeNonAffineDisplacement.Result r) {
        for (int q = 0; q < r.mobile().length; q++) if (r.mobile()[q] == 1) return q;
        return -1;
    }

    @Test
    void thresholdLabel() {
        int[] l = MobilityLabel.threshold(2.0).apply(new double[] {1, 2, 3, 2.5}, new long[] {1, 2, 3, 4});
        assertArrayEquals(new int[] {0, 0, 1, 1}, l);
        // ties at the top-fraction boundary go to the lower id
        int[] m = MobilityLabel.topFraction(0.5).apply(new double[] {1, 5, 3, 3}, new long[] {4, 3, 2, 1});
        assertArrayEquals(new int[] {0, 1, 0, 1}, m);
        assertEquals(MobilityLabel.topFraction(0.3), MobilityLabel.parse("top:0.3"));
        assertEquals(MobilityLabel.threshold(360), MobilityLabel.parse("threshold:360"));
        assertThrows(IllegalArgumentException.class, () -> MobilityLabel.topFraction(1.5));
    }

    @Test
    void badInputNamesTheFrame() {
        Box box = Box.cubic(100);
        Frame f0 = TestFrames.frame(0, box, OCTA, octahedron(2, new double[3]), false, null);
        CumulativeNonAffineDisplacement d = new CumulativeNonAffineDisplacement(
                CumulativeNonAffineDisplacement.Settings.defaults().withCutoff(3.0));
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> d.compute(Trajectory.of(List.of(f0)), Progress.NONE));
        assertTrue(single.getMessage().contains("single frame"), single.getMessage());

        long[] otherIds = {1, 2, 3, 4, 5, 6, 9};
        Frame bad = new Frame(20, box, otherIds, null, f0.speciesNames(), f0.species(), f0.positions(), false, null, null, null);
        IllegalArgumentException ids = assertThrows(IllegalArgumentException.class,
                () -> d.compute(Trajectory.of(List.of(f0, f0, bad)), Progress.NONE));
        assertTrue(ids.getMessage().contains("frame 2 (timestep 20)"), ids.getMessage());
        assertTrue(ids.getMessage().contains("id 9"), ids.getMessage());

        IllegalArgumentException sp = assertThrows(IllegalArgumentException.class,
                () -> new CumulativeNonAffineDisplacement(CumulativeNonAffineDisplacement.Settings.defaults().withSpecies("Na"))
                        .compute(Trajectory.of(List.of(f0, f0)), Progress.NONE));
        assertTrue(sp.getMessage().contains("'Na'") && sp.getMessage().contains("frame 0"), sp.getMessage());
    }
}
