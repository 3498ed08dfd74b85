package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftnessScanTest {

    /** Features of n atoms in samples A..D, a continuous "D_cum" correlated with the first feature. */
    static ResultTable[] tables(int n) {
        FeatureDefinition def = new FeatureDefinition("Li", List.of("O"), 0.5, 1.5, 0.5);
        Random rnd = new Random(17);
        long[] id = new long[n];
        String[] sample = new String[n];
        double[][] g = new double[3][n];
        double[] dcum = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i % 50 + 1;
            sample[i] = "S" + (i / 50);
            for (int k = 0; k < 3; k++) g[k][i] = rnd.nextGaussian();
            dcum[i] = 300 + 60 * g[0][i] - 20 * g[2][i] + 40 * rnd.nextGaussian();
        }
        ResultTable.Builder fb = ResultTable.builder("features").longs("id", id).strings("sample", sample);
        for (int k = 0; k < 3; k++) fb.doubles(def.featureNames().get(k), g[k]);
        ResultTable labels = ResultTable.builder("dcum").strings("sample", sample.clone()).longs("id", id.clone())
                .doubles("D_cum", dcum).build();
        return new ResultTable[] {fb.build(), labels};
    }

    @Test
    void thresholdScanRowsEqualDirectTraining() {
        ResultTable[] t = tables(250);
        FeatureDefinition def = FeatureTables.definitionOf(t[0], 0);
        double[] th = {250, 300, 1e9};
        ResultTable scan = SoftnessScan.thresholdScan(t[0], t[1], null, null, def, List.of("sample"), "D_cum", "sample",
                Set.of("S4"), th, TrainSettings.defaults(), Progress.NONE);
        assertEquals(3, scan.rowCount());
        TrainingData[] split = SoftnessScan.split(t[0], t[1], null, null, def, List.of("sample"), "D_cum", 300, "sample", Set.of("S4"));
        assertEquals(200, split[0].rows());
        assertEquals(50, split[1].rows());
        LogisticTrainer.Result direct = new LogisticTrainer(TrainSettings.defaults()).train(split[0], split[1], List.of("0", "1"), Progress.NONE);
        assertEquals(direct.test().accuracy(), scan.column("test_accuracy").doubles()[1], 0.0);
        assertEquals(direct.train().accuracy(), scan.column("train_accuracy").doubles()[1], 0.0);
        assertTrue(direct.test().accuracy() > 0.6, "a learnable signal: " + direct.test().accuracy());
        // threshold above every value: one class only -> NaN metrics, positive fraction 0
        assertTrue(Double.isNaN(scan.column("test_accuracy").doubles()[2]));
        assertEquals(0.0, scan.column("train_positive_fraction").doubles()[2], 0.0);
    }

    @Test
    void gridScanSkipsIncommensurateGridsAndSplitsBySample() {
        List<SoftnessScan.LabelledStructure> samples = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Frame f = RadialFeaturesTest.randomFrame(Box.cubic(9), 80, 100 + s);
            Map<Long, Integer> lab = new HashMap<>();
            for (long id : f.ids()) lab.put(id, (int) ((id / 12) % 2));
            samples.add(new SoftnessScan.LabelledStructure("S" + s, f, lab, s == 2));
        }
        List<String> nb = List.of("Li", "O");
        ResultTable scan = SoftnessScan.gridScan(samples, "Li", nb, new double[] {0.5, 0.4}, new double[] {3.0, 4.0, 4.2},
                1.0, TrainSettings.defaults().withC(0.1), Progress.NONE);
        // pairs: (0.5,3) (0.5,4) (0.4,4) [(0.5,4.2) (0.4,3) (0.4,4.2) skipped... 3/0.4 = 7.5, 4.2/0.4 = 10.5]
        assertArrayEquals(new double[] {0.5, 0.5, 0.4}, scan.column("dr_A").doubles(), 0.0);
        assertArrayEquals(new double[] {3, 4, 4}, scan.column("rc_A").doubles(), 0.0);
        assertArrayEquals(new double[] {12, 16, 20}, scan.column("features").doubles(), 0.0);
        assertEquals(20, scan.column("test_rows").ints()[0]);
        assertEquals(40, scan.column("train_rows").ints()[0]);
    }

    @Test
    void csvRoundTrip(@TempDir Path dir) throws Exception {
        ResultTable t = tables(60)[0];
        Path f = CsvTableWriter.writeInto(dir, t);
        ResultTable back = CsvTables.read(f);
        assertEquals("features", back.name());
        assertArrayEquals(t.column("id").longs(), back.column("id").longs());
        assertArrayEquals(t.column("sample").strings(), back.column("sample").strings());
        assertArrayEquals(t.column("G_Li-O_1.00").doubles(), back.column("G_Li-O_1.00").doubles(), 0.0);
    }
}
