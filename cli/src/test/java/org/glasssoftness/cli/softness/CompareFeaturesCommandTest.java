package org.glasssoftness.cli.softness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.glasssoftness.cli.GlassSoftnessCli;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.softness.AngularDefinition;
import org.glasssoftness.core.softness.AngularFeatureSet;
import org.glasssoftness.core.softness.AngularFeatures;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.FeatureSet;
import org.glasssoftness.core.softness.RadialFeatures;
import org.glasssoftness.core.study.StudyFeatureComparison;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * radial-features --angular and compare-features. The comparison runs on synthetic glasses whose label depends on a
 * bond angle only: each B has two O neighbours at distances drawn independently of the label, and the O-B-O angle is
 * drawn around 115° (label 1) or 145° (label 0). The radial features see only the two distances, so the radial model
 * must stay near chance while the angular model separates the classes.
 */
class CompareFeaturesCommandTest {

    private static int run(String... args) {
        return GlassSoftnessCli.commandLine().execute(args);
    }

    /** Runs the CLI and returns its standard output. */
    private static String runOut(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void radialFeaturesWithAngularOption(@TempDir Path dir) throws Exception {
        Path dump = SampleTrajectory.file();
        String tm = SampleTrajectory.TYPE_MAP;
        assertEquals(0, run("radial-features", "--dump", dump.toString(), "--type-map", tm, "--focus", "B", "--dr", "0.5",
                "--rc", "5", "--frame", "3", "--out", dir.resolve("plain").toString()));
        assertEquals(0, run("radial-features", "--dump", dump.toString(), "--type-map", tm, "--focus", "B", "--dr", "0.5",
                "--rc", "5", "--frame", "3", "--angular", "--angular-neighbours", "O,P", "--angular-rc", "5.5",
                "--angular-xi", "1.5,2.5", "--angular-zeta", "1,4", "--sample", "S", "--out", dir.resolve("ang").toString()));
        ResultTable plain = CsvTables.read(dir.resolve("plain/features.csv"));
        ResultTable ang = CsvTables.read(dir.resolve("ang/features.csv"));
        assertEquals(4 + 40, plain.columnCount());
        assertEquals(1 + 4 + 40 + 3 * 8, ang.columnCount());
        try (Trajectory t = SampleTrajectory.open()) {
            FeatureSet r = new RadialFeatures(new FeatureDefinition("B", List.of("Li", "B", "O", "P"), 0.5, 5, 0.5)).compute(t.frame(3), 3);
            AngularDefinition ad = new AngularDefinition("B", List.of("O", "P"), 5.5, List.of(1.5, 2.5), List.of(-1, 1), List.of(1.0, 4.0));
            AngularFeatureSet a = new AngularFeatures(ad).compute(t.frame(3), 3);
            for (int k = 0; k < ad.featureCount(); k++) {
                double[] col = ang.column(ad.featureNames().get(k)).doubles();
                for (int i = 0; i < a.rows(); i++) assertEquals(a.values()[i * ad.featureCount() + k], col[i], 0.0);
            }
            double[] g = ang.column("G_B-O_1.50").doubles();
            for (int i = 0; i < r.rows(); i++) assertEquals(r.values()[i * 40 + 20 + 2], g[i], 0.0);
            assertEquals("Psi_O-P_xi2.5_l+1_z4", ad.featureNames().get(15));
        }
    }

    /** One synthetic glass: 64 isolated O-B-O units on a 4 x 4 x 4 grid, 12 Å apart; writes glass.dump and the labels. */
    static void writeGlass(Path dir, String glass, long seed) throws Exception {
        Path g = Files.createDirectories(dir.resolve(glass));
        Random rnd = new Random(seed);
        StringBuilder atoms = new StringBuilder(), labels = new StringBuilder("id,switched\n");
        int id = 1, units = 0;
        for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) for (int c = 0; c < 4; c++) {
            double x = 6 + 12 * a, y = 6 + 12 * b, z = 6 + 12 * c;
            int label = rnd.nextBoolean() ? 1 : 0;
            double theta = Math.toRadians((label == 1 ? 115 : 145) + 12 * rnd.nextGaussian());
            double r1 = 1.3 + 0.3 * rnd.nextDouble(), r2 = 1.3 + 0.3 * rnd.nextDouble();
            double phi = 2 * Math.PI * rnd.nextDouble(); // orientation of the unit in the x-y plane
            atoms.append(String.format(Locale.ROOT, "%d 1 B %.10f %.10f %.10f%n", id, x, y, z));
            labels.append(id).append(',').append(label).append('\n');
            atoms.append(String.format(Locale.ROOT, "%d 2 O %.10f %.10f %.10f%n", id + 1, x + r1 * Math.cos(phi), y + r1 * Math.sin(phi), z));
            atoms.append(String.format(Locale.ROOT, "%d 2 O %.10f %.10f %.10f%n", id + 2, x + r2 * Math.cos(phi + theta),
                    y + r2 * Math.sin(phi + theta), z));
            id += 3;
            units++;
        }
        String dump = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n" + 3 * units + "\nITEM: BOX BOUNDS pp pp pp\n0 48\n0 48\n0 48\n"
                + "ITEM: ATOMS id type element x y z\n" + atoms;
        Files.writeString(g.resolve("glass.dump"), dump, StandardCharsets.UTF_8);
        Files.writeString(g.resolve("b_labels.csv"), labels.toString(), StandardCharsets.UTF_8);
    }

