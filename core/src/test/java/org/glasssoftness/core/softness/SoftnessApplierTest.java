package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

class SoftnessApplierTest {
    // 2 features: neighbours O, grid r = 1, 2 (dr = 1, R_c = 2)
    static final FeatureDefinition DEF = new FeatureDefinition("B", List.of("O"), 1.0, 2.0, 0.5);

    static SoftnessModel handModel() {
        return new SoftnessModel(DEF, DEF.featureNames(), new StandardScaler(new double[] {1, 2}, new double[] {2, 4}),
                new double[] {3, -4}, 0.5, List.of("0", "1"), Map.of());
    }

    @Test
    void softnessIsSignedDistanceByHand() {
        SoftnessModel m = handModel();
        FeatureSet fs = new FeatureSet(DEF, new int[] {0, 0}, new long[] {5, 5}, new long[] {1, 2}, new String[] {"B", "B"},
                new double[] {3, 2, 1, 10});
        SoftnessApplier.Scores s = new SoftnessApplier(m, false).apply(fs);
        // row 0: x' = (1, 0), z = 3 + 0.5 = 3.5, |w| = 5 -> S = 0.7 ; row 1: x' = (0, 2), z = -8 + 0.5 = -7.5 -> S = -1.5
        assertArrayEquals(new double[] {0.7, -1.5}, s.softness(), 1e-15);
        assertArrayEquals(new int[] {1, 0}, s.predictedClass());
        assertEquals(1 / (1 + Math.exp(-3.5)), s.probability()[0], 1e-15);
        SoftnessApplier.Scores raw = new SoftnessApplier(m, true).apply(fs);
        assertArrayEquals(new double[] {3.5, -7.5}, raw.softness(), 1e-15);
    }

