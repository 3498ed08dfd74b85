package org.glasssoftness.core.softness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.tribuo.ExactLogisticModel;
import org.glasssoftness.core.softness.tribuo.ExactLogisticTrainer;
import org.glasssoftness.core.softness.tribuo.TribuoData;
import org.glasssoftness.core.table.ResultTable;
import org.tribuo.Dataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;

/**
 * Trains the softness classifier through Tribuo: the rows become a Tribuo {@link Dataset}, trained by
 * {@link ExactLogisticTrainer} (standardisation fitted on the training rows only, then L2-regularised logistic
 * regression solved exactly by {@link LogisticRegressionSolver}: the same objective and C as scikit-learn), evaluated
 * on the training and (optional) test rows by Tribuo's LabelEvaluator (ROC AUC by {@link ClassificationMetrics}).
 * The result is a {@link SoftnessModel} whose provenance holds Tribuo's model provenance
 * ({@link #TRIBUO_PROVENANCE_KEY}) next to the readable keys (C, class_weight, seed, iterations, rows, ...).
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
        if (classLabels.size() != 2) throw new IllegalArgumentException("a binary model needs 2 class labels, got " + classLabels);
        int n = train.rows(), d = train.features();
        progress.report(0.0, "Tribuo dataset of " + n + " rows x " + d + " features");
        Dataset<Label> trainSet = TribuoData.dataset(train, classLabels, "glass-softness training rows");
        progress.checkCanceled();
        progress.report(0.1, "solving logistic regression (C=" + settings.c() + ")");
        ExactLogisticTrainer trainer = ExactLogisticTrainer.of(settings, classLabels.get(1))
                .withColumnOrder(train.featureNames());
        Map<String, Provenance> runProvenance = new LinkedHashMap<>();
        runProvenance.put("test_rows", new IntProvenance("test_rows", test == null ? 0 : test.rows()));
        ExactLogisticModel tribuoModel = trainer.train(trainSet, runProvenance);
        progress.checkCanceled();
        ExactLogisticModel.SolverReport sol = tribuoModel.solverReport();

        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("solver", "newton-cg (exact L2 logistic regression, glass-softness LogisticRegressionSolver)");
        prov.put("framework", "Tribuo " + Tribuo.VERSION + " (" + ExactLogisticTrainer.class.getSimpleName() + " -> "
                + ExactLogisticModel.class.getSimpleName() + ")");
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
        prov.put("trained_at", tribuoModel.getProvenance().getTrainingTime().toInstant().toString());
        prov.put(TRIBUO_PROVENANCE_KEY, TribuoData.encode(tribuoModel.getProvenance()));
        // the Tribuo model's columns are the definition's feature names in order (withColumnOrder above)
        SoftnessModel model = new SoftnessModel(train.definition(), tribuoModel.columns(), tribuoModel.scaler(),
                tribuoModel.weights(), tribuoModel.bias(), classLabels, prov);

        ClassificationMetrics mTrain = evaluate(tribuoModel, trainSet, model, train);
        ClassificationMetrics mTest = null;
        if (test != null && test.rows() > 0) {
            mTest = evaluate(tribuoModel, TribuoData.dataset(test, classLabels, "glass-softness test rows"), model, test);
        }
        progress.report(1.0, "trained");
        return new Result(model, mTrain, mTest, metricsTable(mTrain, mTest), model.weightsTable());
    }

    /** Key of the model provenance entry holding Tribuo's {@link org.tribuo.provenance.ModelProvenance} ({@link TribuoData#encode}). */
    public static final String TRIBUO_PROVENANCE_KEY = "tribuo_model_provenance";

    /** Tribuo's model provenance stored in a model trained here (saved with the model file), or null for older models. */
    public static org.tribuo.provenance.ModelProvenance tribuoProvenance(SoftnessModel model) {
        String s = model.provenance().get(TRIBUO_PROVENANCE_KEY);
        return s == null ? null : TribuoData.decodeModelProvenance(s);
    }

    /**
     * Tribuo's model provenance of a model trained here as readable multi-line text (OLCUT's formatted provenance:
     * trainer with C, class weighting, seed, ...; dataset with row/feature counts; versions, time), for views;
     * null for models without it.
     */
    public static String tribuoProvenanceText(SoftnessModel model) {
        org.tribuo.provenance.ModelProvenance p = tribuoProvenance(model);
        return p == null ? null : com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil.formattedProvenanceString(p);
    }

    private static ClassificationMetrics evaluate(ExactLogisticModel tribuoModel, Dataset<Label> rows,
                                                  SoftnessModel model, TrainingData data) {
        double auc = evaluate(model, data).rocAuc();
        return TribuoData.evaluate(tribuoModel, rows, tribuoModel.positiveLabel(), tribuoModel.negativeLabel(), auc);
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
