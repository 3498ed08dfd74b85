package org.glasssoftness.core.softness.tribuo;

import com.oracle.labs.mlrg.olcut.config.protobuf.ProtoProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.glasssoftness.core.softness.ClassificationMetrics;
import org.glasssoftness.core.softness.TrainingData;
import org.tribuo.Model;
import java.util.ArrayList;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Tribuo;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.classification.evaluation.LabelMetrics;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Between the engine's {@link TrainingData} and Tribuo: datasets, evaluation and provenance in a one-line form.
 */
public final class TribuoData {
    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoData() { }

    /**
     * A Tribuo dataset of the rows: one {@link ArrayExample} per row with every feature by name (zeros kept, so the
     * dataset is dense), label {@code classLabels.get(y)}.
     *
     * <p>An {@link ImmutableDataset} over a feature map that records each feature as real-valued ({@link RealInfo}:
     * count, min, max, mean, variance of the non-zero values, computed here while the rows are built), not a
     * {@link org.tribuo.MutableDataset}: the latter's feature map keeps every distinct value of every feature as a
     * category (4 million boxed entries, a few hundred MB, for 20,000 x 200 continuous features), which these
     * continuous features do not need. The examples are built from one sorted array of the feature map's own names
     * ({@link DenseRowExample}: no per-row sort, no per-row canonicalisation), and the dataset keeps the {@link TrainingData}'s
     * dense row-major matrix it was built from (not a copy), which {@link ExactLogisticTrainer} and {@link ExactLogisticModel}
     * read instead of iterating the examples' features (Tribuo's feature iterator allocates a {@code Feature} per
     * value).
     */
    public static ImmutableDataset<Label> dataset(TrainingData data, List<String> classLabels, String description) {
        if (classLabels.size() != 2) throw new IllegalArgumentException("a binary model needs 2 class labels, got " + classLabels);
        Label[] labels = {new Label(classLabels.get(0)), new Label(classLabels.get(1))};
        List<String> featureNames = data.featureNames();
        int d = featureNames.size();
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) order[k] = k;
        java.util.Arrays.sort(order, java.util.Comparator.comparing(featureNames::get));
        // the rows' own arrays, not copies (32 MB for 20,000 x 200): TrainingData is not changed after it is made
        double[] x = data.x();
        int[] y = data.y();
        // rows in feature-map order (names sorted), and each feature as Tribuo's RealInfo would observe it (non-zero
        // values only, Welford's running mean/M2) in the same pass over the fresh row. Blocks of BLOCK_ROWS rows in
        // parallel, merged in block order (Chan et al.), so the numbers do not depend on the thread count.
        int n = y.length;
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        double[][] rows = new double[n][];
        ColumnStats[] part = new ColumnStats[blocks];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            ColumnStats st = new ColumnStats(d);
            for (int i = b * BLOCK_ROWS, end = Math.min(n, i + BLOCK_ROWS); i < end; i++) {
                double[] row = new double[d];
                int base = i * d;
                for (int k = 0; k < d; k++) row[k] = x[base + order[k]];
                st.observe(row);
                rows[i] = row;
            }
            part[b] = st;
        });
        ColumnStats all = new ColumnStats(d);
        for (ColumnStats st : part) all.merge(st);
        int[] count = all.count;
        double[] min = all.min, max = all.max, mean = all.mean, m2 = all.m2;
        List<VariableInfo> infos = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            String name = featureNames.get(order[k]);
            infos.add(count[k] == 0 ? new RealInfo(name) : new RealInfo(name, count[k], max[k], min[k], mean[k], m2[k]));
        }
        ImmutableFeatureMap featureMap = new ImmutableFeatureMap(infos);
        // the map numbers features by sorted name: id k is column order[k], and its String is the canonical one
        String[] names = new String[d];
        for (int k = 0; k < d; k++) {
            names[k] = featureMap.get(k).getName();
            if (!names[k].equals(featureNames.get(order[k]))) {
                throw new IllegalStateException("feature map id " + k + " is " + names[k] + ", expected "
                        + featureNames.get(order[k]));
            }
        }
        MutableOutputInfo<Label> outputs = LABELS.generateInfo();
        List<Example<Label>> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outputs.observe(labels[y[i]]);
            examples.add(new DenseRowExample(labels[y[i]], names, rows[i]));
        }
        return new DenseRows(new SimpleDataSourceProvenance(description, OffsetDateTime.now(), LABELS), featureMap,
                outputs.generateImmutableOutputInfo(), examples, featureNames, x, y, labels);
    }

    /** Rows per block of {@link #dataset}'s parallel pass (fixed, so the statistics do not depend on threads). */
    private static final int BLOCK_ROWS = 4096;

    /** Per column over non-zero values: count, min, max, Welford mean and M2 (RealInfo's statistics). */
    private static final class ColumnStats {
        final int[] count;
        final double[] min, max, mean, m2;

        ColumnStats(int d) {
            count = new int[d];
            min = new double[d];
            max = new double[d];
            mean = new double[d];
            m2 = new double[d];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void observe(double[] row) {
            for (int k = 0; k < row.length; k++) {
                double v = row[k];
                if (v == 0.0) continue;
                int c = ++count[k];
                if (v < min[k]) min[k] = v;
                if (v > max[k]) max[k] = v;
                double delta = v - mean[k];
                mean[k] += delta / c;
                m2[k] += delta * (v - mean[k]);
            }
        }

        /** Adds another block's statistics (Chan, Golub, LeVeque pairwise update). */
        void merge(ColumnStats o) {
            for (int k = 0; k < count.length; k++) {
                int cb = o.count[k];
                if (cb == 0) continue;
                int ca = count[k];
                if (ca == 0) {
                    count[k] = cb; min[k] = o.min[k]; max[k] = o.max[k]; mean[k] = o.mean[k]; m2[k] = o.m2[k];
                    continue;
                }
                double total = (double) ca + cb, delta = o.mean[k] - mean[k];
                mean[k] += delta * (cb / total);
                m2[k] += o.m2[k] + delta * delta * ((double) ca * cb / total);
                count[k] = ca + cb;
                min[k] = Math.min(min[k], o.min[k]);
                max[k] = Math.max(max[k], o.max[k]);
            }
        }
    }

    /**
     * The dataset of {@link #dataset}: ImmutableDataset's public constructors check every example against the
     * feature map through {@code Example.removeFeatures}, which builds a map of the example's feature names even when
     * nothing is removed (half the cost of the whole training for 20,000 x 200); these rows have exactly the map's
     * features by construction, so they go in directly.
     *
     * <p>It also keeps the dense matrix the examples were made from (row-major, columns in {@link #columns()} order,
     * the caller's order rather than the feature map's), the row labels as indices into {@link #rowLabel}: the
     * {@link TrainingData}'s own arrays, not copies. Like the examples of any {@link ImmutableDataset}, neither is to
     * be changed after construction; the examples are the same numbers in Tribuo's form.
     */
    static final class DenseRows extends ImmutableDataset<Label> {
        private static final long serialVersionUID = 1L;
        private final List<String> columns;
        private final double[] x;
        private final int[] y;
        private final Label[] labels;

        DenseRows(SimpleDataSourceProvenance provenance, ImmutableFeatureMap featureMap, ImmutableOutputInfo<Label> outputInfo,
                  List<Example<Label>> examples, List<String> columns, double[] x, int[] y, Label[] labels) {
            super(provenance, LABELS, Tribuo.VERSION, featureMap, outputInfo, examples, false);
            this.columns = List.copyOf(columns);
            this.x = x;
            this.y = y;
            this.labels = labels.clone();
        }

        /** Feature names of the matrix columns. */
        List<String> columns() { return columns; }

        /** Value of row i, column k (row-major, d = columns().size()); the array itself, not to be written. */
        double[] matrix() { return x; }

        /** Label of row i. */
        Label rowLabel(int i) { return labels[y[i]]; }
    }

    /**
     * Metrics of a binary model on a labelled dataset by Tribuo's metrics ({@link LabelMetrics}, as
     * {@link LabelEvaluator} computes them, on the model's predictions): confusion matrix, accuracy (micro average)
     * and balanced accuracy (1 - balanced error rate); ROC AUC is ours ({@code auc}, Mann-Whitney with ties one half)
     * because Tribuo's is computed differently. Balanced accuracy is NaN when a class is absent from the rows
     * (Tribuo counts the missing recall as 0).
     *
     * <p>Not {@code LabelEvaluator.evaluate} itself: for a model that gives probabilities it also computes ROC AUC and
     * averaged precision for each label (four sorts of the predictions' score maps), which are not used here; the
     * numbers used are the same (tested).
     */
    public static ClassificationMetrics evaluate(Model<Label> model, Dataset<Label> data, String positiveLabel,
                                                 String negativeLabel, double auc) {
        LabelMetric.Context ctx = new LabelMetric.Context(model, model.predict(data));
        ConfusionMatrix<Label> cm = ctx.getCM();
        Label pos = new Label(positiveLabel), neg = new Label(negativeLabel);
        long tp = Math.round(cm.confusion(pos, pos)), fn = Math.round(cm.confusion(neg, pos));
        long tn = Math.round(cm.confusion(neg, neg)), fp = Math.round(cm.confusion(pos, neg));
        double accuracy = LabelMetrics.ACCURACY.forTarget(MetricTarget.microAverageTarget()).compute(ctx);
        double ber = LabelMetrics.BALANCED_ERROR_RATE.forTarget(MetricTarget.macroAverageTarget()).compute(ctx);
        boolean bothClasses = tp + fn > 0 && tn + fp > 0;
        return new ClassificationMetrics(data.size(), accuracy, bothClasses ? 1.0 - ber : Double.NaN,
                auc, tn, fp, fn, tp);
    }

    /** Provenance as one line: OLCUT-marshalled, protobuf-serialised, Base64. */
    public static String encode(ObjectProvenance provenance) {
        RootProvenanceProto proto = new ProtoProvenanceSerialization(false)
                .serializeToProto(ProvenanceUtil.marshalProvenance(provenance));
        return Base64.getEncoder().encodeToString(proto.toByteArray());
    }

    /** Inverse of {@link #encode}. */
    public static ModelProvenance decodeModelProvenance(String encoded) {
        try {
            RootProvenanceProto proto = RootProvenanceProto.parseFrom(Base64.getDecoder().decode(encoded));
            ObjectProvenance p = ProvenanceUtil.unmarshalProvenance(new ProtoProvenanceSerialization(false).deserializeFromProto(proto));
            if (!(p instanceof ModelProvenance mp)) {
                throw new IllegalArgumentException("stored Tribuo provenance is a " + p.getClass().getName() + ", not a model provenance");
            }
            return mp;
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new IllegalArgumentException("stored Tribuo provenance cannot be read: " + e.getMessage(), e);
        }
    }
}
