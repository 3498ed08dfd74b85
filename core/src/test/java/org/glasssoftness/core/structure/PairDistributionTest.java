package org.glasssoftness.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.TestFrames;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;

class PairDistributionTest {

    /** Running coordination at r (upper bin edge index = r/dr - 1). */
    private static double cnAt(RdfResult res, String a, String b, double r) {
        int k = (int) Math.round(r / res.dr()) - 1;
        return res.runningCoordination(a, b)[k];
    }

    @Test
    void handComputedThreeAtoms() {
        // A at origin, B at 1.2 Å along x, A at 2.6 Å along y, in a 10 Å cube: pairs A-B 1.2, A-A 2.6, A-B |(1.2,-2.6)|
        Box box = Box.cubic(10);
        Frame f = TestFrames.frame(box, List.of("A", "B"), new int[] {0, 1, 0},
                new double[] {1, 1, 1, 2.2, 1, 1, 1, 3.6, 1});
        RdfResult res = new PairDistribution(4.0, 0.5, false, 1).compute(f);
        double rab2 = Math.sqrt(1.2 * 1.2 + 2.6 * 2.6); // 2.8636 -> bin 5
        double[] gAB = res.partial("A", "B");
        double[] gAA = res.partial("A", "A");
        double v = 1000;
        // A-B: ordered (A,B) pairs: 1 at 1.2 (bin 2) and 1 at 2.86 (bin 5); N_A = 2, N_B = 1
        double shell2 = 4.0 / 3 * Math.PI * (1.5 * 1.5 * 1.5 - 1.0);
        double shell5 = 4.0 / 3 * Math.PI * (3.0 * 3.0 * 3.0 - 2.5 * 2.5 * 2.5);
        assertEquals(1 * v / (2 * 1 * shell2), gAB[2], 1e-12);
        assertEquals(1 * v / (2 * 1 * shell5), gAB[5], 1e-12);
        assertEquals(5, (int) (rab2 / 0.5));
        // A-A: 2 ordered pairs at 2.6 (bin 5), partners N_A - 1 = 1
        assertEquals(2 * v / (2 * 1 * shell5), gAA[5], 1e-12);
        double sum = 0;
        for (double x : gAA) sum += x;
        assertEquals(gAA[5], sum, 1e-12);
        // B-B has no partner at all: undefined
        assertTrue(Double.isNaN(res.partial("B", "B")[0]));
        assertArrayEquals(new double[] {0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75}, res.r(), 1e-15);
        // running coordination: B around A reaches 1 (2 pairs / 2 A atoms); A around B reaches 2
        assertEquals(0.5, cnAt(res, "A", "B", 1.5), 1e-15);
        assertEquals(1.0, cnAt(res, "A", "B", 4.0), 1e-15);
        assertEquals(2.0, cnAt(res, "B", "A", 4.0), 1e-15);
        assertEquals(1.0, cnAt(res, "A", "A", 4.0), 1e-15);
        assertEquals(3 / v, res.numberDensity(), 1e-15);
    }

    @Test
    void fccShellsAndCoordination() {
        double a = 4.0;
        Frame f = TestFrames.fcc(Box.cubic(3 * a), a, "Cu");
        assertEquals(108, f.atomCount());
        RdfResult res = new PairDistribution(6.0, 0.05, false, 1).compute(f);
        // shells: 12 at a/sqrt2 = 2.83, 6 at a = 4, 24 at a sqrt(3/2) = 4.90, 12 at a sqrt2 = 5.66
        assertEquals(0, cnAt(res, "Cu", "Cu", 2.8), 1e-12);
        assertEquals(12, cnAt(res, "Cu", "Cu", 3.5), 1e-12);
        assertEquals(18, cnAt(res, "Cu", "Cu", 4.5), 1e-12);
        assertEquals(42, cnAt(res, "Cu", "Cu", 5.5), 1e-12);
        assertEquals(54, cnAt(res, "Cu", "Cu", 6.0), 1e-12);
        // g in the first-shell bin [2.80, 2.85): 12 N ordered pairs over N (N-1)/V times the shell volume
        double[] g = res.partial("Cu", "Cu");
        int k = (int) (a / Math.sqrt(2) / 0.05);
        double shell = 4.0 / 3 * Math.PI * (Math.pow((k + 1) * 0.05, 3) - Math.pow(k * 0.05, 3));
        assertEquals(12.0 * 108 * Math.pow(3 * a, 3) / (108.0 * 107 * shell), g[k], 1e-9);
        assertEquals(g[k], res.total()[k], 1e-12);
    }

    @Test
    void triclinicSupercellOfTheSameLatticeGivesTheSameShells() {
        double a = 4.0;
        // edges are fcc lattice vectors (multiples of a, tilts a), so the periodic crystal is the same one
        Box tric = new Box(0.3, -0.2, 0.1, 4 * a, 4 * a, 4 * a, a, a, -a, true, true, true);
        Frame f = TestFrames.fcc(tric, a, "Cu");
        assertEquals(4 * 64, f.atomCount());
        assertTrue(tric.isTriclinic());
        RdfResult tr = new PairDistribution(6.0, 0.05, false, 2).compute(f);
        RdfResult cub = new PairDistribution(6.0, 0.05, false, 1).compute(TestFrames.fcc(Box.cubic(3 * a), a, "Cu"));
        // compare away from the shells (a shell at exactly a bin edge may fall either side by round-off)
        for (double r : new double[] {2.5, 3.0, 3.5, 4.5, 5.0, 5.5, 6.0}) {
            assertEquals(cnAt(cub, "Cu", "Cu", r), cnAt(tr, "Cu", "Cu", r), 1e-9, "r = " + r);
        }
        assertEquals(54, cnAt(tr, "Cu", "Cu", 6.0), 1e-12);
    }

