package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Parameter scans for choosing the features and the label threshold (the study's Supporting Figs. S24-S25):
 * classification accuracy versus the (dr, R_c) grid of the radial features, and versus the mobility threshold D_c.
 * Each point trains a fresh model on the training rows only and evaluates it on the test rows.
 */
public final class SoftnessScan {
    private SoftnessScan() { }

    /** One static structure with a label per focus-atom id, marked as training or test sample. */
    public record LabelledStructure(String sample, Frame frame, Map<Long, Integer> labels, boolean test) { }

    /** Accumulates one scan row per point. */
    private static final class Rows {
        final List<double[]> params = new ArrayList<>();
        final List<ClassificationMetrics[]> metrics = new ArrayList<>();
        final List<double[]> extra = new ArrayList<>();

        void add(double[] p, ClassificationMetrics train, ClassificationMetrics test, double[] e) {
            params.add(p);
            metrics.add(new ClassificationMetrics[] {train, test});
            extra.add(e);
        }

        ResultTable build(String name, String[] paramNames, String[] extraNames) {
            int n = params.size();
            ResultTable.Builder b = ResultTable.builder(name);
            for (int k = 0; k < paramNames.length; k++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = params.get(i)[k];
                b.doubles(paramNames[k], v);
            }
            for (int k = 0; k < extraNames.length; k++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = extra.get(i)[k];
                b.doubles(extraNames[k], v);
            }
            String[] sets = {"train", "test"};
            for (int s = 0; s < 2; s++) {
                int[] rows = new int[n];
                double[] acc = new double[n], bal = new double[n], auc = new double[n];
                for (int i = 0; i < n; i++) {
                    ClassificationMetrics m = metrics.get(i)[s];
                    rows[i] = m == null ? 0 : m.rows();
                    acc[i] = m == null ? Double.NaN : m.accuracy();
                    bal[i] = m == null ? Double.NaN : m.balancedAccuracy();
                    auc[i] = m == null ? Double.NaN : m.rocAuc();
                }
                b.ints(sets[s] + "_rows", rows).doubles(sets[s] + "_accuracy", acc)
                        .doubles(sets[s] + "_balanced_accuracy", bal).doubles(sets[s] + "_roc_auc", auc);
            }
            return b.build();
        }
    }

    /**
     * Accuracy versus (dr, R_c): for every pair with R_c / dr whole, features with L = widthOverDr x dr are computed
     * for every structure, a model is trained on the training structures and evaluated on the test structures.
     * Table {@code scan_dr_rc}: dr_A, rc_A, features, then train_/test_ rows, accuracy, balanced_accuracy, roc_auc.
     */
    public static ResultTable gridScan(List<LabelledStructure> samples, String focus, List<String> neighbours, double[] drs,
                                       double[] rcs, double widthOverDr, TrainSettings settings, Progress progress) {
        if (samples.stream().noneMatch(s -> !s.test())) throw new IllegalArgumentException("the scan needs at least one training structure");
        Rows rows = new Rows();
        int total = drs.length * rcs.length, done = 0;
        for (double dr : drs) {
            for (double rc : rcs) {
                progress.checkCanceled();
                progress.report((double) done++ / total, "scan dr=" + dr + " Rc=" + rc);
                double k = rc / dr;
                if (Math.abs(k - Math.rint(k)) > 1e-6 * k || rc < dr) continue;
                FeatureDefinition def = new FeatureDefinition(focus, neighbours, dr, rc, widthOverDr * dr);
                TrainingData train = labelled(samples, def, false), test = labelled(samples, def, true);
                LogisticTrainer.Result r = new LogisticTrainer(settings).train(train, test.rows() == 0 ? null : test,
                        List.of("0", "1"), Progress.NONE);
                rows.add(new double[] {dr, rc}, r.train(), r.test(), new double[] {def.featureCount()});
            }
        }
        progress.report(1, "scan done");
        return rows.build("scan_dr_rc", new String[] {"dr_A", "rc_A"}, new String[] {"features"});
    }

    private static TrainingData labelled(List<LabelledStructure> samples, FeatureDefinition def, boolean test) {
        List<FeatureSet> parts = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        RadialFeatures rf = new RadialFeatures(def);
        for (LabelledStructure s : samples) {
            if (s.test() != test) continue;
            FeatureSet fs = rf.compute(s.frame(), 0);
            for (long id : fs.ids()) {
                Integer lab = s.labels().get(id);
                if (lab == null) {
                    throw new IllegalArgumentException("sample " + s.sample() + ": atom id " + id + " of focus species "
                            + def.focusSpecies() + " has no label");
                }
                ys.add(lab);
            }
            parts.add(fs);
        }
        int d = def.featureCount();
        if (parts.isEmpty()) return new TrainingData(def, def.featureNames(), new double[0], new int[0], null);
        FeatureSet all = RadialFeatures.concat(parts);
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        if (all.values().length != y.length * d) throw new IllegalStateException("row mismatch");
        return new TrainingData(def, def.featureNames(), all.values(), y, null);
    }

    /**
     * Accuracy versus the label threshold (e.g. D_c on D_cum): for each threshold the continuous label column is
     * binarised (label = value &gt; threshold), the training rows train a model, the test rows evaluate it. The split is
     * given by {@code groupColumn}/{@code testGroups} on one feature table, or by separate test tables.
     * Thresholds that leave one class empty in training give NaN metrics. Table {@code scan_threshold}: threshold,
     * train_positive_fraction, then train_/test_ rows, accuracy, balanced_accuracy, roc_auc.
     */
    public static ResultTable thresholdScan(ResultTable features, ResultTable labels, ResultTable testFeatures,
                                            ResultTable testLabels, FeatureDefinition def, List<String> keys,
                                            String labelColumn, String groupColumn, Set<String> testGroups,
                                            double[] thresholds, TrainSettings settings, Progress progress) {
        Rows rows = new Rows();
        for (int t = 0; t < thresholds.length; t++) {
            progress.checkCanceled();
            progress.report((double) t / thresholds.length, "scan threshold " + thresholds[t]);
            TrainingData[] split = split(features, labels, testFeatures, testLabels, def, keys, labelColumn, thresholds[t],
                    groupColumn, testGroups);
            TrainingData train = split[0], test = split[1];
            int pos = 0;
            for (int v : train.y()) pos += v;
            double frac = train.rows() == 0 ? Double.NaN : (double) pos / train.rows();
            if (pos == 0 || pos == train.rows()) {
                rows.add(new double[] {thresholds[t]}, null, null, new double[] {frac});
                continue;
            }
            LogisticTrainer.Result r = new LogisticTrainer(settings).train(train, test == null || test.rows() == 0 ? null : test,
                    List.of("0", "1"), Progress.NONE);
            rows.add(new double[] {thresholds[t]}, r.train(), r.test(), new double[] {frac});
        }
        progress.report(1, "scan done");
        return rows.build("scan_threshold", new String[] {"threshold"}, new String[] {"train_positive_fraction"});
    }

    /**
     * Train and test rows: from separate tables when {@code testFeatures} is given, else by group column value
     * (rows whose group is in {@code testGroups} are the test set), else everything is training (test null).
     */
    public static TrainingData[] split(ResultTable features, ResultTable labels, ResultTable testFeatures, ResultTable testLabels,
                                       FeatureDefinition def, List<String> keys, String labelColumn, double threshold,
                                       String groupColumn, Set<String> testGroups) {
        if (testFeatures != null) {
            if (testLabels == null) throw new IllegalArgumentException("a test feature table needs a test label table");
            TrainingData train = FeatureTables.join(features, def, labels, keys, labelColumn, threshold, null);
            TrainingData test = FeatureTables.join(testFeatures, def, testLabels, keys, labelColumn, threshold, null);
            return new TrainingData[] {train, test};
        }
        if (groupColumn != null && !groupColumn.isEmpty() && testGroups != null && !testGroups.isEmpty()) {
            TrainingData all = FeatureTables.join(features, def, labels, keys, labelColumn, threshold, groupColumn);
            for (String g : testGroups) {
                if (!java.util.Arrays.asList(all.group()).contains(g)) {
                    throw new IllegalArgumentException("test group '" + g + "' does not occur in column " + groupColumn);
                }
            }
            return new TrainingData[] {all.select(testGroups, false), all.select(testGroups, true)};
        }
        return new TrainingData[] {FeatureTables.join(features, def, labels, keys, labelColumn, threshold, null), null};
    }
}
