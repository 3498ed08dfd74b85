package org.glasssoftness.core.softness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.glasssoftness.core.table.ResultTable;

/**
 * A trained softness classifier (the content of the KNIME model port): the feature definition, the scaler fitted on
 * the training rows, the hyperplane (weights w on standardised features and bias b), the two class labels
 * (index 0 = negative / not rearranging, 1 = positive / rearranging) and the training provenance.
 *
 * <p>Softness of a feature vector x is the signed distance of its standardised form x' to the hyperplane,
 * S = (w . x' + b) / |w| (Methods 4.6, Eq. 9); the raw decision value w . x' + b is available too.
 * Immutable; arrays are copied in and out.
 */
public final class SoftnessModel {
    private final FeatureDefinition definition;
    private final List<String> featureNames;
    private final StandardScaler scaler;
    private final double[] weights;
    private final double[] mean;
    private final double[] scale;
    private final double bias;
    private final List<String> classLabels;
    private final Map<String, String> provenance;

    public SoftnessModel(FeatureDefinition definition, List<String> featureNames, StandardScaler scaler,
                         double[] weights, double bias, List<String> classLabels, Map<String, String> provenance) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.featureNames = List.copyOf(featureNames);
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.weights = weights.clone();
        this.mean = scaler.means();
        this.scale = scaler.scales();
        this.bias = bias;
        this.classLabels = List.copyOf(classLabels);
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        int d = this.featureNames.size();
        if (scaler.size() != d || weights.length != d) {
            throw new IllegalArgumentException("model has " + d + " feature names, " + scaler.size() + " scaler entries and "
                    + weights.length + " weights");
        }
        if (this.classLabels.size() != 2) throw new IllegalArgumentException("a binary model needs 2 class labels, got " + classLabels);
        if (!this.featureNames.equals(definition.featureNames())) {
            throw new IllegalArgumentException("feature names do not follow the feature definition (" + definition.describe() + ")");
        }
    }

    public FeatureDefinition definition() { return definition; }
    public List<String> featureNames() { return featureNames; }
    public StandardScaler scaler() { return scaler; }
    public double[] weights() { return weights.clone(); }
    public double bias() { return bias; }
    public List<String> classLabels() { return classLabels; }
    public Map<String, String> provenance() { return provenance; }
    public int featureCount() { return weights.length; }

    /** |w|, the Euclidean norm of the weights on standardised features. */
    public double weightNorm() {
        double s = 0;
        for (double w : weights) s += w * w;
        return Math.sqrt(s);
    }

    /** Raw decision value w . x' + b of raw (unstandardised) row x = values[offset .. offset + d). */
    public double decision(double[] values, int offset) {
        double acc = bias;
        for (int k = 0; k < weights.length; k++) acc += weights[k] * (values[offset + k] - mean[k]) / scale[k];
        return acc;
    }

    /** Softness S = (w . x' + b) / |w|. */
    public double softness(double[] values, int offset) {
        return decision(values, offset) / weightNorm();
    }

    /** Probability of class 1 (rearranging). */
    public double probability(double[] values, int offset) {
        return LogisticRegressionSolver.sigmoid(decision(values, offset));
    }

    /** Fails with a clear message when features made with another definition are given to this model. */
    public void requireCompatible(FeatureDefinition other, List<String> otherNames) {
        boolean sameGrid = other.gridSize() == definition.gridSize() && Math.abs(other.dr() - definition.dr()) < 1e-9
                && Math.abs(other.width() - definition.width()) < 1e-9;
        if (!sameGrid || !other.neighbourSpecies().equals(definition.neighbourSpecies())
                || !otherNames.equals(featureNames)) {
            throw new IllegalArgumentException("features were computed with a different definition than the model: model "
                    + definition.describe() + ", features " + other.describe());
        }
    }

    /**
     * Weights on the physical r grid, one row per (neighbour species, r): the study's Fig. 5c-d. Columns
     * {@code pair} (focus-X), {@code r_A}, {@code w}, {@code feature}.
     */
    public ResultTable weightsTable() {
        int d = weights.length, g = definition.gridSize();
        String[] pair = new String[d], names = featureNames.toArray(new String[0]);
        double[] r = new double[d];
        for (int s = 0; s < definition.neighbourSpecies().size(); s++) {
            for (int k = 0; k < g; k++) {
                pair[s * g + k] = definition.focusSpecies() + "-" + definition.neighbourSpecies().get(s);
                r[s * g + k] = definition.radius(k);
            }
        }
        return ResultTable.builder("weights").strings("pair", pair).doubles("r_A", r).doubles("w", weights.clone())
                .strings("feature", names).build();
    }

    @Override
    public String toString() {
        return "SoftnessModel[" + definition.describe() + ", features=" + weights.length + ", |w|=" + weightNorm() + "]";
    }
}
