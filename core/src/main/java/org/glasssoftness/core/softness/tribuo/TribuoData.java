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
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
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
     */
    public static MutableDataset<Label> dataset(TrainingData data, List<String> classLabels, String description) {
        if (classLabels.size() != 2) throw new IllegalArgumentException("a binary model needs 2 class labels, got " + classLabels);
        Label[] labels = {new Label(classLabels.get(0)), new Label(classLabels.get(1))};
        MutableDataset<Label> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(), LABELS), LABELS);
        String[] names = data.featureNames().toArray(new String[0]);
        int d = names.length;
        double[] x = data.x();
        int[] y = data.y();
        for (int i = 0; i < y.length; i++) {
            double[] row = new double[d];
            System.arraycopy(x, i * d, row, 0, d);
            ds.add(new ArrayExample<>(labels[y[i]], names, row));
        }
        return ds;
    }

    /**
     * Metrics of a binary model on a labelled dataset by Tribuo's {@link LabelEvaluator}: confusion matrix, accuracy
     * and balanced accuracy (1 - balanced error rate); ROC AUC is ours ({@code auc}, Mann-Whitney with ties one half)
     * because Tribuo's is computed differently. Balanced accuracy is NaN when a class is absent from the rows (Tribuo
     * counts the missing recall as 0).
     */
    public static ClassificationMetrics evaluate(Model<Label> model, MutableDataset<Label> data, String positiveLabel,
                                                 String negativeLabel, double auc) {
        LabelEvaluation e = new LabelEvaluator().evaluate(model, data);
        Label pos = new Label(positiveLabel), neg = new Label(negativeLabel);
        long tp = Math.round(e.confusion(pos, pos)), fn = Math.round(e.confusion(neg, pos));
        long tn = Math.round(e.confusion(neg, neg)), fp = Math.round(e.confusion(pos, neg));
        boolean bothClasses = tp + fn > 0 && tn + fp > 0;
        return new ClassificationMetrics(data.size(), e.accuracy(), bothClasses ? 1.0 - e.balancedErrorRate() : Double.NaN,
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
