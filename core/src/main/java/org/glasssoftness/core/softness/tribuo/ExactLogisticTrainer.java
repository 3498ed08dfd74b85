package org.glasssoftness.core.softness.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glasssoftness.core.softness.ClassWeighting;
import org.glasssoftness.core.softness.LogisticRegressionSolver;
import org.glasssoftness.core.softness.StandardScaler;
import org.glasssoftness.core.softness.TrainSettings;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * A Tribuo {@link Trainer} for binary L2-regularised logistic regression on standardised features, solved exactly
 * by {@link LogisticRegressionSolver} (Newton-CG to max|grad| &lt;= tolerance; the objective and {@code C} of
 * scikit-learn's LogisticRegression, intercept unpenalised, optional balanced class weights).
 *
 * <p>Why not one of Tribuo's own trainers: its linear classifiers are SGD-based (LinearSGDTrainer, Pegasos) and stop
 * at an approximate optimum; the study's protocol is checked against scikit-learn to 1e-3 relative in the weights,
 * which needs the exact optimum. This class gives Tribuo's plumbing (Dataset in, Model with provenance out,
 * LabelEvaluator) on top of the exact solver.
 *
 * <p>Standardisation (population mean/std, constant column scale 1) is fitted on the training dataset and kept in
 * the model, which standardises at prediction time. Features missing from a sparse example count as 0.
 *
 * <p>The solver's column order is the dataset's feature-ID order (names sorted) unless {@link #withColumnOrder} gives
 * one; the order only changes floating-point rounding (it is not a {@code @Config} field, so it is not in the
 * provenance). {@link org.glasssoftness.core.softness.LogisticTrainer} passes the feature definition's order so the
 * result is bit-identical to calling the solver directly.
 */
public final class ExactLogisticTrainer implements Trainer<Label> {

    @Config(description = "Inverse L2 strength, scikit-learn's C (lambda = 1/C).")
    private double c = 1.0;

    @Config(description = "Class weighting: NONE (every row 1) or BALANCED (n / (2 n_class)), scikit-learn's class_weight.")
    private ClassWeighting classWeight = ClassWeighting.NONE;

    @Config(description = "Seed for random choices (the Newton solver is deterministic; recorded for reproducibility).")
    private long seed = 42L;

    @Config(description = "Relative gradient tolerance of the Newton solver.")
    private double tolerance = 1e-10;

    @Config(description = "Newton iterations at most.")
    private int maxIterations = 100;

    @Config(mandatory = true, description = "Name of the positive label (class 1, e.g. rearranging).")
    private String positiveLabel;

    private List<String> columnOrder;

    private int invocationCount = 0;

    /** For OLCUT configuration. */
    private ExactLogisticTrainer() { }

    public ExactLogisticTrainer(double c, ClassWeighting classWeight, long seed, double tolerance, int maxIterations,
                                String positiveLabel) {
        this.c = c;
        this.classWeight = classWeight;
        this.seed = seed;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.positiveLabel = positiveLabel;
        postConfig();
    }

    /** A trainer with the engine's settings. */
    public static ExactLogisticTrainer of(TrainSettings s, String positiveLabel) {
        return new ExactLogisticTrainer(s.c(), s.weighting(), s.seed(), s.tolerance(), s.maxIterations(), positiveLabel);
    }

    @Override
    public void postConfig() {
        // validates exactly as the solver does
        new LogisticRegressionSolver(c, tolerance, maxIterations);
        if (classWeight == null) throw new IllegalArgumentException("class weighting is required");
        if (positiveLabel == null || positiveLabel.isEmpty()) throw new IllegalArgumentException("positiveLabel is required");
    }

    /** Solver column order (every feature name of the datasets this trainer sees, once); null = feature-ID order. */
    public ExactLogisticTrainer withColumnOrder(List<String> featureNames) {
        this.columnOrder = featureNames == null ? null : List.copyOf(featureNames);
        return this;
    }

    public double c() { return c; }
    public ClassWeighting classWeight() { return classWeight; }
    public long seed() { return seed; }
    public String positiveLabel() { return positiveLabel; }

    @Override
    public ExactLogisticModel train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public ExactLogisticModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized ExactLogisticModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance,
                                                 int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) setInvocationCount(invocationCount);
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> labelInfo = examples.getOutputIDInfo();
        int n = examples.size();
        if (n == 0) throw new IllegalArgumentException("no training rows");
        Label positive = new Label(positiveLabel);
        List<String> labelNames = new ArrayList<>();
        for (Label l : labelInfo.getDomain()) labelNames.add(l.getLabel());
        if (labelInfo.size() != 2) {
            throw new IllegalArgumentException("training needs both classes (two labels), found " + labelNames);
        }
        if (labelInfo.getID(positive) < 0) {
            throw new IllegalArgumentException("positive label '" + positiveLabel + "' not in the training labels " + labelNames);
        }
        String negativeLabel = labelNames.get(0).equals(positiveLabel) ? labelNames.get(1) : labelNames.get(0);

        List<String> columns = columns(featureMap);
        int d = columns.size();
        double[] x;
        int[] y = new int[n];
        if (examples instanceof TribuoData.DenseRows rows) {
            // the dense matrix the dataset was built from: no walk over the examples' Feature objects
            x = columns.equals(rows.columns()) ? rows.matrix() : permuted(rows.matrix(), n, rows.columns(), columns);
            for (int i = 0; i < n; i++) y[i] = rows.rowLabel(i).getLabel().equals(positiveLabel) ? 1 : 0;
        } else {
            x = densify(examples, featureMap, columns, y);
        }
        StandardScaler scaler = StandardScaler.fit(x, n, d);
        double[] xs = scaler.transform(x, n, d);
        LogisticRegressionSolver.Solution sol = new LogisticRegressionSolver(c, tolerance, maxIterations)
                .solve(xs, n, d, y, classWeight.sampleWeights(y));

        TrainerProvenance trainerProvenance = getProvenance();
        ModelProvenance provenance = new ModelProvenance(ExactLogisticModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        this.invocationCount++;
        return new ExactLogisticModel("exact-logistic-regression", provenance, featureMap, labelInfo, columns, scaler,
                sol.weights(), sol.bias(), positiveLabel, negativeLabel,
                new ExactLogisticModel.SolverReport(sol.iterations(), sol.gradientMaxAbs(), sol.objective()));
    }

    /** Examples of any dataset as a dense row-major matrix in column order (missing feature = 0), labels into y. */
    private double[] densify(Dataset<Label> examples, ImmutableFeatureMap featureMap, List<String> columns, int[] y) {
        int n = examples.size(), d = columns.size();
        Map<String, Integer> col = new HashMap<>(2 * d);
        for (int k = 0; k < d; k++) col.put(columns.get(k), k);
        double[] x = new double[n * d];
        String[] nameOfId = new String[d];
        int[] colOfId = new int[d];
        for (int id = 0; id < d; id++) {
            nameOfId[id] = featureMap.get(id).getName();
            colOfId[id] = col.get(nameOfId[id]);
        }
        int i = 0;
        for (Example<Label> ex : examples) {
            int j = 0;
            for (Feature f : ex) {
                // the j-th feature of a sorted, canonicalised example is the same String as feature id j's name
                String name = f.getName();
                x[i * d + (j < d && name == nameOfId[j] ? colOfId[j] : col.get(name))] = f.getValue();
                j++;
            }
            y[i] = ex.getOutput().getLabel().equals(positiveLabel) ? 1 : 0;
            i++;
        }
        return x;
    }

    /** The row-major matrix with columns {@code from} rearranged into the order {@code to} (same names). */
    private static double[] permuted(double[] x, int n, List<String> from, List<String> to) {
        int d = to.size();
        Map<String, Integer> src = new HashMap<>(2 * d);
        for (int k = 0; k < d; k++) src.put(from.get(k), k);
        int[] srcOf = new int[d];
        for (int k = 0; k < d; k++) srcOf[k] = src.get(to.get(k));
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) out[i * d + k] = x[i * d + srcOf[k]];
        return out;
    }

    private List<String> columns(ImmutableFeatureMap featureMap) {
        int d = featureMap.size();
        if (columnOrder == null) {
            List<String> byId = new ArrayList<>(d);
            for (int k = 0; k < d; k++) byId.add(featureMap.get(k).getName());
            return byId;
        }
        if (columnOrder.size() != d || !new HashSet<>(columnOrder).equals(namesOf(featureMap))) {
            throw new IllegalArgumentException("column order names " + columnOrder.size()
                    + " features, but the dataset has a different set of " + d + " features");
        }
        return columnOrder;
    }

    private static Set<String> namesOf(ImmutableFeatureMap featureMap) {
        Set<String> s = new HashSet<>();
        for (int k = 0; k < featureMap.size(); k++) s.add(featureMap.get(k).getName());
        return s;
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) throw new IllegalArgumentException("The supplied invocationCount is less than zero.");
        this.invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "ExactLogisticTrainer(C=" + c + ",classWeight=" + classWeight + ",seed=" + seed + ",tolerance=" + tolerance
                + ",maxIterations=" + maxIterations + ",positiveLabel=" + positiveLabel + ")";
    }
}
