package org.glasssoftness.core.softness;

import java.time.OffsetDateTime;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The same training rows through Tribuo 4.3 (MutableDataset of standardised rows, LinearSGDTrainer with the
 * LogMulticlass objective and AdaGrad, seeded), for comparison with the exact solver. Tribuo's linear SGD has no L2
 * term on this objective and stops after a fixed number of epochs, so its weights are an approximation of an
 * unregularised fit, not scikit-learn's L2 solution: {@link LogisticTrainer} does not use it; this class exists to
 * measure that gap ({@code TribuoComparisonTest}).
 */
public final class TribuoSgdTrainer {
    private final int epochs;
    private final long seed;

    public TribuoSgdTrainer(int epochs, long seed) {
        this.epochs = epochs;
        this.seed = seed;
    }

    /** Weights (d) then bias of the binary decision function w.x' + b on standardised rows {@code xs}. */
    public double[] fit(double[] xs, int n, int d, int[] y, List<String> featureNames) {
        LabelFactory lf = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("softness training rows", OffsetDateTime.now(), lf), lf);
        String[] names = featureNames.toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            System.arraycopy(xs, i * d, row, 0, d);
            ds.add(new ArrayExample<>(new Label(y[i] == 1 ? "1" : "0"), names, row));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
                Integer.MAX_VALUE, seed); // logging interval: no per-iteration log lines
        LinearSGDModel model = trainer.train(ds);
        DenseMatrix w = model.getWeightsCopy(); // one row per label id, columns = features (model's order) + bias
        ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
        int one = labels.getID(new Label("1")), zero = labels.getID(new Label("0"));
        var fmap = model.getFeatureIDMap();
        double[] out = new double[d + 1];
        for (int k = 0; k < d; k++) {
            var info = fmap.get(names[k]);
            if (info == null) continue; // a constant-zero column never seen by Tribuo: weight 0
            int id = info.getID();
            out[k] = w.get(one, id) - w.get(zero, id);
        }
        int biasCol = w.getDimension2Size() - 1;
        out[d] = w.get(one, biasCol) - w.get(zero, biasCol);
        return out;
    }
}