    @Test
    void multiImageModeCountsImagesBeyondHalfTheBox() {
        double a = 4.0;
        Frame cell = TestFrames.fcc(Box.cubic(a), a, "Cu"); // 4 atoms, half box 2 Å
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PairDistribution(6.0, 0.05, false, 1).compute(cell));
        assertTrue(e.getMessage().contains("multi-image"), e.getMessage());
        RdfResult res = new PairDistribution(6.0, 0.05, true, 1).compute(cell);
        assertEquals(12, cnAt(res, "Cu", "Cu", 3.5), 1e-12);
        assertEquals(18, cnAt(res, "Cu", "Cu", 4.5), 1e-12);
        assertEquals(42, cnAt(res, "Cu", "Cu", 5.5), 1e-12);
        assertEquals(54, cnAt(res, "Cu", "Cu", 6.0), 1e-12);
        // and threads split over atoms give the same counts
        RdfResult par = new PairDistribution(6.0, 0.05, true, 3).compute(cell);
        assertArrayEquals(res.counts("Cu", "Cu"), par.counts("Cu", "Cu"));
    }

    @Test
    void idealGasIsFlatWithinCountingError() throws Exception {
        // a rare species (10 atoms) makes the N_a - 1 partner density visible: with N_a it would read 0.9
        Box box = new Box(0, 0, 0, 15, 16, 17, 2, -1, 3, true, true, true);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 300; k++) frames.add(TestFrames.idealGas(box, List.of("A", "B"), new int[] {10, 300}, 1000 + k));
        Trajectory t = Trajectory.of(frames);
        double rMax = 6.5, dr = 0.25;
        RdfResult res = new PairDistribution(rMax, dr, false, 1).compute(t, FrameSelection.all(), Progress.NONE);
        int[] na = {10, 300};
        for (String[] p : new String[][] {{"A", "A"}, {"A", "B"}, {"B", "B"}}) {
            int a = p[0].equals("A") ? 0 : 1, b = p[1].equals("A") ? 0 : 1;
            double partners = na[b] - (a == b ? 1 : 0);
            double unorderedPerVolume = na[a] * partners / (a == b ? 2.0 : 1.0) / box.volume() * frames.size();
            double[] g = res.partial(p[0], p[1]);
            double wsum = 0, usum = 0;
            for (int k = 1; k < g.length; k++) { // bin 0 is nearly empty
                double shell = 4.0 / 3 * Math.PI * (Math.pow((k + 1) * dr, 3) - Math.pow(k * dr, 3));
                double expectedUnordered = unorderedPerVolume * shell;
                double sigma = 1 / Math.sqrt(expectedUnordered);
                assertEquals(1.0, g[k], 5 * sigma, p[0] + "-" + p[1] + " bin " + k);
                wsum += g[k] * expectedUnordered;
                usum += expectedUnordered;
            }
            assertEquals(1.0, wsum / usum, 4 / Math.sqrt(usum), p[0] + "-" + p[1] + " mean over bins");
        }
        // frames counted in parallel give identical numbers
        RdfResult par = new PairDistribution(rMax, dr, false, 3).compute(t, FrameSelection.all(), Progress.NONE);
        assertArrayEquals(res.partial("A", "B"), par.partial("A", "B"), 0.0);
        assertArrayEquals(res.runningCoordination("B", "A"), par.runningCoordination("B", "A"), 0.0);
        // a strided selection averages only its frames
        RdfResult one = new PairDistribution(rMax, dr, false, 1).compute(frames.get(7));
        RdfResult sel = new PairDistribution(rMax, dr, false, 2).compute(t, new FrameSelection(7, 7, 5), Progress.NONE);
        assertArrayEquals(one.partial("B", "B"), sel.partial("B", "B"), 0.0);
        assertEquals(1, sel.frameCount());
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Frame f = TestFrames.idealGas(Box.cubic(10), List.of("A", "B"), new int[] {5, 5}, 1);
        Trajectory t = Trajectory.of(List.of(f));
        PairDistribution pd = new PairDistribution(4.0, 0.1, false, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pd.compute(t, new FrameSelection(3, -1, 1), Progress.NONE));
        assertTrue(e.getMessage().contains("empty frame selection"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PairDistribution(5.5, 0.1, false, 1).compute(f));
        assertTrue(e.getMessage().contains("half the smallest perpendicular box width"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PairDistribution(4.0, 0.3, false, 1));
        assertTrue(e.getMessage().contains("whole number of bins"), e.getMessage());
        Frame missing = TestFrames.frame(Box.cubic(10), List.of("A", "B"), new int[] {0, 0},
                new double[] {1, 1, 1, 2, 2, 2});
        e = assertThrows(IllegalArgumentException.class, () -> pd.compute(missing));
        assertTrue(e.getMessage().contains("species B has no atoms in frame 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.cubic(0));
        assertTrue(e.getMessage().contains("zero-volume"), e.getMessage());
        RdfResult res = pd.compute(f);
        e = assertThrows(IllegalArgumentException.class, () -> res.partial("A", "P"));
        assertTrue(e.getMessage().contains("species P is not in the trajectory"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> res.rdfTable(ScatteringLengths.parse("A=1,B=2,C=3")));
        assertTrue(e.getMessage().contains("species C"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> res.rdfTable(ScatteringLengths.neutronDefaults()));
        assertTrue(e.getMessage().contains("'A' is no known element"), e.getMessage());
    }
}