    @Test
    void modelRejectsFeaturesOfAnotherDefinition() {
        FeatureDefinition other = new FeatureDefinition("B", List.of("O"), 1.0, 2.0, 0.25);
        FeatureSet fs = new FeatureSet(other, new int[1], new long[1], new long[] {1}, new String[] {"B"}, new double[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SoftnessApplier(handModel(), false).apply(fs));
        assertTrue(e.getMessage().contains("different definition"), e.getMessage());
    }

    static Frame frame(double lz) {
        // B at (2,2,z), O at 1.1 Å and 1.9 Å along z; a second B with one O at 1.5 Å
        List<String> sp = List.of("B", "O");
        double[] pos = {2, 2, 2, 2, 2, 3.1, 2, 2, 0.1, 8, 8, 8, 8, 8, 9.5};
        for (int i = 0; i < 5; i++) pos[3 * i + 2] *= lz / 12.0;
        return new Frame(0, Box.orthogonal(0, 12, 0, 12, 0, lz), new long[] {1, 2, 3, 4, 5}, null, sp,
                new int[] {0, 1, 1, 0, 1}, pos, false, null, null, null);
    }

    @Test
    void trajectoryAnnotatesFramesAndAveragesVersusStrain() throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) frames.add(frame(12 * (1 + 0.05 * k)));
        SoftnessApplier a = new SoftnessApplier(handModel(), false);
        List<Frame> annotated = new ArrayList<>();
        SoftnessApplier.TrajectoryResult r = a.applyTrajectory(Trajectory.of(frames), FrameSelection.all(), 2, annotated::add, "O", 2.0, Progress.NONE);
        assertEquals(3, annotated.size());
        ResultTable vs = r.vsStrain();
        assertEquals(3, vs.rowCount());
        assertArrayEquals(new double[] {0, 0.05, 0.1}, vs.column("strain").doubles(), 1e-12);
        for (int k = 0; k < 3; k++) {
            SoftnessApplier.Scores one = a.apply(frames.get(k), k);
            double mean = (one.softness()[0] + one.softness()[1]) / 2;
            assertEquals(mean, vs.column("mean_softness").doubles()[k], 1e-14);
            double[] prop = annotated.get(k).properties().get("softness");
            assertEquals(one.softness()[0], prop[0], 0.0);
            assertTrue(Double.isNaN(prop[1]), "O atoms have no softness");
            assertEquals(one.softness()[1], prop[3], 0.0);
        }
        assertEquals(6, r.perAtom().rowCount());
        assertArrayEquals(new String[] {"B[2]", "B[1]"}, java.util.Arrays.copyOf(r.group(), 2));
    }

    @Test
    void histogramAndRearrangementProbabilityByHand() {
        double[] s = {0, 1, 2, 3, 4};
        ResultTable h = SoftnessStatistics.histogram(s, new String[] {"a", "a", "b", "b", "b"}, 2);
        // bins [0,2) [2,4]; a: 2, 0 ; b: 0, 3
        assertArrayEquals(new long[] {2, 0, 0, 3}, h.column("count").longs());
        assertEquals(0.5, h.column("density").doubles()[0], 1e-15);
        ResultTable p = SoftnessStatistics.rearrangementProbability(s, new int[] {0, 1, 0, 1, 1}, 2);
        assertArrayEquals(new double[] {0.5, 2 / 3.0}, p.column("probability").doubles(), 1e-15);
        assertArrayEquals(new long[] {2, 3}, p.column("atoms").longs());
    }

    @Test
    void coordinationCountsOxygenWithinCutoff() {
        int[] cn = SoftnessStatistics.coordination(frame(12), "O", 2.0);
        // first B: O 1.1 Å above and 1.9 Å below -> 2 ; second B: one O at 1.5 Å -> 1
        assertEquals(2, cn[0]);
        assertEquals(1, cn[3]);
    }

    static ResultTable featureTable() {
        FeatureDefinition def = new FeatureDefinition("Li", List.of("O"), 1.0, 2.0, 1.0);
        return ResultTable.builder("features").longs("id", new long[] {1, 2, 1, 2}).strings("sample", new String[] {"A", "A", "B", "B"})
                .doubles(def.featureNames().get(0), new double[] {1, 2, 3, 4})
                .doubles(def.featureNames().get(1), new double[] {5, 6, 7, 8}).build();
    }

    @Test
    void labelsJoinByIdAndSampleAndSplitByGroup() {
        ResultTable feats = featureTable();
        FeatureDefinition def = FeatureTables.definitionOf(feats, 0);
        assertEquals(new FeatureDefinition("Li", List.of("O"), 1.0, 2.0, 1.0), def);
        ResultTable labels = ResultTable.builder("dcum").strings("sample", new String[] {"B", "B", "A", "A"})
                .longs("id", new long[] {2, 1, 2, 1}).doubles("D_cum", new double[] {400, 10, 500, 300}).build();
        TrainingData td = FeatureTables.join(feats, def, labels, List.of("sample", "frame"), "D_cum", 360, "sample");
        assertArrayEquals(new int[] {0, 1, 0, 1}, td.y());
        assertArrayEquals(new double[] {1, 5, 2, 6, 3, 7, 4, 8}, td.x(), 0.0);
        TrainingData test = td.select(Set.of("B"), true);
        assertArrayEquals(new int[] {0, 1}, test.y());
        assertArrayEquals(new double[] {3, 7, 4, 8}, test.x(), 0.0);
    }

    @Test
    void labelsNotMatchingIdsIsAClearError() {
        ResultTable feats = featureTable();
        FeatureDefinition def = FeatureTables.definitionOf(feats, 0);
        ResultTable labels = ResultTable.builder("labels").longs("id", new long[] {1, 3}).ints("label", new int[] {0, 1}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureTables.join(feats, def, labels, List.of(), "label", Double.NaN, null));
        assertTrue(e.getMessage().contains("have no label"), e.getMessage());
        ResultTable bad = ResultTable.builder("labels").longs("id", new long[] {1, 2}).ints("label", new int[] {0, 2}).build();
        assertThrows(IllegalArgumentException.class, () -> FeatureTables.join(feats, def, bad, List.of(), "label", Double.NaN, null));
    }

    @Test
    void singleClassTrainingIsAClearError() {
        FeatureDefinition def = new FeatureDefinition("Li", List.of("O"), 1.0, 2.0, 1.0);
        TrainingData td = new TrainingData(def, def.featureNames(), new double[] {1, 2, 3, 4}, new int[] {1, 1}, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogisticTrainer(TrainSettings.defaults()).train(td, null, List.of("0", "1"), Progress.NONE));
        assertTrue(e.getMessage().contains("both classes"), e.getMessage());
    }
}
