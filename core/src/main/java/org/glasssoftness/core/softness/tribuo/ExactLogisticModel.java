package org.glasssoftness.core.softness.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glasssoftness.core.softness.LogisticRegressionSolver;
import org.glasssoftness.core.softness.StandardScaler;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * The Tribuo model made by {@link ExactLogisticTrainer}: scaler (mean, scale per column), weights w on standardised
 * features and bias b, in the trainer's column order. Decision value w . x' + b with x' = (x - mean) / scale,
 * summed in column order exactly as {@link org.glasssoftness.core.softness.SoftnessModel#decision} does, so both give
 * bit-identical numbers; P(positive) = sigmoid(decision); the positive label is predicted when decision &gt; 0.
 *
 * <p>Features of an example that the model does not know are ignored, known features missing from it count as 0
 * (Tribuo's sparse convention). Protobuf {@link #serialize()} is not implemented (Tribuo 4.3's default throws); the
 * engine saves models with {@link org.glasssoftness.core.softness.SoftnessModelFormat}, Java serialization works.
 */
public final class ExactLogisticModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    /** How the solver finished: Newton iterations, final max|gradient|, objective value. */
    public record SolverReport(int iterations, double gradientMaxAbs, double objective) implements Serializable { }

    private final List<String> columns;
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;
    private final String positiveLabel;
    private final String negativeLabel;
    private final SolverReport report;
    /** Feature id in {@link #featureIDMap} -> column, -1 for none. */
    private final int[] columnOfId;
    /** Feature name of each id (the feature map's own String instances). */
    private final String[] nameOfId;

    ExactLogisticModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
                       ImmutableOutputInfo<Label> outputIDInfo, List<String> columns, StandardScaler scaler,
                       double[] weights, double bias, String positiveLabel, String negativeLabel, SolverReport report) {
        super(name, provenance, featureIDMap, outputIDInfo, true);
        this.columns = List.copyOf(columns);
        this.mean = scaler.means();
        this.scale = scaler.scales();
        this.weights = weights.clone();
        this.bias = bias;
        this.positiveLabel = positiveLabel;
        this.negativeLabel = negativeLabel;
        this.report = report;
        this.nameOfId = new String[featureIDMap.size()];
        for (int id = 0; id < nameOfId.length; id++) nameOfId[id] = featureIDMap.get(id).getName();
        this.columnOfId = new int[featureIDMap.size()];
        Arrays.fill(columnOfId, -1);
        for (int k = 0; k < this.columns.size(); k++) {
            int id = featureIDMap.getID(this.columns.get(k));
            if (id < 0) throw new IllegalArgumentException("column " + this.columns.get(k) + " is not in the feature map");
            columnOfId[id] = k;
        }
        if (weights.length != this.columns.size() || mean.length != this.columns.size()) {
            throw new IllegalArgumentException("weights/scaler do not match the " + this.columns.size() + " columns");
        }
    }

    /** Feature names in column order (the order of {@link #weights()}, {@link #scaler()}). */
    public List<String> columns() { return columns; }
    public double[] weights() { return weights.clone(); }
    public double bias() { return bias; }
    public StandardScaler scaler() { return new StandardScaler(mean, scale); }
    public String positiveLabel() { return positiveLabel; }
    public String negativeLabel() { return negativeLabel; }
    public SolverReport solverReport() { return report; }

    /** Raw feature values of the example in column order (missing = 0) and how many of its features are known. */
    private double[] dense(Example<Label> example, int[] used) {
        double[] x = new double[columns.size()];
        int known = 0, j = 0;
        for (Feature f : example) {
            // examples of a dataset are sorted by name and canonicalised, so the j-th feature is usually the feature
            // with id j, the very same String: a reference comparison saves a hash lookup per feature
            String name = f.getName();
            int id = j < nameOfId.length && name == nameOfId[j] ? j : featureIDMap.getID(name);
            if (id >= 0 && columnOfId[id] >= 0) {
                x[columnOfId[id]] = f.getValue();
                known++;
            }
            j++;
        }
        used[0] = known;
        return x;
    }

    /** Decision value w . x' + b of raw values x in column order. */
    public double decision(double[] x) {
        double acc = bias;
        for (int k = 0; k < weights.length; k++) acc += weights[k] * (x[k] - mean[k]) / scale[k];
        return acc;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        int[] used = new int[1];
        double[] x = dense(example, used);
        if (used[0] == 0) throw new IllegalArgumentException("No features found in Example " + example);
        return prediction(decision(x), used[0], example);
    }

    /**
     * Predictions of every example, the same objects and numbers as {@link #predict(Example)} one by one. For a
     * {@link TribuoData#dataset} whose features are exactly this model's, the rows come from the dataset's dense
     * matrix instead of each example's Feature iterator (one allocation per value); other datasets go example by
     * example.
     */
    @Override
    public List<Prediction<Label>> predict(Dataset<Label> examples) {
        int[] src = examples instanceof TribuoData.DenseRows rows ? sourceColumns(rows.columns()) : null;
        if (src == null) return super.predict(examples);
        TribuoData.DenseRows rows = (TribuoData.DenseRows) examples;
        int n = rows.size(), d = columns.size();
        double[] matrix = rows.matrix();
        double[] x = new double[d];
        List<Prediction<Label>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int base = i * d;
            for (int k = 0; k < d; k++) x[k] = matrix[base + src[k]];
            out.add(prediction(decision(x), d, rows.getExample(i)));
        }
        return out;
    }

    /** For each model column its index in {@code rowColumns}, or null unless the two are the same set of names. */
    private int[] sourceColumns(List<String> rowColumns) {
        int d = columns.size();
        if (rowColumns.size() != d) return null;
        Map<String, Integer> at = new HashMap<>(2 * d);
        for (int k = 0; k < d; k++) at.put(rowColumns.get(k), k);
        int[] src = new int[d];
        for (int k = 0; k < d; k++) {
            Integer j = at.get(columns.get(k));
            if (j == null) return null;
            src[k] = j;
        }
        return src;
    }

    private Prediction<Label> prediction(double z, int used, Example<Label> example) {
        double p = LogisticRegressionSolver.sigmoid(z);
        Map<String, Label> scores = new LinkedHashMap<>();
        scores.put(negativeLabel, new Label(negativeLabel, 1.0 - p));
        scores.put(positiveLabel, new Label(positiveLabel, p));
        Label predicted = z > 0 ? new Label(positiveLabel, p) : new Label(negativeLabel, 1.0 - p);
        return new Prediction<>(predicted, scores, used, example, true);
    }

    /**
     * Per label, the features by decreasing |w| (signed weights on standardised features: w for the positive label,
     * -w for the negative one); n &lt; 0 gives all.
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        int d = weights.length, m = n < 0 ? d : Math.min(n, d);
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) order[k] = k;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -Math.abs(weights[k])).thenComparing(k -> k));
        List<Pair<String, Double>> pos = new ArrayList<>(m), neg = new ArrayList<>(m);
        for (int r = 0; r < m; r++) {
            int k = order[r];
            pos.add(new Pair<>(columns.get(k), weights[k]));
            neg.add(new Pair<>(columns.get(k), -weights[k]));
        }
        Map<String, List<Pair<String, Double>>> map = new HashMap<>();
        map.put(positiveLabel, pos);
        map.put(negativeLabel, neg);
        return map;
    }

    /**
     * Per label, each feature's contribution to the decision value, w_k x'_k (negated for the negative label), by
     * decreasing magnitude, plus the bias as {@link Model#BIAS_FEATURE}.
     */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        int[] used = new int[1];
        double[] x = dense(example, used);
        if (used[0] == 0) return Optional.empty();
        int d = weights.length;
        double[] contrib = new double[d];
        for (int k = 0; k < d; k++) contrib[k] = weights[k] * (x[k] - mean[k]) / scale[k];
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) order[k] = k;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -Math.abs(contrib[k])).thenComparing(k -> k));
        List<Pair<String, Double>> pos = new ArrayList<>(d + 1), neg = new ArrayList<>(d + 1);
        for (int k : order) {
            pos.add(new Pair<>(columns.get(k), contrib[k]));
            neg.add(new Pair<>(columns.get(k), -contrib[k]));
        }
        pos.add(new Pair<>(BIAS_FEATURE, bias));
        neg.add(new Pair<>(BIAS_FEATURE, -bias));
        Map<String, List<Pair<String, Double>>> map = new HashMap<>();
        map.put(positiveLabel, pos);
        map.put(negativeLabel, neg);
        return Optional.of(new Excuse<>(example, predict(example), map));
    }

    @Override
    protected ExactLogisticModel copy(String newName, ModelProvenance newProvenance) {
        return new ExactLogisticModel(newName, newProvenance, featureIDMap, outputIDInfo, columns,
                new StandardScaler(mean, scale), weights, bias, positiveLabel, negativeLabel, report);
    }
}
