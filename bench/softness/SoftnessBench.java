import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureSet;
import org.glasssoftness.core.softness.LogisticTrainer;
import org.glasssoftness.core.softness.LogisticRegressionSolver;
import org.glasssoftness.core.softness.StandardScaler;
import org.glasssoftness.core.softness.RadialFeatures;
import org.glasssoftness.core.softness.TrainSettings;
import org.glasssoftness.core.softness.TrainingData;

/** Our side of bench/softness: radial features of 10,000 atoms and LR training on 20,000 rows (best of 3 after a warm-up). */
public class SoftnessBench {
    static ByteBuffer read(Path p) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        double l = read(dir.resolve("box.bin")).getDouble();
        ByteBuffer pb = read(dir.resolve("pos.bin")), sb = read(dir.resolve("species.bin"));
        int n = sb.capacity() / 4;
        double[] pos = new double[3 * n];
        int[] sp = new int[n];
        long[] ids = new long[n];
        for (int i = 0; i < 3 * n; i++) pos[i] = pb.getDouble();
        for (int i = 0; i < n; i++) { sp[i] = sb.getInt(); ids[i] = i + 1; }
        Frame f = new Frame(0, Box.cubic(l), ids, null, List.of("Li", "B", "O", "P"), sp, pos, false, null, null, null);
        FeatureDefinition def = FeatureDefinition.defaults("any", List.of("Li", "B", "O", "P"));
        RadialFeatures rf = new RadialFeatures(def);
        FeatureSet fs = rf.compute(f, 0);
        double best = 1e9;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            fs = rf.compute(f, 0);
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        ByteBuffer out = ByteBuffer.allocate(fs.values().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : fs.values()) out.putDouble(v);
        Files.write(dir.resolve("features_java.bin"), out.array());

        ByteBuffer xb = read(dir.resolve("X.bin")), yb = read(dir.resolve("y.bin"));
        int m = yb.capacity() / 4, d = 200;
        double[] x = new double[m * d];
        int[] y = new int[m];
        for (int i = 0; i < x.length; i++) x[i] = xb.getDouble();
        for (int i = 0; i < m; i++) y[i] = yb.getInt();
        FeatureDefinition ldef = new FeatureDefinition("B", List.of("Li", "B", "O", "P"), 0.2, 10.0, 0.2);
        TrainingData td = new TrainingData(ldef, ldef.featureNames(), x, y, null);
        LogisticTrainer tr = new LogisticTrainer(TrainSettings.defaults());
        LogisticTrainer.Result res = tr.train(td, null, List.of("0", "1"), Progress.NONE);
        double bestLr = 1e9;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            res = tr.train(td, null, List.of("0", "1"), Progress.NONE);
            bestLr = Math.min(bestLr, (System.nanoTime() - t) / 1e9);
        }
        // the same fit without Tribuo (scaler + solver only), to show what the Tribuo dataset/evaluation add
        double bestDirect = 1e9;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            StandardScaler sc = StandardScaler.fit(x, m, d);
            new LogisticRegressionSolver(1.0, 1e-10, 100).solve(sc.transform(x, m, d), m, d, y, null);
            bestDirect = Math.min(bestDirect, (System.nanoTime() - t) / 1e9);
        }
        ByteBuffer wb = ByteBuffer.allocate((d + 1) * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double w : res.model().weights()) wb.putDouble(w);
        wb.putDouble(res.model().bias());
        Files.write(dir.resolve("weights_java.bin"), wb.array());
        System.out.printf("{\"java_features_s\": %.4f, \"java_lr_s\": %.4f, \"java_lr_direct_s\": %.4f, \"java_lr_accuracy\": %.6f, \"java_lr_iterations\": %s, \"threads\": %d}%n",
                best, bestLr, bestDirect, res.train().accuracy(), res.model().provenance().get("iterations"),
                java.util.concurrent.ForkJoinPool.commonPool().getParallelism() + 1);
    }
}
