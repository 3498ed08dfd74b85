package org.glasssoftness.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

class BondSwitchTest {
    // Four trigonal BO3 units far apart; each atom list: B, O1, O2, O3, spare O (3 Å above B), and a Li 1.5 Å above
    // the first B (not a partner species, must not count).
    private static final double[][] CENTRES = {{10, 10, 10}, {10, 10, 30}, {10, 30, 10}, {30, 10, 10}};
    private static final double[][] UNIT = {{0, 0, 0}, {1.4, 0, 0}, {-0.7, 1.2124, 0}, {-0.7, -1.2124, 0}, {0, 0, 3.0}};

    private static String[] species() {
        List<String> s = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            s.add("B");
            for (int k = 0; k < 4; k++) s.add("O");
        }
        s.add("Li");
        return s.toArray(new String[0]);
    }

    /** Positions of the reference configuration (21 atoms). */
    private static double[] reference() {
        double[] p = new double[3 * 21];
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < 5; k++) {
                for (int d = 0; d < 3; d++) p[3 * (5 * c + k) + d] = CENTRES[c][d] + UNIT[k][d];
            }
        }
        p[60] = 10; p[61] = 10; p[62] = 11.5; // Li above the first B
        return p;
    }

    private static void put(double[] p, int cluster, int k, double x, double y, double z) {
        int a = 5 * cluster + k;
        p[3 * a] = CENTRES[cluster][0] + x;
        p[3 * a + 1] = CENTRES[cluster][1] + y;
        p[3 * a + 2] = CENTRES[cluster][2] + z;
    }

    /** Frame 0: reference (lx 60); frame 1: one class per unit (lx 66); frame 2: back to reference (lx 72). */
    private static Trajectory trajectory() {
        double[] p0 = reference();
        double[] p1 = p0.clone();
        put(p1, 0, 1, 2.5, 0, 0);          // unit 0: O1 leaves -> decreased (CN 2)
        put(p1, 1, 4, 0, 0, 1.6);          // unit 1: spare O joins -> increased (CN 4)
        put(p1, 2, 1, 2.6, 0, 0);          // unit 2: O1 leaves and the spare O joins -> swapped (CN 3)
        put(p1, 2, 4, 0, 0, 1.6);
        for (int k = 1; k < 4; k++) p1[3 * (15 + k) + 2] += 0.05; // unit 3: small jiggle -> unchanged
        String[] sp = species();
        return Trajectory.of(List.of(
                TestFrames.frame(0, Box.orthogonal(0, 60, 0, 60, 0, 60), sp, p0, false, null),
                TestFrames.frame(1000, Box.orthogonal(0, 66, 0, 60, 0, 60), sp, p1, false, null),
                TestFrames.frame(2000, Box.orthogonal(0, 72, 0, 60, 0, 60), sp, p0.clone(), false, null)));
    }

    @Test
    void eachClassOnHandBuiltConfigurations() throws IOException {
        BondSwitch.Result r = new BondSwitch(BondSwitch.Settings.defaults().withTargetStrain(0.12).withThreads(2))
                .compute(trajectory(), Progress.NONE);
        assertArrayEquals(new double[] {0, 0.1, 0.2}, r.strain(), 1e-12);
        assertArrayEquals(new long[] {0, 1000, 2000}, r.timestep());
        assertEquals(1.0, r.fraction(0, BondSwitchClass.UNCHANGED));
        for (BondSwitchClass c : BondSwitchClass.values()) assertEquals(0.25, r.fraction(1, c), 1e-15, c.label());
        assertEquals(1.0, r.fraction(2, BondSwitchClass.UNCHANGED));
        assertEquals(0.5, r.fracSwitched()[1], 1e-15);

        assertEquals(1, r.chosenFrame());
        assertArrayEquals(new long[] {1, 6, 11, 16}, r.ids());
        assertArrayEquals(new int[] {3, 3, 3, 3}, r.cnRef());
        assertArrayEquals(new int[] {2, 4, 3, 3}, r.cn());
        assertArrayEquals(new BondSwitchClass[] {BondSwitchClass.DECREASED, BondSwitchClass.INCREASED,
                BondSwitchClass.SWAPPED, BondSwitchClass.UNCHANGED}, r.classes());
        assertArrayEquals(new int[] {1, 0, 1, 0}, r.switched());

        ResultTable atoms = r.atomTable();
        assertArrayEquals(new String[] {"decreased", "increased", "swapped", "unchanged"}, atoms.column("class").strings());
        ResultTable fr = r.fractionTable();
        assertEquals(3, fr.rowCount());
        assertArrayEquals(new double[] {0, 0.25, 0}, fr.column("frac_swapped").doubles(), 1e-15);
    }

    @Test
    void defaultTargetIsLastFrameAndSwitchedSetIsASetting() throws IOException {
        BondSwitch.Result last = new BondSwitch(BondSwitch.Settings.defaults()).compute(trajectory(), Progress.NONE);
        assertEquals(2, last.chosenFrame());
        assertEquals(0, last.switchedCount());
        BondSwitch.Result inc = new BondSwitch(BondSwitch.Settings.defaults().withTargetStrain(0.09)
                .withSwitched(BondSwitchClass.parseSet("increased"))).compute(trajectory(), Progress.NONE);
        assertArrayEquals(new int[] {0, 1, 0, 0}, inc.switched());
        assertEquals(EnumSet.of(BondSwitchClass.DECREASED, BondSwitchClass.SWAPPED), BondSwitchClass.parseSet("Decreased, swapped"));
        // a strain axis along y sees no strain at all
        BondSwitch.Result y = new BondSwitch(BondSwitch.Settings.defaults().withStrainAxis(1)).compute(trajectory(), Progress.NONE);
        assertArrayEquals(new double[] {0, 0, 0}, y.strain(), 0.0);
    }

    @Test
    void badInputNamesTheFrame() {
        Trajectory t = trajectory();
        assertThrows(IllegalArgumentException.class, () -> new BondSwitch(BondSwitch.Settings.defaults().withFrames(0, 0, 1))
                .compute(t, Progress.NONE));
        IllegalArgumentException sp = assertThrows(IllegalArgumentException.class,
                () -> new BondSwitch(BondSwitch.Settings.defaults().withSpecies("B", "F")).compute(t, Progress.NONE));
        assertTrue(sp.getMessage().contains("'F'") && sp.getMessage().contains("frame 0"), sp.getMessage());
        Frame f0 = t.frameCount() > 0 ? frame(t, 0) : null;
        long[] ids = f0.ids().clone();
        ids[20] = 99;
        Frame bad = new Frame(5, f0.box(), ids, null, f0.speciesNames(), f0.species(), f0.positions(), false, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BondSwitch(BondSwitch.Settings.defaults()).compute(Trajectory.of(List.of(f0, bad)), Progress.NONE));
        assertTrue(e.getMessage().contains("frame 1 (timestep 5)"), e.getMessage());
    }

    private static Frame frame(Trajectory t, int k) {
        try {
            return t.frame(k);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