    static final List<String> B_GLASSES = List.of("Li40B20P40", "Li40B25P35", "Li40B35P25", "Li40B40P20", "Li40B30P30");

    static double value(ResultTable t, String model, String set, String column) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.column("model").strings()[i].equals(model) && t.column("set").strings()[i].equals(set)) {
                return t.column(column).doubles()[i];
            }
        }
        throw new AssertionError("no row " + model + " " + set);
    }

    @Test
    void angularSignalOnlyStudyLayout(@TempDir Path dir) throws Exception {
        Path study = dir.resolve("study");
        for (int k = 0; k < B_GLASSES.size(); k++) {
            String glass = B_GLASSES.get(k);
            writeGlass(study, glass, 100 + k);
            // radial features only, as the study writes them; compare-features computes Psi from glass.dump
            assertEquals(0, run("radial-features", "--dump", study.resolve(glass + "/glass.dump").toString(), "--focus", "B",
                    "--neighbours", "B,O", "--dr", "0.5", "--rc", "5", "--out", study.resolve(glass).toString()));
            Files.move(study.resolve(glass + "/features.csv"), study.resolve(glass + "/b_features.csv"));
        }
        String out = runOut("compare-features", "--study", study.toString(), "--species", "B", "--angular-neighbours", "O",
                "--out", dir.resolve("cmp").toString());
        ResultTable t = CsvTables.read(dir.resolve("cmp/comparison.csv"));
        // 3 models x (4 leave-one-glass-out folds + mean + std + test)
        assertEquals(21, t.rowCount());
        double radialTestBal = value(t, "radial", "test", "balanced_accuracy"), radialTestAuc = value(t, "radial", "test", "roc_auc");
        double bothTestBal = value(t, "radial+angular", "test", "balanced_accuracy"), bothTestAuc = value(t, "radial+angular", "test", "roc_auc");
        double radialCvAuc = value(t, "radial", "cv_mean", "roc_auc"), bothCvAuc = value(t, "radial+angular", "cv_mean", "roc_auc");
        double radialCvBal = value(t, "radial", "cv_mean", "balanced_accuracy"), bothCvBal = value(t, "radial+angular", "cv_mean", "balanced_accuracy");
        String numbers = String.format(Locale.ROOT, "radial test %.3f/%.3f cv %.3f/%.3f; both test %.3f/%.3f cv %.3f/%.3f",
                radialTestBal, radialTestAuc, radialCvBal, radialCvAuc, bothTestBal, bothTestAuc, bothCvBal, bothCvAuc);
        assertTrue(radialTestAuc < 0.7 && radialCvAuc < 0.7, "radial features carry no label information: " + numbers);
        assertTrue(bothTestAuc > 0.85 && bothCvAuc > 0.85, "angular signal found: " + numbers);
        assertTrue(bothTestBal > radialTestBal + 0.2 && bothCvBal > radialCvBal + 0.2, numbers);
        assertTrue(out.contains("angular features raise the CV balanced accuracy") && out.contains("raise the test balanced accuracy"), out);
        assertTrue(out.contains("Li40B30P30 (64 rows)"), out);
        // reading the glasses reports progress up to 1 and stops when cancelled (checked inside the angular features)
        List<Double> fractions = new ArrayList<>();
        Progress record = new Progress() {
            @Override
            public void report(double fraction, String message) { fractions.add(fraction); }

            @Override
            public boolean isCanceled() { return false; }
        };
        StudyFeatureComparison.Inputs in = StudyFeatureComparison.inputs(study, "B",
                nb -> AngularDefinition.defaults("B", List.of("O")), 0, DumpReadOptions.defaults(), Double.NaN, record);
        // every row of the five glasses: the test row's train + test rows of comparison.csv
        int last = t.rowCount() - 1;
        assertEquals(FeatureTables.numeric(t, "train_rows")[last] + FeatureTables.numeric(t, "test_rows")[last],
                in.data().rows(), 0.0);
        assertTrue(fractions.size() >= 5 && fractions.get(fractions.size() - 1) > 0.99, fractions.toString());
        for (int k = 1; k < fractions.size(); k++) assertTrue(fractions.get(k) >= fractions.get(k - 1), fractions.toString());
        int[] reports = {0};
        Progress cancelAfterFirstReport = new Progress() {
            @Override
            public void report(double fraction, String message) { reports[0]++; }

            @Override
            public boolean isCanceled() { return reports[0] > 0; }
        };
        assertThrows(CancelledException.class, () -> StudyFeatureComparison.inputs(study, "B",
                nb -> AngularDefinition.defaults("B", List.of("O")), 0, DumpReadOptions.defaults(), Double.NaN,
                cancelAfterFirstReport));
        // a glass whose labels miss an atom is refused, naming the glass folder and the atom
        Path labels = study.resolve("Li40B35P25/b_labels.csv");
        List<String> lines = Files.readAllLines(labels);
        Files.write(labels, lines.subList(0, lines.size() - 1));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertNotEquals(0, run("compare-features", "--study", study.toString(), "--species", "B", "--out", dir.resolve("bad").toString()));
        } finally {
            System.setErr(oldErr);
        }
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("study glass " + study.resolve("Li40B35P25")) && msg.contains("no label"), msg);
        assertTrue(!Files.exists(dir.resolve("bad/comparison.csv")));
        ResultTable scores = CsvTables.read(dir.resolve("cmp/test_scores.csv"));
        assertEquals(64, scores.rowCount());
        assertEquals(List.of("group", "id", "label", "score_radial", "score_angular", "score_radial+angular"),
                scores.columns().stream().map(ResultTable.Column::name).toList());
        // held-out folds are single glasses of the B model
        List<String> held = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) if (t.column("set").strings()[i].equals("cv")) held.add(t.column("held_out").strings()[i]);
        assertEquals(List.of("Li40B20P40", "Li40B25P35", "Li40B35P25", "Li40B40P20"), held.subList(0, 4));
        System.out.println("compare-features synthetic angular-only data: " + numbers);
    }

    @Test
    void explicitInputsAndGroupFolds(@TempDir Path dir) throws Exception {
        List<String> feats = new ArrayList<>();
        StringBuilder labels = new StringBuilder("sample,id,switched\n");
        for (int k = 0; k < B_GLASSES.size(); k++) {
            String glass = B_GLASSES.get(k);
            writeGlass(dir, glass, 200 + k);
            assertEquals(0, run("radial-features", "--dump", dir.resolve(glass + "/glass.dump").toString(), "--focus", "B",
                    "--neighbours", "B,O", "--dr", "0.5", "--rc", "5", "--angular", "--angular-neighbours", "O",
                    "--sample", glass, "--out", dir.resolve(glass + "/f").toString()));
            feats.add(dir.resolve(glass + "/f/features.csv").toString());
            for (String line : Files.readAllLines(dir.resolve(glass + "/b_labels.csv")).subList(1, 65)) {
                labels.append(glass).append(',').append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve("labels.csv"), labels.toString(), StandardCharsets.UTF_8);
        String out = runOut("compare-features", "--features", String.join(",", feats), "--labels", dir.resolve("labels.csv").toString(),
                "--label-column", "switched", "--test-groups", "Li40B30P30", "--folds", "2", "--seed", "7",
                "--class-weight", "balanced", "--out", dir.resolve("cmp").toString());
        ResultTable t = CsvTables.read(dir.resolve("cmp/comparison.csv"));
        assertEquals(3 * (2 + 3), t.rowCount());
        assertTrue(value(t, "radial+angular", "test", "roc_auc") > value(t, "radial", "test", "roc_auc") + 0.2, out);
        assertTrue(out.contains("2 group folds"), out);
        // each 2-fold split holds out two of the four training glasses, never the test glass
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.column("set").strings()[i].equals("cv")) continue;
            String h = t.column("held_out").strings()[i];
            assertEquals(2, h.split(";").length, h);
            assertTrue(!h.contains("Li40B30P30"), h);
            assertNotEquals(0, t.column("test_rows").longs()[i]);
        }
        // a missing label column is refused with the table named
        assertNotEquals(0, run("compare-features", "--features", String.join(",", feats), "--labels", dir.resolve("labels.csv").toString(),
                "--label-column", "mobile", "--out", dir.resolve("bad").toString()));
    }
}
