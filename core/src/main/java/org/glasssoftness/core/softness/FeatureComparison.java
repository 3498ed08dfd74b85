package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Does adding angular features help? Radial-only, angular-only and radial+angular logistic regressions on the same
 * labelled rows, compared by grouped cross-validation over the training groups ({@link GroupFolds}) and on held-out
 * test groups (e.g. the study's Li40B30P30).
 *
 * <p>Every fit is the one of Train LR: a {@link StandardScaler} fitted on the fold's training rows only, then
 * {@link LogisticRegressionSolver} (scikit-learn's L2 objective and C, optional balanced class weights); held-out rows
 * are scored by the decision value w . x' + b and rated by {@link ClassificationMetrics} (accuracy and balanced
 * accuracy of "class 1 when the decision value &gt; 0", ROC AUC of the decision values). Models: {@value #RADIAL}
 * (columns {@code G_...}), {@value #ANGULAR} ({@code Psi_...}) and {@value #COMBINED} (both), each only when it has
 * columns.
 */
public final class FeatureComparison {
    public static final String RADIAL = "radial";
    public static final String ANGULAR = "angular";
    public static final String COMBINED = "radial+angular";

    /** A model: its name and feature columns (indices into the data's feature names). */
    public record Model(String name, int[] columns) { }

    /** Mean and (population) standard deviation over the folds with a defined value, and that count. */
    public record Summary(double mean, double std, int folds) { }

    /**
     * The comparison: table {@code comparison} (model, set = cv / cv_mean / cv_std / test, fold, held_out,
     * train_rows, test_rows, features, accuracy, balanced_accuracy, roc_auc), table {@code test_scores} (group, id,
     * label, one decision-value column {@code score_<model>} per model; null without test groups) and a one-line
     * summary.
     */
    public record Result(ResultTable table, ResultTable testScores, String summary) { }

    private FeatureComparison() { }

    /** The models the feature names allow, in the order radial, angular, radial+angular. */
    public static List<Model> models(List<String> names) {
        List<Integer> g = new ArrayList<>(), p = new ArrayList<>(), all = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k).startsWith("G_")) { g.add(k); all.add(k); }
            else if (names.get(k).startsWith(AngularDefinition.PREFIX)) { p.add(k); all.add(k); }
        }
        List<Model> out = new ArrayList<>();
        if (!g.isEmpty()) out.add(new Model(RADIAL, ints(g)));
        if (!p.isEmpty()) out.add(new Model(ANGULAR, ints(p)));
        if (!g.isEmpty() && !p.isEmpty()) out.add(new Model(COMBINED, ints(all)));
        return out;
    }

    /**
     * @param data       every labelled row with its group (training and test groups together); feature names
     *                   {@code G_...} and {@code Psi_...}
     * @param ids        atom id per row (written to the test scores), or null
     * @param testGroups groups held out as the final test set (may be empty: cross-validation only)
     * @param folds      0: leave-one-group-out over the training groups; k &gt;= 2: k group folds
     */
    public static Result compare(TrainingData data, long[] ids, Set<String> testGroups, int folds, TrainSettings settings,
                                 Progress progress) {
        if (data.group() == null) throw new IllegalArgumentException("the comparison needs a group per row");
        if (ids != null && ids.length != data.rows()) throw new IllegalArgumentException("ids and rows differ in length");
        Set<String> present = new HashSet<>(Arrays.asList(data.group()));
        for (String t : testGroups) {
            if (!present.contains(t)) throw new IllegalArgumentException("test group '" + t + "' has no rows (groups: " + present + ")");
        }
        List<Model> models = models(data.featureNames());
        if (models.isEmpty()) throw new IllegalArgumentException("no feature columns named G_... or Psi_...");
        int n = data.rows();
        List<Integer> trainIdx = new ArrayList<>(), testIdx = new ArrayList<>();
        for (int i = 0; i < n; i++) (testGroups.contains(data.group()[i]) ? testIdx : trainIdx).add(i);
        int[] trainRows = ints(trainIdx), testRows = ints(testIdx);
        String[] trainGroups = new String[trainRows.length];
        for (int r = 0; r < trainRows.length; r++) trainGroups[r] = data.group()[trainRows[r]];
        List<GroupFolds.Fold> cv = folds == 0 ? GroupFolds.leaveOneGroupOut(trainGroups)
                : GroupFolds.kGroupFolds(trainGroups, folds, settings.seed());

        Rows out = new Rows();
        int steps = models.size() * (cv.size() + 1), step = 0;
        double[][] testScores = new double[models.size()][];
        List<Summary[]> cvSummary = new ArrayList<>();
        ClassificationMetrics[] testMetrics = new ClassificationMetrics[models.size()];
        for (int m = 0; m < models.size(); m++) {
            Model model = models.get(m);
            List<ClassificationMetrics> foldMetrics = new ArrayList<>();
            for (GroupFolds.Fold f : cv) {
                progress.checkCanceled();
                progress.report((double) step++ / steps, model.name() + ", fold " + f.index() + " (" + f.heldOutGroups() + ")");
                int[] tr = map(trainRows, f.trainRows()), te = map(trainRows, f.testRows());
                ClassificationMetrics cm = fitAndRate(data, model, tr, te, settings, null);
                foldMetrics.add(cm);
                out.add(model.name(), "cv", f.index(), String.join(";", f.heldOutGroups()), tr.length, te.length,
                        model.columns().length, cm);
            }
            Summary[] s = {summarise(foldMetrics, 0), summarise(foldMetrics, 1), summarise(foldMetrics, 2)};
            cvSummary.add(s);
            out.addSummary(model.name(), "cv_mean", trainRows.length, model.columns().length, s, true);
            out.addSummary(model.name(), "cv_std", trainRows.length, model.columns().length, s, false);
            progress.report((double) step++ / steps, model.name() + ", test");
            if (testRows.length > 0) {
                double[] scores = new double[testRows.length];
                testMetrics[m] = fitAndRate(data, model, trainRows, testRows, settings, scores);
                testScores[m] = scores;
                out.add(model.name(), "test", -1, String.join(";", new java.util.TreeSet<>(testGroups)), trainRows.length,
                        testRows.length, model.columns().length, testMetrics[m]);
            }
        }
        progress.report(1, "comparison done");
        ResultTable scores = null;
        if (testRows.length > 0) {
            ResultTable.Builder b = ResultTable.builder("test_scores");
            String[] g = new String[testRows.length];
            long[] id = new long[testRows.length];
            int[] y = new int[testRows.length];
            for (int r = 0; r < testRows.length; r++) {
                g[r] = data.group()[testRows[r]];
                id[r] = ids == null ? testRows[r] : ids[testRows[r]];
                y[r] = data.y()[testRows[r]];
            }
            b.strings("group", g).longs(ids == null ? "row" : "id", id).ints("label", y);
            for (int m = 0; m < models.size(); m++) b.doubles("score_" + models.get(m).name(), testScores[m]);
            scores = b.build();
        }
        String summary = summary(models, cv.size(), folds, trainRows.length, testRows.length, testGroups, cvSummary, testMetrics);
        return new Result(out.build(), scores, summary);
    }

    /**
     * The G_ columns (definition order) and Psi_ columns of a feature table as labelled rows: the table's own Psi_
     * columns (table order) when {@code psi} is null, else those of {@code psi} joined by atom id (the table's Psi_
     * columns are then ignored). Fails naming {@code what} and the row when an atom id has no angular row.
     */
    public static TrainingData rows(ResultTable feats, int[] y, String[] group, AngularFeatureSet psi, String what) {
        FeatureDefinition def = FeatureTables.definitionOf(feats, 0);
        List<String> names = new ArrayList<>(def.featureNames());
        List<double[]> cols = new ArrayList<>();
        for (String c : def.featureNames()) cols.add(FeatureTables.numeric(feats, c));
        int n = feats.rowCount();
        if (psi == null) {
            for (String c : FeatureTables.angularColumns(feats)) {
                names.add(c);
                cols.add(FeatureTables.numeric(feats, c));
            }
        } else {
            Map<Long, Integer> rowOf = new HashMap<>();
            for (int r = 0; r < psi.rows(); r++) rowOf.put(psi.ids()[r], r);
            long[] id = ids(feats);
            int pd = psi.featureCount();
            int[] at = new int[n];
            for (int i = 0; i < n; i++) {
                Integer r = rowOf.get(id[i]);
                if (r == null) {
                    throw new IllegalArgumentException(what + " row " + (i + 1) + ": atom id " + id[i] + " is not a "
                            + psi.definition().focusSpecies() + " atom of the glass the angular features were computed on");
                }
                at[i] = r;
            }
            for (int k = 0; k < pd; k++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = psi.values()[at[i] * pd + k];
                names.add(psi.featureNames().get(k));
                cols.add(col);
            }
        }
        int d = names.size();
        double[] x = new double[n * d];
        for (int k = 0; k < d; k++) {
            double[] col = cols.get(k);
            for (int i = 0; i < n; i++) x[i * d + k] = col[i];
        }
        return new TrainingData(def, names, x, y, group);
    }

    /** The {@code id} column of a feature table as atom ids. */
    public static long[] ids(ResultTable feats) {
        double[] v = FeatureTables.numeric(feats, "id");
        long[] id = new long[v.length];
        for (int i = 0; i < v.length; i++) id[i] = (long) v[i];
        return id;
    }

    /**
     * Labelled rows of several groups (e.g. glasses) in one matrix, in the given order; every part must have the same
     * feature names ({@code partNames} name the parts in the error).
     */
    public static TrainingData concat(List<TrainingData> parts, List<String> partNames) {
        TrainingData first = parts.get(0);
        int n = 0, d = first.features();
        for (int k = 0; k < parts.size(); k++) {
            if (!parts.get(k).featureNames().equals(first.featureNames())) {
                throw new IllegalArgumentException(partNames.get(k) + " has other feature columns than " + partNames.get(0));
            }
            n += parts.get(k).rows();
        }
        double[] x = new double[n * d];
        int[] y = new int[n];
        String[] g = new String[n];
        int o = 0;
        for (TrainingData p : parts) {
            System.arraycopy(p.x(), 0, x, o * d, p.rows() * d);
            System.arraycopy(p.y(), 0, y, o, p.rows());
            System.arraycopy(p.group(), 0, g, o, p.rows());
            o += p.rows();
        }
        return new TrainingData(first.definition(), first.featureNames(), x, y, g);
    }

    /** Fits on rows {@code train} (scaler and LR) with the model's columns and rates the decision values of {@code test}. */
    static ClassificationMetrics fitAndRate(TrainingData data, Model model, int[] train, int[] test, TrainSettings settings,
                                            double[] scoresOut) {
        int d = model.columns().length, dAll = data.features();
        double[] xTrain = rows(data.x(), dAll, train, model.columns());
        int[] yTrain = new int[train.length], yTest = new int[test.length];
        for (int r = 0; r < train.length; r++) yTrain[r] = data.y()[train[r]];
        for (int r = 0; r < test.length; r++) yTest[r] = data.y()[test[r]];
        int pos = 0;
        for (int v : yTrain) pos += v;
        if (pos == 0 || pos == train.length) {
            // one class in the training rows: no classifier to fit, the fold has no defined metrics
            if (scoresOut != null) Arrays.fill(scoresOut, Double.NaN);
            return new ClassificationMetrics(test.length, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0);
        }
        StandardScaler sc = StandardScaler.fit(xTrain, train.length, d);
        LogisticRegressionSolver.Solution sol = new LogisticRegressionSolver(settings.c(), settings.tolerance(),
                settings.maxIterations()).solve(sc.transform(xTrain, train.length, d), train.length, d, yTrain,
                settings.weighting().sampleWeights(yTrain));
        double[] xTest = sc.transform(rows(data.x(), dAll, test, model.columns()), test.length, d);
        double[] w = sol.weights();
        double[] score = scoresOut != null ? scoresOut : new double[test.length];
        for (int r = 0; r < test.length; r++) {
            double a = sol.bias();
            for (int k = 0; k < d; k++) a += w[k] * xTest[r * d + k];
            score[r] = a;
        }
        return ClassificationMetrics.of(yTest, score);
    }

    private static double[] rows(double[] x, int dAll, int[] rows, int[] cols) {
        int d = cols.length;
        double[] out = new double[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            int o = rows[r] * dAll;
            for (int k = 0; k < d; k++) out[r * d + k] = x[o + cols[k]];
        }
        return out;
    }

    /** Mean and std of metric {@code which} (0 accuracy, 1 balanced accuracy, 2 ROC AUC) over folds where it is defined. */
    static Summary summarise(List<ClassificationMetrics> ms, int which) {
        double s = 0, s2 = 0;
        int c = 0;
        for (ClassificationMetrics m : ms) {
            double v = which == 0 ? m.accuracy() : which == 1 ? m.balancedAccuracy() : m.rocAuc();
            if (Double.isNaN(v)) continue;
            s += v;
            c++;
        }
        double mean = c == 0 ? Double.NaN : s / c;
        for (ClassificationMetrics m : ms) {
            double v = which == 0 ? m.accuracy() : which == 1 ? m.balancedAccuracy() : m.rocAuc();
            if (!Double.isNaN(v)) s2 += (v - mean) * (v - mean);
        }
        return new Summary(mean, c == 0 ? Double.NaN : Math.sqrt(s2 / c), c);
    }

    private static String summary(List<Model> models, int nFolds, int folds, int trainRows, int testRows, Set<String> testGroups,
                                  List<Summary[]> cv, ClassificationMetrics[] test) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d training rows, %d %s folds", trainRows, nFolds,
                folds == 0 ? "leave-one-group-out" : "group"));
        for (int m = 0; m < models.size(); m++) {
            Summary[] s = cv.get(m);
            sb.append(String.format(Locale.ROOT, "; %s CV balanced accuracy %.3f±%.3f ROC AUC %.3f±%.3f", models.get(m).name(),
                    s[1].mean(), s[1].std(), s[2].mean(), s[2].std()));
        }
        if (testRows > 0) {
            sb.append(String.format(Locale.ROOT, "; test %s (%d rows):", String.join(",", new java.util.TreeSet<>(testGroups)), testRows));
            for (int m = 0; m < models.size(); m++) {
                sb.append(String.format(Locale.ROOT, " %s balanced accuracy %.3f ROC AUC %.3f%s", models.get(m).name(),
                        test[m].balancedAccuracy(), test[m].rocAuc(), m + 1 < models.size() ? "," : ""));
            }
        }
        int r = indexOf(models, RADIAL), c = indexOf(models, COMBINED);
        if (r >= 0 && c >= 0) {
            double dCv = cv.get(c)[1].mean() - cv.get(r)[1].mean();
            double spread = Math.max(cv.get(c)[1].std(), cv.get(r)[1].std());
            sb.append(String.format(Locale.ROOT, "; angular features %s the CV balanced accuracy%s%s", verb(dCv), by(dCv),
                    Math.abs(dCv) < spread ? String.format(Locale.ROOT, " (within the fold spread %.3f)", spread) : ""));
            if (testRows > 0) {
                double dT = test[c].balancedAccuracy() - test[r].balancedAccuracy();
                sb.append(String.format(Locale.ROOT, " and %s the test balanced accuracy%s", verb(dT), by(dT)));
            }
        }
        return sb.toString();
    }

    private static String verb(double d) {
        return Double.isNaN(d) ? "leave undefined" : d > 0 ? "raise" : d < 0 ? "lower" : "do not change";
    }

    private static String by(double d) {
        return Double.isNaN(d) || d == 0 ? "" : String.format(Locale.ROOT, " by %.3f", Math.abs(d));
    }

    private static int indexOf(List<Model> models, String name) {
        for (int m = 0; m < models.size(); m++) if (models.get(m).name().equals(name)) return m;
        return -1;
    }

    private static int[] map(int[] base, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = base[idx[i]];
        return out;
    }

    private static int[] ints(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Accumulates table rows. */
    private static final class Rows {
        final List<String> model = new ArrayList<>(), set = new ArrayList<>(), held = new ArrayList<>();
        final List<Integer> fold = new ArrayList<>(), trainRows = new ArrayList<>(), testRows = new ArrayList<>(), features = new ArrayList<>();
        final List<double[]> metrics = new ArrayList<>();

        void add(String m, String s, int f, String h, int tr, int te, int d, ClassificationMetrics cm) {
            model.add(m); set.add(s); fold.add(f); held.add(h); trainRows.add(tr); testRows.add(te); features.add(d);
            metrics.add(new double[] {cm.accuracy(), cm.balancedAccuracy(), cm.rocAuc()});
        }

        void addSummary(String m, String s, int tr, int d, Summary[] sum, boolean mean) {
            model.add(m); set.add(s); fold.add(-1); held.add("all folds"); trainRows.add(tr); testRows.add(tr); features.add(d);
            metrics.add(mean ? new double[] {sum[0].mean(), sum[1].mean(), sum[2].mean()}
                    : new double[] {sum[0].std(), sum[1].std(), sum[2].std()});
        }

        ResultTable build() {
            int n = model.size();
            double[][] v = new double[3][n];
            for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) v[k][i] = metrics.get(i)[k];
            return ResultTable.builder("comparison").strings("model", model.toArray(new String[0]))
                    .strings("set", set.toArray(new String[0])).ints("fold", ints(fold))
                    .strings("held_out", held.toArray(new String[0])).ints("train_rows", ints(trainRows))
                    .ints("test_rows", ints(testRows)).ints("features", ints(features))
                    .doubles("accuracy", v[0]).doubles("balanced_accuracy", v[1]).doubles("roc_auc", v[2]).build();
        }
    }
}
