package org.glasssoftness.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.glasssoftness.cli.GlassSoftnessCli;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.study.SoftnessStudy;
import org.glasssoftness.core.study.StudyGlass;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code study --scale tiny} end to end (once, about two minutes on two cores), then every output checked against
 * independent truth: whole neutral formula units, the Li label rule, accuracies recomputed from the written softness
 * and label CSVs, softness columns of the dumps equal to the CSVs, the report equal to summary.csv, PNGs that decode,
 * and a resume that skips the complete glasses and redoes an incomplete one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudyCommandTest {
    @TempDir
    static Path tmp;
    static Path out;
    static String stdout;

    /** Runs the CLI, returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream bo = new ByteArrayOutputStream(), be = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = GlassSoftnessCli.commandLine().execute(args);
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
        String so = bo.toString(StandardCharsets.UTF_8), se = be.toString(StandardCharsets.UTF_8);
        System.out.print(so);
        return new Object[] {rc, so, se};
    }

    @BeforeAll
    static void runTinyStudy() {
        out = tmp.resolve("study");
        Object[] r = run("study", "--scale", "tiny", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r[0], (String) r[2]);
        stdout = (String) r[1];
    }

    @Test
    @Order(1)
    void everyListedOutputExists() {
        List<String> missing = new ArrayList<>();
        for (StudyGlass g : StudyGlass.all()) {
            for (String f : SoftnessStudy.GLASS_FILES) if (!Files.isRegularFile(out.resolve(g.name()).resolve(f))) missing.add(g + "/" + f);
            if (!Files.isRegularFile(out.resolve(g.name()).resolve(SoftnessStudy.GLASS_MARKER))) missing.add(g + "/glass.csv");
            for (String f : List.of("_Li.csv", "_Li.dump", "_B.csv", "_B.dump", "_B_vs_strain.csv")) {
                if (!Files.isRegularFile(out.resolve("softness").resolve(g.name() + f))) missing.add("softness/" + g + f);
            }
        }
        for (String f : List.of("models/li_model.softness", "models/b_model.softness", "models/li_metrics.csv",
                "models/b_metrics.csv", "models/li_weights.csv", "models/b_weights.csv", "softness/histogram_Li.csv",
                "softness/histogram_B.csv", "softness/p_rearrange_Li.csv", "softness/p_rearrange_B.csv", "summary.csv",
                "glasses.csv", "study_settings.csv")) {
            if (!Files.isRegularFile(out.resolve(f))) missing.add(f);
        }
        for (String f : StudyFigures.FILES) if (!Files.isRegularFile(out.resolve("figures").resolve(f))) missing.add("figures/" + f);
        assertEquals(List.of(), missing);
        // one summary line per glass while running
        for (StudyGlass g : StudyGlass.all()) assertTrue(stdout.contains("study: " + g.name() + ": "), stdout);
        for (String f : List.of("li_comparison.csv", "b_comparison.csv", "li_test_scores.csv", "b_test_scores.csv", "comparison_settings.csv")) {
            assertTrue(Files.isRegularFile(out.resolve("comparison").resolve(f)), f);
        }
        // the comparison's line: the radial and radial+angular balanced accuracies of comparison/*.csv
        String line = stdout.lines().filter(l -> l.startsWith("study: angular features")).findFirst().orElseThrow();
        for (String sp : List.of("Li", "B")) {
            ResultTable cmp;
            try {
                cmp = CsvTables.read(out.resolve("comparison").resolve(sp.toLowerCase() + "_comparison.csv"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            for (String m : List.of("radial", "radial+angular")) {
                assertTrue(line.contains(String.format(java.util.Locale.ROOT, " %s balanced accuracy CV %.3f±%.3f test %.3f", m,
                        cmpValue(cmp, m, "cv_mean", "balanced_accuracy"), cmpValue(cmp, m, "cv_std", "balanced_accuracy"),
                        cmpValue(cmp, m, "test", "balanced_accuracy"))), line);
            }
        }
    }

    @Test
    @Order(2)
    void atomCountsAreWholeNeutralFormulaUnitsOfTheComposition() throws Exception {
        for (StudyGlass g : StudyGlass.all()) {
            Map<String, Integer> n = new HashMap<>();
            try (Trajectory t = LammpsDumpReader.open(out.resolve(g.name()).resolve("glass.dump"), DumpReadOptions.defaults(), Progress.NONE)) {
                Frame f = t.frame(0);
                for (int i = 0; i < f.atomCount(); i++) n.merge(f.speciesOf(i), 1, Integer::sum);
            }
            int li = n.get("Li"), b = n.get("B"), p = n.get("P"), o = n.get("O");
            assertTrue(li % 2 == 0 && b % 2 == 0 && p % 2 == 0, g + ": " + n);
            assertEquals(li / 2 + 3 * b / 2 + 5 * p / 2, o, g + ": oxygen of whole Li2O, B2O3, P2O5 units " + n);
            // Deng-Du charges Li +0.6, B +1.8, P +3.0, O -1.2 (neutral with the formula units above)
            assertEquals(0, 0.6 * li + 1.8 * b + 3.0 * p - 1.2 * o, 1e-9, g + ": net charge");
            // units of each oxide: the composition's share of 360 atoms (3, 5, 7 atoms per unit), rounded
            double units = 360 / ((3.0 * g.li2o() + 5.0 * g.b2o3() + 7.0 * g.p2o5()) / 100);
            assertEquals(g.li2o() / 100.0 * units, li / 2.0, 0.5 + 1e-9, g + " Li2O units");
            assertEquals(g.b2o3() / 100.0 * units, b / 2.0, 0.5 + 1e-9, g + " B2O3 units");
            assertEquals(g.p2o5() / 100.0 * units, p / 2.0, 0.5 + 1e-9, g + " P2O5 units");
            ResultTable row = CsvTables.read(out.resolve(g.name()).resolve("glass.csv"));
            assertEquals(li, (int) FeatureTables.numeric(row, "n_Li")[0]);
            assertEquals(li + b + p + o, (int) FeatureTables.numeric(row, "atoms")[0]);
        }
    }

    @Test
    @Order(3)
    void liLabelsAreTheTopThirtyPercentByDcumAndBLabelsTheSwitchedClasses() throws Exception {
        for (StudyGlass g : StudyGlass.all()) {
            ResultTable t = CsvTables.read(out.resolve(g.name()).resolve("li_labels.csv"));
            double[] d = FeatureTables.numeric(t, "D_cum_A");
            double[] m = FeatureTables.numeric(t, "mobile");
            int mobile = 0;
            double minMobile = Double.POSITIVE_INFINITY, maxImmobile = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                if (m[i] == 1) { mobile++; minMobile = Math.min(minMobile, d[i]); } else maxImmobile = Math.max(maxImmobile, d[i]);
            }
            assertEquals(Math.round(0.3 * d.length), mobile, g + ": 30 % of " + d.length + " Li");
            assertTrue(minMobile >= maxImmobile, g + ": every mobile Li has a larger D_cum than every immobile one");
            ResultTable b = CsvTables.read(out.resolve(g.name()).resolve("b_labels.csv"));
            String[] cls = b.column("class").strings();
            double[] sw = FeatureTables.numeric(b, "switched");
            for (int i = 0; i < cls.length; i++) {
                assertEquals(cls[i].equals("decreased") || cls[i].equals("swapped") ? 1 : 0, (int) sw[i], g + " row " + i);
            }
        }
    }

    /** accuracy and balanced accuracy of predicted_class (softness > 0) against the label, by atom id. */
    private static double[] accuracy(Path softness, Path labels, String labelColumn) throws Exception {
        ResultTable s = CsvTables.read(softness), l = CsvTables.read(labels);
        Map<Long, Integer> y = new HashMap<>();
        double[] lid = FeatureTables.numeric(l, "id"), lv = FeatureTables.numeric(l, labelColumn);
        for (int i = 0; i < lid.length; i++) y.put((long) lid[i], (int) lv[i]);
        double[] frame = FeatureTables.numeric(s, "frame"), id = FeatureTables.numeric(s, "id"), sv = FeatureTables.numeric(s, "softness");
        double[] pc = FeatureTables.numeric(s, "predicted_class");
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < id.length; i++) {
            if (frame[i] != 0) continue;
            int pred = sv[i] > 0 ? 1 : 0;
            assertEquals(pred, (int) pc[i], "predicted class = sign of the softness");
            int yy = y.get((long) id[i]);
            if (pred == 1 && yy == 1) tp++; else if (pred == 0 && yy == 0) tn++; else if (pred == 1) fp++; else fn++;
        }
        double acc = (tp + tn) / (double) (tp + tn + fp + fn);
        double tpr = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn), tnr = tn + fp == 0 ? Double.NaN : tn / (double) (tn + fp);
        return new double[] {acc, (tpr + tnr) / 2, tp + tn + fp + fn};
    }

    @Test
    @Order(4)
    void printedTestAccuraciesEqualThoseRecomputedFromTheSoftnessAndLabelFiles() throws Exception {
        Path t = out.resolve(StudyGlass.TEST.name());
        double[] li = accuracy(out.resolve("softness/Li40B30P30_Li.csv"), t.resolve("li_labels.csv"), "mobile");
        double[] b = accuracy(out.resolve("softness/Li40B30P30_B.csv"), t.resolve("b_labels.csv"), "switched");
        Matcher m = Pattern.compile("Li model .*?test accuracy ([0-9.]+), balanced accuracy ([0-9.]+) \\((\\d+) Li40B30P30.*"
                + "B model .*?test accuracy ([0-9.]+), balanced accuracy ([0-9.]+) \\((\\d+) Li40B30P30").matcher(stdout);
        assertTrue(m.find(), stdout);
        assertEquals(li[0], Double.parseDouble(m.group(1)), 0.5e-4);
        assertEquals(li[1], Double.parseDouble(m.group(2)), 0.5e-4);
        assertEquals((int) li[2], Integer.parseInt(m.group(3)));
        assertEquals(b[0], Double.parseDouble(m.group(4)), 0.5e-4);
        assertEquals(b[1], Double.parseDouble(m.group(5)), 0.5e-4);
        assertEquals((int) b[2], Integer.parseInt(m.group(6)));
        ResultTable sum = CsvTables.read(out.resolve("summary.csv"));
        assertEquals(li[0], value(sum, "li_test_accuracy"), 1e-12);
        assertEquals(b[0], value(sum, "b_test_accuracy"), 1e-12);
        // every Li and every B atom of the test glass was scored
        ResultTable row = CsvTables.read(t.resolve("glass.csv"));
        assertEquals(FeatureTables.numeric(row, "n_Li")[0], li[2]);
        assertEquals(FeatureTables.numeric(row, "n_B")[0], b[2]);
    }

    @Test
    @Order(4)
    void meanSoftnessOfGlassesAndBGroupsEqualThoseRecomputedFromTheSoftnessFiles() throws Exception {
        ResultTable glasses = CsvTables.read(out.resolve("glasses.csv"));
        String[] names = glasses.column("glass").strings();
        double[] meanLi = FeatureTables.numeric(glasses, "mean_softness_Li"), meanB = FeatureTables.numeric(glasses, "mean_softness_B");
        Map<String, List<Double>> byGroup = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            double[] li = FeatureTables.numeric(CsvTables.read(out.resolve("softness").resolve(names[i] + "_Li.csv")), "softness");
            double sumLi = 0;
            for (double v : li) sumLi += v;
            assertEquals(sumLi / li.length, meanLi[i], 1e-9 * (1 + Math.abs(meanLi[i])), names[i] + " mean Li softness");
            // B: the unstrained glass (tension frame 0) only
            ResultTable b = CsvTables.read(out.resolve("softness").resolve(names[i] + "_B.csv"));
            double[] frame = FeatureTables.numeric(b, "frame"), sb = FeatureTables.numeric(b, "softness");
            String[] group = b.column("group").strings();
            double sumB = 0;
            int nB = 0;
            for (int r = 0; r < sb.length; r++) {
                if (frame[r] != 0) continue;
                sumB += sb[r];
                nB++;
                byGroup.computeIfAbsent(group[r], k -> new ArrayList<>()).add(sb[r]);
            }
            assertTrue(nB > 0, names[i]);
            assertEquals(sumB / nB, meanB[i], 1e-9 * (1 + Math.abs(meanB[i])), names[i] + " mean B softness");
        }
        ResultTable sum = CsvTables.read(out.resolve("summary.csv"));
        for (String[] e : new String[][] {{"B[3]", "b3"}, {"B[4]", "b4"}}) {
            List<Double> v = byGroup.getOrDefault(e[0], List.of());
            if (v.isEmpty()) {
                assertTrue(Double.isNaN(value(sum, e[1] + "_mean_softness")), e[1]);
                continue;
            }
            double total = 0;
            for (double x : v) total += x;
            double mean = total / v.size();
            assertEquals(mean, value(sum, e[1] + "_mean_softness"), 1e-9 * (1 + Math.abs(mean)), e[1] + " mean");
            double[] sorted = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertEquals(median, value(sum, e[1] + "_median_softness"), 1e-12 * (1 + Math.abs(median)), e[1] + " median");
        }
    }

    private static double value(ResultTable sum, String q) {
        String[] qs = sum.column("quantity").strings();
        for (int i = 0; i < qs.length; i++) if (qs[i].equals(q)) return FeatureTables.numeric(sum, "value")[i];
        throw new AssertionError("no " + q);
    }

    @Test
    @Order(5)
    void softnessColumnsOfTheDumpsEqualTheSoftnessCsv() throws Exception {
        for (StudyGlass g : List.of(StudyGlass.TEST, StudyGlass.byName("Li50B30P20"))) {
            for (String kind : List.of("Li", "B")) {
                ResultTable s = CsvTables.read(out.resolve("softness").resolve(g.name() + "_" + kind + ".csv"));
                double[] frame = FeatureTables.numeric(s, "frame"), id = FeatureTables.numeric(s, "id"), sv = FeatureTables.numeric(s, "softness");
                Map<String, Double> byKey = new HashMap<>();
                for (int i = 0; i < id.length; i++) byKey.put((int) frame[i] + ":" + (long) id[i], sv[i]);
                int checked = 0;
                try (Trajectory t = LammpsDumpReader.open(out.resolve("softness").resolve(g.name() + "_" + kind + ".dump"),
                        DumpReadOptions.defaults(), Progress.NONE)) {
                    for (int k = 0; k < t.frameCount(); k++) {
                        Frame f = t.frame(k);
                        double[] col = f.properties().get("softness");
                        assertNotNull(col, "softness column");
                        for (int i = 0; i < f.atomCount(); i++) {
                            Double want = byKey.get(k + ":" + f.ids()[i]);
                            if (f.speciesOf(i).equals(kind)) {
                                assertEquals(want, col[i], 0.0, g + " " + kind + " frame " + k + " id " + f.ids()[i]);
                                checked++;
                            } else {
                                assertTrue(Double.isNaN(col[i]) && want == null);
                            }
                        }
                    }
                    if (kind.equals("B")) assertTrue(t.frameCount() > 1, "the B dump holds every tension frame");
                }
                assertEquals(id.length, checked, g + " " + kind + ": every CSV row is in the dump");
            }
        }
    }

    @Test
    @Order(6)
    void reportTablesEqualSummaryCsvAndFiguresAreCopied() throws Exception {
        Path md = tmp.resolve("docs/REPRODUCTION.md");
        Object[] r = run("report", "--in", out.toString(), "--out", md.toString());
        assertEquals(0, r[0], (String) r[2]);
        String text = Files.readString(md);
        ResultTable sum = CsvTables.read(out.resolve("summary.csv"));
        String[] q = sum.column("quantity").strings();
        int found = 0;
        for (String line : text.split("\n")) {
            Matcher m = Pattern.compile("^\\| ([a-z0-9_A-Z]+) \\| ([-0-9.EeNaIfinty]+) \\|$").matcher(line);
            if (!m.find()) continue;
            assertEquals(value(sum, m.group(1)), Double.parseDouble(m.group(2)), 0.0, line);
            found++;
        }
        assertEquals(q.length, found, "one report row per summary quantity");
        // the comparison rows: the accuracy criterion evaluated here
        double b = value(sum, "b_test_accuracy"), li = value(sum, "li_test_accuracy");
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "| %.3f (balanced", b)));
        assertTrue(text.contains("(bond switching), Li40B30P30 | ≈ 0.77 | " + String.format(java.util.Locale.ROOT, "%.3f", b)));
        String bRow = text.lines().filter(l -> l.startsWith("| Test accuracy of the B model")).findFirst().orElseThrow();
        assertTrue(bRow.contains(Math.abs(b - 0.77) <= 0.05 ? "| yes |" : "| **no** |"), bRow);
        String liRow = text.lines().filter(l -> l.startsWith("| Test accuracy of the Li model")).findFirst().orElseThrow();
        assertTrue(liRow.contains(Math.abs(li - 0.73) <= 0.05 ? "| yes |" : "| **no** |"), liRow);
        String slopeRow = text.lines().filter(l -> l.startsWith("| <S> of Li rises")).findFirst().orElseThrow();
        assertTrue(slopeRow.contains(value(sum, "li_mean_softness_slope_per_B2O3_mol_pct") > 0 ? "| yes |" : "| **no** |"));
        assertTrue(text.contains("354-364 atoms per glass instead of ~10,000"), "scale stated from the glasses");
        // Beyond the study: one row per species and model, CV mean ± std and test values = summary.csv / comparison CSVs
        String section = text.substring(text.indexOf("## Beyond the study: angular features"), text.indexOf("## Figures"));
        int rows = 0;
        for (String sp : List.of("Li", "B")) {
            ResultTable cmp = CsvTables.read(out.resolve("comparison").resolve(sp.toLowerCase() + "_comparison.csv"));
            for (String[] m : new String[][] {{"radial", "radial (G)", "radial"}, {"angular", "angular (Psi)", null},
                    {"radial+angular", "radial+angular", "combined"}}) {
                String line = section.lines().filter(l -> l.startsWith("| " + sp + " | " + m[1] + " |")).findFirst().orElseThrow();
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                assertEquals(9, cells.length, line);
                String[] metrics = {"accuracy", "balanced_accuracy", "roc_auc"};
                for (int k = 0; k < 3; k++) {
                    String[] ms = cells[3 + k].split(" ± ");
                    double mean = Double.parseDouble(ms[0]), std = Double.parseDouble(ms[1]), test = Double.parseDouble(cells[6 + k]);
                    assertEquals(cmpValue(cmp, m[0], "cv_mean", metrics[k]), mean, 0.5e-3, line);
                    assertEquals(cmpValue(cmp, m[0], "cv_std", metrics[k]), std, 0.5e-3, line);
                    assertEquals(cmpValue(cmp, m[0], "test", metrics[k]), test, 0.5e-3, line);
                    if (m[2] != null) {
                        String key = sp.toLowerCase() + "_cmp_" + m[2] + "_";
                        assertEquals(value(sum, key + "cv_" + metrics[k] + "_mean"), mean, 0.5e-3, line);
                        assertEquals(value(sum, key + "cv_" + metrics[k] + "_std"), std, 0.5e-3, line);
                        assertEquals(value(sum, key + "test_" + metrics[k]), test, 0.5e-3, line);
                    }
                }
                rows++;
            }
            // the verdict: test and CV changes of the balanced accuracy from summary.csv, and the fold spread
            String k = sp.toLowerCase() + "_cmp_";
            double dTest = value(sum, k + "combined_test_balanced_accuracy") - value(sum, k + "radial_test_balanced_accuracy");
            double dCv = value(sum, k + "combined_cv_balanced_accuracy_mean") - value(sum, k + "radial_cv_balanced_accuracy_mean");
            double spread = Math.max(value(sum, k + "combined_cv_balanced_accuracy_std"), value(sum, k + "radial_cv_balanced_accuracy_std"));
            String verdict = section.lines().filter(l -> l.startsWith("- **" + sp + " model:**")).findFirst().orElseThrow();
            assertTrue(verdict.contains((dTest > 0 ? "raises" : dTest < 0 ? "lowers" : "does not change") + " the test balanced accuracy"
                    + (dTest == 0 ? "" : String.format(java.util.Locale.ROOT, " by %.3f", Math.abs(dTest)))), verdict);
            assertTrue(verdict.contains((dCv > 0 ? "raises" : dCv < 0 ? "lowers" : "does not change") + " the CV mean"
                    + (dCv == 0 ? "" : String.format(java.util.Locale.ROOT, " by %.3f", Math.abs(dCv)))), verdict);
            assertTrue(verdict.contains(String.format(java.util.Locale.ROOT, "the fold spread %.3f", spread)), verdict);
            assertTrue(verdict.contains(String.format(java.util.Locale.ROOT, "(ROC AUC: test %+.3f, CV mean %+.3f)",
                    value(sum, k + "combined_test_roc_auc") - value(sum, k + "radial_test_roc_auc"),
                    value(sum, k + "combined_cv_roc_auc_mean") - value(sum, k + "radial_cv_roc_auc_mean"))), verdict);
            boolean gain = dCv > spread && dTest > 0;
            assertEquals(gain, verdict.contains("evidence of a gain") && !verdict.contains("no evidence of a gain"), verdict);
        }
        assertEquals(6, rows);
        for (String f : StudyFigures.FILES) {
            assertTrue(text.contains("](reproduction/" + f + ")"), f);
            assertEquals(-1, Files.mismatch(out.resolve("figures").resolve(f), tmp.resolve("docs/reproduction").resolve(f)));
        }
    }

    private static double cmpValue(ResultTable t, String model, String set, String column) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.column("model").text(i).equals(model) && t.column("set").text(i).equals(set)) return FeatureTables.numeric(t, column)[i];
        }
        throw new AssertionError("no row " + model + " " + set);
    }

    /** {accuracy, balanced accuracy, ROC AUC} of decision values against labels, by counting (ROC AUC: pairs, ties 1/2). */
    private static double[] rate(int[] y, double[] s) {
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean p = s[i] > 0;
            if (p && y[i] == 1) tp++; else if (!p && y[i] == 0) tn++; else if (p) fp++; else fn++;
        }
        double pairs = 0, wins = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1) continue;
            for (int j = 0; j < y.length; j++) {
                if (y[j] != 0) continue;
                pairs++;
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        return new double[] {(tp + tn) / (double) y.length, (tp / (double) (tp + fn) + tn / (double) (tn + fp)) / 2, wins / pairs};
    }

    @Test
    @Order(9)
    void angularComparisonEqualsAnIndependentRecomputation() throws Exception {
        ResultTable sum = CsvTables.read(out.resolve("summary.csv"));
        Path cmpDir = out.resolve("comparison");
        assertTrue(Files.isRegularFile(cmpDir.resolve("comparison_settings.csv")));
        for (String sp : List.of("Li", "B")) {
            String k = sp.toLowerCase();
            ResultTable cmp = CsvTables.read(cmpDir.resolve(k + "_comparison.csv"));
            ResultTable scores = CsvTables.read(cmpDir.resolve(k + "_test_scores.csv"));
            // 3 models x (4 leave-one-glass-out folds + mean + std + test)
            assertEquals(21, cmp.rowCount(), sp);
            List<StudyGlass> training = sp.equals("Li") ? StudyGlass.liTraining() : StudyGlass.bTraining();
            for (String m : List.of("radial", "angular", "radial+angular")) {
                // the folds hold out each training glass once, with all its labelled atoms
                double[] bal = new double[4];
                for (int f = 0; f < 4; f++) {
                    int row = -1;
                    for (int i = 0; i < cmp.rowCount(); i++) {
                        if (cmp.column("model").text(i).equals(m) && cmp.column("set").text(i).equals("cv")
                                && FeatureTables.numeric(cmp, "fold")[i] == f) row = i;
                    }
                    String held = cmp.column("held_out").text(row);
                    assertEquals(training.get(f).name(), held, sp + " " + m + " fold " + f);
                    int labelled = CsvTables.read(out.resolve(held).resolve(k + "_labels.csv")).rowCount();
                    assertEquals(labelled, (int) FeatureTables.numeric(cmp, "test_rows")[row], sp + " " + m + " fold " + f);
                    bal[f] = FeatureTables.numeric(cmp, "balanced_accuracy")[row];
                }
                double mean = java.util.Arrays.stream(bal).average().orElseThrow(), var = 0;
                for (double v : bal) var += (v - mean) * (v - mean) / 4;
                assertEquals(mean, cmpValue(cmp, m, "cv_mean", "balanced_accuracy"), 1e-12, sp + " " + m);
                assertEquals(Math.sqrt(var), cmpValue(cmp, m, "cv_std", "balanced_accuracy"), 1e-12, sp + " " + m);
                // test metrics recomputed by counting from the written decision values of every test atom
                int[] y = java.util.Arrays.stream(FeatureTables.numeric(scores, "label")).mapToInt(v -> (int) v).toArray();
                double[] r = rate(y, FeatureTables.numeric(scores, "score_" + m));
                assertEquals(r[0], cmpValue(cmp, m, "test", "accuracy"), 1e-12, sp + " " + m);
                assertEquals(r[1], cmpValue(cmp, m, "test", "balanced_accuracy"), 1e-12, sp + " " + m);
                assertEquals(r[2], cmpValue(cmp, m, "test", "roc_auc"), 1e-12, sp + " " + m);
            }
            // the radial model is the study's model: its test metrics are summary.csv's and its decision values the
            // softness the study wrote for the test glass (B: frame 0, the unstrained glass)
            assertEquals(value(sum, k + "_test_accuracy"), cmpValue(cmp, "radial", "test", "accuracy"), 1e-12, sp);
            assertEquals(value(sum, k + "_test_balanced_accuracy"), cmpValue(cmp, "radial", "test", "balanced_accuracy"), 1e-12, sp);
            assertEquals(value(sum, k + "_test_roc_auc"), cmpValue(cmp, "radial", "test", "roc_auc"), 1e-9, sp);
            ResultTable soft = CsvTables.read(out.resolve("softness").resolve(StudyGlass.TEST.name() + "_" + sp + ".csv"));
            Map<Long, Double> s = new HashMap<>();
            double[] fr = FeatureTables.numeric(soft, "frame"), id = FeatureTables.numeric(soft, "id"), sv = FeatureTables.numeric(soft, "softness");
            for (int i = 0; i < id.length; i++) if (fr[i] == 0) s.put((long) id[i], sv[i]);
            // (softness S = decision value / |w|, |w| from the model's weights file)
            double norm = Math.sqrt(java.util.Arrays.stream(FeatureTables.numeric(CsvTables.read(out.resolve("models")
                    .resolve(k + "_weights.csv")), "w")).map(w -> w * w).sum());
            double[] radial = FeatureTables.numeric(scores, "score_radial"), sid = FeatureTables.numeric(scores, "id");
            assertEquals(s.size(), radial.length, sp + ": every test atom scored");
            for (int i = 0; i < radial.length; i++) {
                double want = s.get((long) sid[i]) * norm;
                assertEquals(want, radial[i], 1e-8 * Math.max(1, Math.abs(want)), sp + " id " + (long) sid[i]);
            }
            // summary.csv holds the radial and radial+angular numbers of the table
            for (String[] m : new String[][] {{"radial", "radial"}, {"radial+angular", "combined"}}) {
                assertEquals(cmpValue(cmp, m[0], "test", "roc_auc"), value(sum, k + "_cmp_" + m[1] + "_test_roc_auc"), 0.0);
                assertEquals(cmpValue(cmp, m[0], "cv_std", "accuracy"), value(sum, k + "_cmp_" + m[1] + "_cv_accuracy_std"), 0.0);
            }
            // compare-features on the same folder gives the same table
            Path cf = tmp.resolve("cf-" + k);
            Object[] res = run("compare-features", "--study", out.toString(), "--species", sp, "--out", cf.toString());
            assertEquals(0, res[0], (String) res[2]);
            ResultTable again = CsvTables.read(cf.resolve("comparison.csv"));
            assertEquals(cmp.rowCount(), again.rowCount());
            for (String col : List.of("accuracy", "balanced_accuracy", "roc_auc", "features", "train_rows", "test_rows")) {
                double[] a = FeatureTables.numeric(cmp, col), b = FeatureTables.numeric(again, col);
                for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 0.0, sp + " " + col + " row " + i);
            }
        }
    }

    @Test
    @Order(7)
    void figuresDecodeAsPngOfTheExpectedSize() throws Exception {
        for (String f : StudyFigures.FILES) {
            Path p = out.resolve("figures").resolve(f);
            BufferedImage img = ImageIO.read(p.toFile());
            assertNotNull(img, f);
            assertEquals(StudyFigures.WIDTH, img.getWidth(), f);
            assertEquals(StudyFigures.HEIGHT, img.getHeight(), f);
            assertTrue(Files.size(p) < 100_000, f + " is " + Files.size(p) + " bytes");
            // not blank: more than a handful of colours
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
            assertTrue(colours.size() > 5, f + " has " + colours.size() + " colours");
        }
    }

    @Test
    @Order(8)
    void resumeSkipsCompleteGlassesAndRedoesAnIncompleteOne() throws Exception {
        Path redo = out.resolve("Li50B30P20");
        Files.delete(redo.resolve("sq.csv"));
        FileTime kept = Files.getLastModifiedTime(out.resolve("Li30B30P40/tension.dump"));
        FileTime old = Files.getLastModifiedTime(redo.resolve("tension.dump"));
        Object[] r = run("study", "--scale", "tiny", "--out", out.toString(), "--threads", "2", "--no-figures");
        assertEquals(0, r[0], (String) r[2]);
        String so = (String) r[1];
        for (StudyGlass g : StudyGlass.all()) {
            boolean skipped = so.contains("study: " + g.name() + ": complete in ");
            assertEquals(!g.name().equals("Li50B30P20"), skipped, g + ":\n" + so);
        }
        assertTrue(Files.isRegularFile(redo.resolve("sq.csv")));
        assertEquals(kept, Files.getLastModifiedTime(out.resolve("Li30B30P40/tension.dump")), "complete glass untouched");
        assertFalse(old.equals(Files.getLastModifiedTime(redo.resolve("tension.dump"))), "incomplete glass redone");
        assertTrue(SoftnessStudy.isComplete(redo));
        // the same folder with other settings is refused before any work
        r = run("study", "--scale", "tiny", "--seed", "2", "--out", out.toString());
        assertEquals(1, r[0]);
        assertTrue(((String) r[2]).contains("holds a study with other settings (seed = 1, now 2)"), (String) r[2]);
    }

    @Test
    void badOptionsGiveClearErrors() {
        Object[] r = run("study", "--scale", "huge", "--out", tmp.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("scale must be tiny, small or full, got 'huge'"), (String) r[2]);
        r = run("study", "--scale", "tiny", "--nvt-stages", "nvt300:nvx:100:300", "--out", tmp.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("NVT stages 'nvt300:nvx:100:300'") && ((String) r[2]).contains("nve, nvt, npt or tension"),
                (String) r[2]);
        r = run("study", "--tension-stages", "a:nvt:100:300", "--out", tmp.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("have no tension stage"), (String) r[2]);
        r = run("study", "--label", "top:1.5", "--out", tmp.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).startsWith("study: ") && ((String) r[2]).contains("1.5"), (String) r[2]);
        r = run("study", "--class-weight", "heavy", "--out", tmp.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--class-weight must be none or balanced, got 'heavy'"), (String) r[2]);
        r = run("study", "--dr", "0.5", "--rc", "0.2", "--out", tmp.resolve("x").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("0 < dr < R_c"), (String) r[2]);
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written for bad options");
        r = run("report", "--in", tmp.resolve("nothing").toString(), "--out", tmp.resolve("r.md").toString());
        assertEquals(1, r[0]);
        assertTrue(((String) r[2]).contains("has no summary.csv"), (String) r[2]);
    }
}
