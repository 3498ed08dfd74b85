package org.glasssoftness.core.softness;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Trains the softness classifier: standardisation fitted on the training rows only, then L2-regularised logistic
 * regression solved exactly by {@link LogisticRegressionSolver} (the same objective and C as scikit-learn), and
 * metrics on the training and (optional) test rows.
 */
public final class LogisticTrainer {

    /** The model, its metrics on train (and test, or null) and the tables the CLI and nodes output. */
    public record Result(SoftnessModel model, ClassificationMetrics train, ClassificationMetrics test,
                         ResultTable metricsTable, ResultTable weightsTable) { }

    private final TrainSettings settings;

    public LogisticTrainer(TrainSettings settings) {
        this.settings = settings;
    }

    /**
     * @param train training rows (both classes required)
     * @param test  held-out rows with the same features, or null
     */
    public Result train(TrainingData train, TrainingData test, List<String> classLabels, Progress progress) {
        if (train.rows() == 0) throw new IllegalArgumentException("no training rows");
        if (test != null && !test.featureNames().equals(train.featureNames())) {
            throw new IllegalArgumentException("test features differ from training features");
        }
        int n = train.rows(), d = train.features();
        progress.report(0.0, "standardising " + n + " rows x " + d + " features");
        StandardScaler scaler = StandardScaler.fit(train.x(), n, d);
        double[] xs = scaler.transform(train.x(), n, d);
        progress.checkCanceled();
        progress.report(0.1, "solving logistic regression (C=" + settings.c() + ")");
        LogisticRegressionSolver.Solution sol = new LogisticRegressionSolver(settings.c(), settings.tolerance(),
                settings.maxIterations()).solve(xs, n, d, train.y(), settings.weighting().sampleWeights(train.y()));
        progress.checkCanceled();

        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("solver", "newton-cg (exact L2 logistic regression, glass-softness LogisticRegressionSolver)");
        prov.put("C", Double.toString(settings.c()));
        prov.put("class_weight", settings.weighting().name().toLowerCase());
        prov.put("seed", Long.toString(settings.seed()));
        prov.put("tolerance", Double.toString(settings.tolerance()));
        prov.put("iterations", Integer.toString(sol.iterations()));
        prov.put("final_gradient_max_abs", Double.toString(sol.gradientMaxAbs()));
        prov.put("objective", Double.toString(sol.objective()));
        prov.put("train_rows", Integer.toString(n));
        prov.put("train_positive_rows", Integer.toString(sum(train.y())));
        prov.put("test_rows", Integer.toString(test == null ? 0 : test.rows()));
        prov.put("trained_at", Instant.now().toString());
        SoftnessModel model = new SoftnessModel(train.definition(), train.featureNames(), scaler, sol.weights(), sol.bias(),
                classLabels, prov);

        ClassificationMetrics mTrain = evaluate(model, train);
        ClassificationMetrics mTest = test == null || test.rows() == 0 ? null : evaluate(model, test);
        progress.report(1.0, "trained");
        return new Result(model, mTrain, mTest, metricsTable(mTrain, mTest), model.weightsTable());
    }

    /** Metrics of a model on labelled rows (prediction: decision value &gt; 0). */
    public static ClassificationMetrics evaluate(SoftnessModel model, TrainingData data) {
        int d = data.features();
        double[] score = new double[data.rows()];
        for (int i = 0; i < score.length; i++) score[i] = model.decision(data.x(), i * d);
        return ClassificationMetrics.of(data.y(), score);
    }

    /** One row per set (train, test): accuracy, balanced accuracy, ROC AUC and the confusion matrix. */
    public static ResultTable metricsTable(ClassificationMetrics train, ClassificationMetrics test) {
        ClassificationMetrics[] ms = test == null ? new ClassificationMetrics[] {train} : new ClassificationMetrics[] {train, test};
        int r = ms.length;
        String[] set = new String[r];
        int[] rows = new int[r];
        double[] acc = new double[r], bal = new double[r], auc = new double[r];
        long[] tn = new long[r], fp = new long[r], fn = new long[r], tp = new long[r];
        for (int i = 0; i < r; i++) {
            set[i] = i == 0 ? "train" : "test";
            rows[i] = ms[i].rows(); acc[i] = ms[i].accuracy(); bal[i] = ms[i].balancedAccuracy(); auc[i] = ms[i].rocAuc();
            tn[i] = ms[i].trueNegatives(); fp[i] = ms[i].falsePositives(); fn[i] = ms[i].falseNegatives(); tp[i] = ms[i].truePositives();
        }
        return ResultTable.builder("metrics").strings("set", set).ints("rows", rows).doubles("accuracy", acc)
                .doubles("balanced_accuracy", bal).doubles("roc_auc", auc).longs("true_negatives", tn)
                .longs("false_positives", fp).longs("false_negatives", fn).longs("true_positives", tp).build();
    }

    private static int sum(int[] y) {
        int s = 0;
        for (int v : y) s += v;
        return s;
    }
}
