package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.junit.jupiter.api.Test;

class RadialFeaturesTest {
    static final List<String> SPECIES = List.of("Li", "B", "O", "P");

    static Frame frame(Box box, int[] species, double[] pos) {
        long[] ids = new long[species.length];
        for (int i = 0; i < ids.length; i++) ids[i] = 10 + 3L * i;
        return new Frame(100, box, ids, null, SPECIES, species, pos, false, null, null, null);
    }

    static double gauss(double r, double rk, double l) {
        return Math.exp(-(r - rk) * (r - rk) / (2 * l * l));
    }

    @Test
    void twoAtomsByHand() {
        // B at the origin corner region, one O at 1.7 Å and one P at 2.9 Å, in a 40 Å box (no image within R_c)
        Box box = Box.cubic(40);
        Frame f = frame(box, new int[] {1, 2, 3}, new double[] {5, 5, 5, 6.7, 5, 5, 5, 7.9, 5});
        FeatureDefinition def = new FeatureDefinition("B", List.of("O", "P"), 0.2, 4.0, 0.2);
        FeatureSet fs = new RadialFeatures(def).compute(f, 0);
        assertEquals(1, fs.rows());
        assertEquals(10L, fs.ids()[0]);
        int g = def.gridSize();
        assertEquals(20, g);
        for (int k = 0; k < g; k++) {
            double rk = 0.2 * (k + 1);
            assertEquals(gauss(1.7, rk, 0.2), fs.values()[k], 1e-14, "G_B-O at " + rk);
            assertEquals(gauss(2.9, rk, 0.2), fs.values()[g + k], 1e-14, "G_B-P at " + rk);
        }
        // the peak value exactly where the grid hits the distance: r = 1.8 gives exp(-0.01/0.08)
        assertEquals(Math.exp(-0.125), fs.values()[8], 1e-14);
        assertEquals("G_B-O_1.80", def.featureNames().get(8));
    }

    @Test
    void acrossPeriodicBoundary() {
        // Li at x = 0.3, O at x = 19.5 in a 20 Å box: distance 0.8 Å through the boundary; the other image at 19.2 Å is beyond R_c
        Box box = Box.cubic(20);
        Frame f = frame(box, new int[] {0, 2}, new double[] {0.3, 10, 10, 19.5, 10, 10});
        FeatureDefinition def = new FeatureDefinition("Li", List.of("O"), 0.1, 3.0, 0.15);
        FeatureSet fs = new RadialFeatures(def).compute(f, 4);
        for (int k = 0; k < def.gridSize(); k++) {
            assertEquals(gauss(0.8, 0.1 * (k + 1), 0.15), fs.values()[k], 1e-14);
        }
        assertEquals(4, fs.frame()[0]);
        assertEquals(100L, fs.timestep()[0]);
    }

    /** Brute force over periodic images with direct exponentials: the independent truth for dense cases. */
    static double[] bruteForce(Frame f, FeatureDefinition def) {
        int g = def.gridSize(), d = def.featureCount();
        Box b = f.box();
        int focusSpecies = f.speciesIndex(def.focusSpecies());
        int nFocus = 0;
        for (int s : f.species()) if (s == focusSpecies) nFocus++;
        double[] out = new double[nFocus * d];
        double[] pos = f.positions();
        int row = 0;
        int m = 4;
        for (int i = 0; i < f.atomCount(); i++) {
            if (f.species()[i] != focusSpecies) continue;
            for (int j = 0; j < f.atomCount(); j++) {
                int slot = def.neighbourSpecies().indexOf(f.speciesOf(j));
                if (slot < 0) continue;
                for (int a = -m; a <= m; a++) for (int bb = -m; bb <= m; bb++) for (int c = -m; c <= m; c++) {
                    if (i == j && a == 0 && bb == 0 && c == 0) continue;
                    double dx = pos[3 * j] - pos[3 * i] + a * b.lx() + bb * b.xy() + c * b.xz();
                    double dy = pos[3 * j + 1] - pos[3 * i + 1] + bb * b.ly() + c * b.yz();
                    double dz = pos[3 * j + 2] - pos[3 * i + 2] + c * b.lz();
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r >= def.cutoff()) continue;
                    for (int k = 0; k < g; k++) out[row * d + slot * g + k] += gauss(r, def.radius(k), def.width());
                }
            }
            row++;
        }
        return out;
    }

    static Frame randomFrame(Box box, int n, long seed) {
        Random rnd = new Random(seed);
        int[] sp = new int[n];
        double[] pos = new double[3 * n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            sp[i] = i % 4;
            for (int k = 0; k < 3; k++) s[k] = rnd.nextDouble();
            box.toCartesian(s, 0, pos, 3 * i);
        }
        return frame(box, sp, pos);
    }

    @Test
    void triclinicBoxWithCutoffBeyondHalfBoxMatchesBruteForce() {
        // R_c = 5 Å in a 7 Å triclinic cell: several images of the same neighbour (and of the atom itself) count
        Box box = new Box(0, 0, 0, 7.0, 6.5, 7.5, 1.2, -0.8, 0.6, true, true, true);
        Frame f = randomFrame(box, 24, 9);
        FeatureDefinition def = new FeatureDefinition("B", SPECIES, 0.25, 5.0, 0.3);
        FeatureSet fs = new RadialFeatures(def).compute(f, 0);
        double[] ref = bruteForce(f, def);
        assertEquals(ref.length, fs.values().length);
        for (int k = 0; k < ref.length; k++) assertEquals(ref[k], fs.values()[k], 1e-12 * Math.max(1, ref[k]), "feature " + k);
        // self images are included: B-B features are non-zero even with only a few B atoms
        assertTrue(fs.values()[def.gridSize() * 1 + 19] > 0);
    }

    @Test
    void anyFocusGivesEveryAtom() {
        Frame f = randomFrame(Box.cubic(9), 20, 2);
        FeatureDefinition def = new FeatureDefinition("any", List.of("O"), 0.5, 4.0, 0.5);
        FeatureSet fs = new RadialFeatures(def).compute(f, 0);
        assertEquals(20, fs.rows());
        assertArrayEquals(f.ids(), fs.ids());
    }

    @Test
    void threadCountDoesNotChangeBits() throws Exception {
        Frame f = randomFrame(Box.cubic(14), 300, 4);
        FeatureDefinition def = FeatureDefinition.defaults("Li", SPECIES);
        double[] common = new RadialFeatures(def).compute(f, 0).values();
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> new RadialFeatures(def).compute(f, 0).values()).get();
            assertArrayEquals(common, single, 0.0);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void missingSpeciesIsAClearError() {
        Frame f = frame(Box.cubic(20), new int[] {0, 2}, new double[] {1, 1, 1, 2, 2, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RadialFeatures(FeatureDefinition.defaults("B", List.of("O"))).compute(f, 0));
        assertTrue(e.getMessage().contains("no atoms of focus species B"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RadialFeatures(FeatureDefinition.defaults("Li", List.of("O", "P"))).compute(f, 0));
        assertTrue(e.getMessage().contains("neighbour species [P]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition("B", List.of("O"), 0.3, 10, 0.3));
    }
}
