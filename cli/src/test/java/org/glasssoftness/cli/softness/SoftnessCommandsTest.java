package org.glasssoftness.cli.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glasssoftness.cli.GlassSoftnessCli;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.SoftnessApplier;
import org.glasssoftness.core.softness.SoftnessModel;
import org.glasssoftness.core.softness.SoftnessModelFormat;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** radial-features -> train-lr -> apply-softness -> scan on the bundled sample, checked against the engine. */
class SoftnessCommandsTest {

    private static int run(String... args) {
        return GlassSoftnessCli.commandLine().execute(args);
    }

    @Test
    void pipelineOnTheSample(@TempDir Path dir) throws Exception {
        Path dump = SampleTrajectory.file();
        String tm = SampleTrajectory.TYPE_MAP;
        assertEquals(0, run("radial-features", "--dump", dump.toString(), "--type-map", tm, "--focus", "Li", "--dr", "0.5",
                "--rc", "5", "--frame", "0", "--sample", "S0", "--out", dir.resolve("f0").toString()));
        assertEquals(0, run("radial-features", "--dump", dump.toString(), "--type-map", tm, "--focus", "Li", "--dr", "0.5",
                "--rc", "5", "--frame", "9", "--sample", "S9", "--out", dir.resolve("f9").toString()));
        ResultTable f0 = CsvTables.read(dir.resolve("f0/features.csv"));
        assertEquals(80, f0.rowCount());
        assertEquals(4 + 40, f0.columnCount() - 1);
        // hand-made labels: a continuous value per atom, thresholded by the commands
        long[] ids = f0.column("id").longs();
        String[] sample = new String[2 * ids.length];
        long[] id2 = new long[2 * ids.length];
        double[] value = new double[2 * ids.length];
        double[] g = f0.column("G_Li-O_2.00").doubles();
        for (int i = 0; i < ids.length; i++) {
            for (int s = 0; s < 2; s++) {
                sample[s * ids.length + i] = s == 0 ? "S0" : "S9";
                id2[s * ids.length + i] = ids[i];
                value[s * ids.length + i] = 100 + 50 * g[i] + (ids[i] % 7) * 10;
            }
        }
        double[] sorted = value.clone();
        java.util.Arrays.sort(sorted);
        String median = Double.toString(sorted[sorted.length / 2]);
        CsvTableWriter.writeInto(dir, ResultTable.builder("labels").strings("sample", sample).longs("id", id2)
                .doubles("D_cum", value).build());
        assertEquals(0, run("train-lr", "--features", dir.resolve("f0/features.csv") + "," + dir.resolve("f9/features.csv"),
                "--labels", dir.resolve("labels.csv").toString(), "--label-column", "D_cum", "--threshold", median,
                "--test-groups", "S9", "--C", "0.5", "--class-weight", "balanced", "--out", dir.resolve("m").toString()));
        SoftnessModel model = SoftnessModelFormat.load(dir.resolve("m/model.softness"));
        assertEquals("80", model.provenance().get("train_rows"));
        assertEquals("80", model.provenance().get("test_rows"));
        ResultTable metrics = CsvTables.read(dir.resolve("m/metrics.csv"));
        assertArrayEquals(new String[] {"train", "test"}, metrics.column("set").strings());
        assertEquals(40, CsvTables.read(dir.resolve("m/weights.csv")).rowCount());

        assertEquals(0, run("apply-softness", "--model", dir.resolve("m/model.softness").toString(), "--dump", dump.toString(),
                "--type-map", tm, "--stride", "3", "--coordination", "O:2.6", "--dump-out", dir.resolve("a/soft.dump").toString(),
                "--out", dir.resolve("a").toString()));
        ResultTable soft = CsvTables.read(dir.resolve("a/softness.csv"));
        assertEquals(4 * 80, soft.rowCount()); // frames 0, 3, 6, 9
        try (Trajectory t = SampleTrajectory.open()) {
            Frame f3 = t.frame(3);
            SoftnessApplier.Scores s = new SoftnessApplier(model, false).apply(f3, 3);
            for (int i = 0; i < 80; i++) assertEquals(s.softness()[i], soft.column("softness").doubles()[80 + i], 0.0);
        }
        assertEquals(4, CsvTables.read(dir.resolve("a/softness_vs_strain.csv")).rowCount());
        try (Trajectory back = org.glasssoftness.core.io.lammps.LammpsDumpReader.open(dir.resolve("a/soft.dump"),
                org.glasssoftness.core.io.lammps.DumpReadOptions.defaults(), org.glasssoftness.core.progress.Progress.NONE)) {
            assertEquals(4, back.frameCount());
            Frame b1 = back.frame(1);
            double[] prop = b1.properties().get("softness");
            long firstLi = soft.column("id").longs()[80];
            assertEquals(soft.column("softness").doubles()[80], prop[b1.indexOfId(firstLi)], 1e-6);
        }
        assertTrue(Files.exists(dir.resolve("a/softness_histogram.csv")));

        assertEquals(0, run("scan", "--mode", "threshold", "--features", dir.resolve("f0/features.csv") + ","
                + dir.resolve("f9/features.csv"), "--labels", dir.resolve("labels.csv").toString(), "--label-column", "D_cum",
                "--thresholds", sorted[40] + "," + median + "," + sorted[120], "--test-groups", "S9", "--out", dir.resolve("s").toString()));
        assertEquals(3, CsvTables.read(dir.resolve("s/scan_threshold.csv")).rowCount());
        assertEquals(0, run("scan", "--mode", "grid", "--structures", "S0=" + dump + ",S9=" + dump, "--frame", "0",
                "--type-map", tm, "--focus", "Li", "--neighbours", "O,P", "--dr-values", "0.5,1", "--rc-values", "3,4",
                "--labels", dir.resolve("labels.csv").toString(), "--label-column", "D_cum", "--threshold", median,
                "--test-groups", "S9", "--out", dir.resolve("g").toString()));
        assertEquals(4, CsvTables.read(dir.resolve("g/scan_dr_rc.csv")).rowCount());
    }

    @Test
    void labelsForOtherAtomsFailClearly(@TempDir Path dir) throws Exception {
        Path dump = SampleTrajectory.file();
        assertEquals(0, run("radial-features", "--dump", dump.toString(), "--type-map", SampleTrajectory.TYPE_MAP, "--focus", "B",
                "--neighbours", "O", "--dr", "1", "--rc", "3", "--out", dir.toString()));
        CsvTableWriter.writeInto(dir, ResultTable.builder("labels").longs("id", new long[] {1, 2}).ints("label", new int[] {0, 1}).build());
        int rc = run("train-lr", "--features", dir.resolve("features.csv").toString(), "--labels", dir.resolve("labels.csv").toString(),
                "--out", dir.resolve("m").toString());
        assertTrue(rc != 0);
        assertTrue(!Files.exists(dir.resolve("m/model.softness")));
    }
}
