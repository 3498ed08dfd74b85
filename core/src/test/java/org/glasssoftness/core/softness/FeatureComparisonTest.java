package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureComparisonTest {

    static String[] groups(int... sizes) {
        List<String> g = new ArrayList<>();
        String[] names = {"Li45B30P25", "Li30B30P40", "Li50B30P20", "Li35B30P35", "Li40B30P30", "X", "Y"};
        // interleaved, not sorted: rows of one group are not contiguous
        int total = 0;
        for (int s : sizes) total += s;
        int[] left = sizes.clone();
        for (int i = 0; g.size() < total; i++) {
            int k = i % sizes.length;
            if (left[k]-- > 0) g.add(names[k]);
        }
        return g.toArray(new String[0]);
    }

    static void assertNoLeak(String[] group, List<GroupFolds.Fold> folds) {
        int[] seen = new int[group.length];
        for (GroupFolds.Fold f : folds) {
            Set<String> train = new HashSet<>(), test = new HashSet<>();
            for (int r : f.trainRows()) train.add(group[r]);
            for (int r : f.testRows()) { test.add(group[r]); seen[r]++; }
            for (String g : test) assertFalse(train.contains(g), "group " + g + " in train and test of fold " + f.index());
            assertEquals(new HashSet<>(f.heldOutGroups()), test);
            assertEquals(group.length, f.trainRows().length + f.testRows().length);
        }
        for (int s : seen) assertEquals(1, s, "every row is held out exactly once");
    }

    @Test
    void leaveOneGroupOutNeverMixesGroups() {
        String[] g = groups(7, 5, 9, 3);
        List<GroupFolds.Fold> folds = GroupFolds.leaveOneGroupOut(g);
        assertEquals(4, folds.size());
        assertNoLeak(g, folds);
        assertEquals(List.of("Li30B30P40"), folds.get(0).heldOutGroups()); // sorted group order
        assertEquals(5, folds.get(0).testRows().length);
    }

    @Test
    void kGroupFoldsNeverMixGroupsAndFollowTheSeed() {
        String[] g = groups(4, 6, 5, 3, 8, 2, 7);
        for (int k = 2; k <= 7; k++) {
            List<GroupFolds.Fold> folds = GroupFolds.kGroupFolds(g, k, 11);
            assertEquals(k, folds.size());
            assertNoLeak(g, folds);
            int min = Integer.MAX_VALUE, max = 0;
            for (GroupFolds.Fold f : folds) { min = Math.min(min, f.heldOutGroups().size()); max = Math.max(max, f.heldOutGroups().size()); }
            assertTrue(max - min <= 1);
        }
        List<GroupFolds.Fold> a = GroupFolds.kGroupFolds(g, 3, 5), b = GroupFolds.kGroupFolds(g, 3, 5);
        for (int f = 0; f < 3; f++) assertArrayEquals(a.get(f).testRows(), b.get(f).testRows());
        assertThrows(IllegalArgumentException.class, () -> GroupFolds.kGroupFolds(g, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> GroupFolds.kGroupFolds(g, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GroupFolds.leaveOneGroupOut(new String[] {"A", "A"}));
    }

    static boolean sklearn() {
        return ScikitLearnAgreementTest.sklearnAvailable();
    }

    static String run(Path dir, String script, String... args) throws Exception {
        Files.writeString(dir.resolve("s.py"), script, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", dir.resolve("s.py").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.trim();
    }

    @Test
    void balancedAccuracyAndRocAucAgreeWithScikitLearn(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(sklearn(), "python3-sklearn is not installed");
        Random rnd = new Random(3);
        StringBuilder sb = new StringBuilder();
        List<double[]> expected = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int n = 50 + 40 * c;
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble() < 0.2 + 0.1 * c ? 1 : 0;
                // rounded scores: many ties, also ties across classes and exact zeros
                s[i] = Math.rint((rnd.nextGaussian() + 0.7 * y[i] * c / 3.0) * 4) / 4;
                sb.append(c).append(',').append(y[i]).append(',').append(s[i]).append('\n');
            }
            ClassificationMetrics m = ClassificationMetrics.of(y, s);
            expected.add(new double[] {m.accuracy(), m.balancedAccuracy(), m.rocAuc()});
        }
        Files.writeString(dir.resolve("scores.csv"), sb.toString(), StandardCharsets.UTF_8);
        String out = run(dir, String.join("\n",
                "import sys, numpy as np",
                "from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score",
                "d = np.loadtxt(sys.argv[1], delimiter=',')",
                "for c in range(6):",
                "    r = d[d[:, 0] == c]; y = r[:, 1].astype(int); s = r[:, 2]; p = (s > 0).astype(int)",
                "    print(repr(accuracy_score(y, p)), repr(balanced_accuracy_score(y, p)), repr(roc_auc_score(y, s)))",
                ""), dir.resolve("scores.csv").toString());
        String[] lines = out.split("\n");
        assertEquals(6, lines.length);
        for (int c = 0; c < 6; c++) {
            String[] v = lines[c].trim().split(" ");
            for (int k = 0; k < 3; k++) assertEquals(Double.parseDouble(v[k]), expected.get(c)[k], 1e-12, "case " + c + " metric " + k);
        }
    }

    /** Rows of 5 groups: 3 radial and 2 angular columns, label driven by one of each plus a group shift of the features. */
    static TrainingData synthetic(long seed, int perGroup) {
        Random rnd = new Random(seed);
        String[] names = {"A", "B", "C", "D", "T"};
        List<String> cols = List.of("G_B-O_1.00", "G_B-O_2.00", "G_B-Li_1.00", "Psi_O-O_xi2.0_l+1_z1", "Psi_O-O_xi2.0_l-1_z1");
        int n = names.length * perGroup, d = cols.size();
        double[] x = new double[n * d];
        int[] y = new int[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            int gi = i % names.length;
            g[i] = names[gi];
            for (int k = 0; k < d; k++) x[i * d + k] = rnd.nextGaussian() * (1 + k) + 3 * gi * (k % 2) + 10 * k;
            double z = 0.8 * (x[i * d] - 10 * 0 - 0) + 1.2 * (x[i * d + 3] - 30 - 3 * gi) / 4 - 0.3 * gi + rnd.nextGaussian();
            y[i] = z > 0.5 ? 1 : 0;
        }
        FeatureDefinition def = new FeatureDefinition("B", List.of("O"), 1.0, 2.0, 1.0);
        return new TrainingData(def, cols, x, y, g);
    }

    static final String SKLEARN_CV = String.join("\n",
            "import sys, numpy as np",
            "from sklearn.pipeline import make_pipeline",
            "from sklearn.preprocessing import StandardScaler",
            "from sklearn.linear_model import LogisticRegression",
            "from sklearn.model_selection import LeaveOneGroupOut",
            "from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score",
            "d = np.genfromtxt(sys.argv[1], delimiter=',', dtype=str)",
            "g = d[:, 0]; y = d[:, 1].astype(int); X = d[:, 2:].astype(float); C = float(sys.argv[2])",
            "cw = None if sys.argv[3] == 'none' else 'balanced'",
            "models = [('radial', [0, 1, 2]), ('angular', [3, 4]), ('radial+angular', [0, 1, 2, 3, 4])]",
            "tr = g != 'T'",
            "def fit_rate(a, b, cols):",
            "    m = make_pipeline(StandardScaler(), LogisticRegression(C=C, class_weight=cw, tol=1e-12, max_iter=100000))",
            "    m.fit(X[a][:, cols], y[a]); s = m.decision_function(X[b][:, cols]); p = (s > 0).astype(int)",
            "    return accuracy_score(y[b], p), balanced_accuracy_score(y[b], p), roc_auc_score(y[b], s)",
            "for name, cols in models:",
            "    Xt, yt, gt = X[tr], y[tr], g[tr]",
            "    idx = np.where(tr)[0]",
            "    for a, b in LeaveOneGroupOut().split(Xt, yt, gt):",
            "        print(name, 'cv', gt[b][0], *[repr(float(v)) for v in fit_rate(idx[a], idx[b], cols)])",
            "    print(name, 'test', 'T', *[repr(float(v)) for v in fit_rate(np.where(tr)[0], np.where(~tr)[0], cols)])",
            "");

    @Test
    void groupedCrossValidationAgreesWithScikitLearnPipeline(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(sklearn(), "python3-sklearn is not installed");
        TrainingData data = synthetic(5, 120);
        StringBuilder sb = new StringBuilder();
        int d = data.features();
        for (int i = 0; i < data.rows(); i++) {
            sb.append(data.group()[i]).append(',').append(data.y()[i]);
            for (int k = 0; k < d; k++) sb.append(',').append(data.x()[i * d + k]);
            sb.append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), sb.toString(), StandardCharsets.UTF_8);
        for (String cw : List.of("none", "balanced")) {
            TrainSettings settings = TrainSettings.defaults().withC(0.05)
                    .withWeighting(cw.equals("none") ? ClassWeighting.NONE : ClassWeighting.BALANCED);
            FeatureComparison.Result r = FeatureComparison.compare(data, null, Set.of("T"), 0, settings, Progress.NONE);
            String out = run(dir, SKLEARN_CV, dir.resolve("rows.csv").toString(), "0.05", cw);
            String[] lines = out.split("\n");
            assertEquals(3 * 5, lines.length);
            ResultTable t = r.table();
            int checked = 0;
            for (String line : lines) {
                String[] v = line.trim().split(" ");
                int row = find(t, v[0], v[1], v[2]);
                for (int k = 0; k < 3; k++) {
                    String col = new String[] {"accuracy", "balanced_accuracy", "roc_auc"}[k];
                    double tol = k == 2 ? 1e-4 : 0.5 / t.column("test_rows").ints()[row] + 1e-12;
                    assertEquals(Double.parseDouble(v[3 + k]), t.column(col).doubles()[row], tol, line + " " + col);
                }
                checked++;
            }
            assertEquals(15, checked);
            assertTrue(r.summary().contains("radial+angular"), r.summary());
            assertEquals(120, r.testScores().rowCount());
        }
    }

    static int find(ResultTable t, String model, String set, String held) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.column("model").strings()[i].equals(model) && t.column("set").strings()[i].equals(set)
                    && t.column("held_out").strings()[i].equals(held)) return i;
        }
        throw new AssertionError("no row " + model + " " + set + " " + held);
    }

    @Test
    void tableShapeMeansAndErrors() {
        TrainingData data = synthetic(8, 60);
        FeatureComparison.Result r = FeatureComparison.compare(data, null, Set.of(), 2, TrainSettings.defaults(), Progress.NONE);
        ResultTable t = r.table();
        // 3 models x (2 folds + mean + std), no test rows
        assertEquals(12, t.rowCount());
        assertNull(r.testScores());
        int mean = find(t, "angular", "cv_mean", "all folds");
        double s = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.column("model").strings()[i].equals("angular") && t.column("set").strings()[i].equals("cv")) {
                s += t.column("roc_auc").doubles()[i];
            }
        }
        assertEquals(s / 2, t.column("roc_auc").doubles()[mean], 1e-15);
        assertEquals(2, t.column("features").ints()[mean]);
        assertThrows(IllegalArgumentException.class,
                () -> FeatureComparison.compare(data, null, Set.of("Z"), 0, TrainSettings.defaults(), Progress.NONE));
        TrainingData noGroups = new TrainingData(data.definition(), data.featureNames(), data.x(), data.y(), null);
        assertThrows(IllegalArgumentException.class,
                () -> FeatureComparison.compare(noGroups, null, Set.of(), 0, TrainSettings.defaults(), Progress.NONE));
        assertEquals(List.of("radial", "angular", "radial+angular"),
                FeatureComparison.models(data.featureNames()).stream().map(FeatureComparison.Model::name).toList());
        assertEquals(List.of("radial"), FeatureComparison.models(List.of("G_B-O_1.00", "frame")).stream()
                .map(FeatureComparison.Model::name).toList());
    }
}
