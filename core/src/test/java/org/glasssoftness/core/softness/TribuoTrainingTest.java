package org.glasssoftness.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.tribuo.ExactLogisticModel;
import org.glasssoftness.core.softness.tribuo.ExactLogisticTrainer;
import org.glasssoftness.core.softness.tribuo.TribuoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Dataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.ModelProvenance;

/**
 * Train LR through Tribuo: same numbers as the solver called directly, Tribuo model = SoftnessModel, provenance.
 */
class TribuoTrainingTest {
    static final FeatureDefinition DEF = new FeatureDefinition("B", List.of("O", "Li"), 1.0, 3.0, 1.0); // 6 features
    static final List<String> CLASSES = List.of("immobile", "mobile");

    static TrainingData data(int n, long seed) {
        int d = DEF.featureCount();
        double[] x = LogisticRegressionTest.features(n, d, seed);
        return new TrainingData(DEF, DEF.featureNames(), x, LogisticRegressionTest.labels(x, n, d, seed), null);
    }

    /** The solver called directly on the scaler's output, no Tribuo. */
    static LogisticRegressionSolver.Solution direct(TrainingData td, TrainSettings s) {
        int n = td.rows(), d = td.features();
        double[] xs = StandardScaler.fit(td.x(), n, d).transform(td.x(), n, d);
        return new LogisticRegressionSolver(s.c(), s.tolerance(), s.maxIterations())
                .solve(xs, n, d, td.y(), s.weighting().sampleWeights(td.y()));
    }

    @Test
    void tribuoPathGivesTheSolversWeightsBitForBit() {
        TrainingData td = data(400, 11);
        for (TrainSettings s : List.of(TrainSettings.defaults(),
                TrainSettings.defaults().withC(0.05).withWeighting(ClassWeighting.BALANCED))) {
            LogisticRegressionSolver.Solution sol = direct(td, s);
            SoftnessModel m = new LogisticTrainer(s).train(td, null, CLASSES, Progress.NONE).model();
            assertArrayEquals(sol.weights(), m.weights(), 0.0);
            assertEquals(sol.bias(), m.bias(), 0.0);
            assertEquals(Integer.toString(sol.iterations()), m.provenance().get("iterations"));
        }
    }

    /**
     * TribuoData's dataset (examples made without Tribuo's per-row sort, trainer reading the kept matrix) against a
     * dataset built the ordinary Tribuo way (ArrayExample(label, names, values) in a MutableDataset, which the trainer
     * densifies from the examples' features): the same examples, and the same model bit for bit in both column orders.
     */
    @Test
    void fastDatasetEqualsAnOrdinaryTribuoDataset() {
        TrainingData td = data(9000, 21); // more than two of TribuoData's 4,096-row blocks
        int d = td.features();
        Dataset<Label> fast = TribuoData.dataset(td, CLASSES, "fast");
        org.tribuo.classification.LabelFactory factory = new org.tribuo.classification.LabelFactory();
        org.tribuo.MutableDataset<Label> plain = new org.tribuo.MutableDataset<>(
                new org.tribuo.provenance.SimpleDataSourceProvenance("plain", factory), factory);
        String[] names = DEF.featureNames().toArray(new String[0]);
        for (int i = 0; i < td.rows(); i++) {
            plain.add(new org.tribuo.impl.ArrayExample<>(new Label(CLASSES.get(td.y()[i])), names,
                    Arrays.copyOfRange(td.x(), i * d, (i + 1) * d)));
        }
        assertEquals(plain.size(), fast.size());
        for (int i = 0; i < td.rows(); i++) {
            Example<Label> a = plain.getExample(i), b = fast.getExample(i);
            assertEquals(a.getOutput(), b.getOutput());
            assertEquals(a.size(), b.size());
            java.util.Iterator<org.tribuo.Feature> ia = a.iterator(), ib = b.iterator();
            while (ia.hasNext()) {
                org.tribuo.Feature fa = ia.next(), fb = ib.next();
                assertEquals(fa.getName(), fb.getName());
                assertEquals(fa.getValue(), fb.getValue(), 0.0);
            }
        }
        // feature statistics as Tribuo's own feature map observes them (count, min, max exact; mean, variance to
        // rounding: Tribuo derives them from its value histogram)
        assertEquals(plain.getFeatureIDMap().size(), fast.getFeatureIDMap().size());
        for (String name : DEF.featureNames()) {
            org.tribuo.RealInfo a = (org.tribuo.RealInfo) plain.getFeatureIDMap().get(name);
            org.tribuo.RealInfo b = (org.tribuo.RealInfo) fast.getFeatureIDMap().get(name);
            assertEquals(plain.getFeatureIDMap().getID(name), fast.getFeatureIDMap().getID(name));
            assertEquals(a.getCount(), b.getCount(), name);
            assertEquals(a.getMin(), b.getMin(), 0.0, name);
            assertEquals(a.getMax(), b.getMax(), 0.0, name);
            assertEquals(a.getMean(), b.getMean(), 1e-12 * Math.abs(a.getMean()), name);
            assertEquals(a.getVariance(), b.getVariance(), 1e-10 * a.getVariance(), name);
        }
        // the same statistics bit for bit when the dataset is built on one thread
        java.util.concurrent.ForkJoinPool singleThread = new java.util.concurrent.ForkJoinPool(1);
        try {
            Dataset<Label> serial = singleThread.submit(() -> TribuoData.dataset(td, CLASSES, "one thread")).get();
            for (String name : DEF.featureNames()) {
                org.tribuo.RealInfo a = (org.tribuo.RealInfo) serial.getFeatureIDMap().get(name);
                org.tribuo.RealInfo b = (org.tribuo.RealInfo) fast.getFeatureIDMap().get(name);
                assertEquals(a.getCount(), b.getCount());
                assertEquals(a.getMean(), b.getMean(), 0.0);
                assertEquals(a.getVariance(), b.getVariance(), 0.0);
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            singleThread.shutdown();
        }
        TrainSettings s = TrainSettings.defaults().withC(0.2).withWeighting(ClassWeighting.BALANCED);
        for (List<String> order : Arrays.asList(DEF.featureNames(), null)) {
            ExactLogisticModel mf = ExactLogisticTrainer.of(s, "mobile").withColumnOrder(order).train(fast);
            ExactLogisticModel mp = ExactLogisticTrainer.of(s, "mobile").withColumnOrder(order).train(plain);
            assertEquals(mp.columns(), mf.columns());
            assertArrayEquals(mp.weights(), mf.weights(), 0.0);
            assertEquals(mp.bias(), mf.bias(), 0.0);
            List<Prediction<Label>> pf = mf.predict(fast), pp = mp.predict(plain);
            assertEquals(pp.size(), pf.size());
            for (int i = 0; i < pf.size(); i++) {
                Prediction<Label> a = pp.get(i), b = pf.get(i), one = mf.predict(fast.getExample(i));
                for (Prediction<Label> q : List.of(b, one)) {
                    assertEquals(a.getOutput().getLabel(), q.getOutput().getLabel());
                    assertEquals(a.getOutput().getScore(), q.getOutput().getScore(), 0.0);
                    assertEquals(a.getNumActiveFeatures(), q.getNumActiveFeatures());
                    for (String c : CLASSES) {
                        assertEquals(a.getOutputScores().get(c).getScore(), q.getOutputScores().get(c).getScore(), 0.0);
                    }
                }
                assertTrue(b.getExample() == fast.getExample(i));
            }
            // TribuoData.evaluate (Tribuo's metrics without the evaluator's AUC/AP) = LabelEvaluator's numbers
            for (Dataset<Label> ds : List.of(fast, plain)) {
                LabelEvaluation e = new LabelEvaluator().evaluate(mf, ds);
                ClassificationMetrics got = TribuoData.evaluate(mf, ds, "mobile", "immobile", 0.5);
                Label pos = new Label("mobile"), neg = new Label("immobile");
                assertEquals(e.accuracy(), got.accuracy(), 0.0);
                assertEquals(1.0 - e.balancedErrorRate(), got.balancedAccuracy(), 0.0);
                assertEquals(Math.round(e.confusion(pos, pos)), got.truePositives());
                assertEquals(Math.round(e.confusion(neg, pos)), got.falseNegatives());
                assertEquals(Math.round(e.confusion(neg, neg)), got.trueNegatives());
                assertEquals(Math.round(e.confusion(pos, neg)), got.falsePositives());
            }
        }
    }

    @Test
    void trainerInTribuosOwnFeatureOrderAgreesTo1e12() {
        TrainingData td = data(400, 12);
        TrainSettings s = TrainSettings.defaults().withC(0.3).withWeighting(ClassWeighting.BALANCED);
        LogisticRegressionSolver.Solution sol = direct(td, s);
        Dataset<Label> ds = TribuoData.dataset(td, CLASSES, "test rows");
        // no column order: Tribuo's feature ids (names sorted), a permutation of the definition's order
        ExactLogisticModel tm = ExactLogisticTrainer.of(s, "mobile").train(ds);
        List<String> names = DEF.featureNames();
        double[] w = tm.weights();
        for (int k = 0; k < w.length; k++) {
            int ours = names.indexOf(tm.columns().get(k));
            assertEquals(sol.weights()[ours], w[k], 1e-12 * Math.abs(sol.weights()[ours]) + 1e-15, tm.columns().get(k));
        }
        assertEquals(sol.bias(), tm.bias(), 1e-12 * Math.abs(sol.bias()));
    }

    @Test
    void tribuoPredictionsAreTheSoftnessModelsAndExplainTheDecision() {
        TrainingData td = data(300, 13), test = data(120, 14);
        LogisticTrainer.Result r = new LogisticTrainer(TrainSettings.defaults().withC(0.5)).train(td, test, CLASSES, Progress.NONE);
        SoftnessModel m = r.model();
        Dataset<Label> ds = TribuoData.dataset(test, CLASSES, "test rows");
        ExactLogisticModel tm = ExactLogisticTrainer.of(TrainSettings.defaults().withC(0.5), "mobile")
                .withColumnOrder(DEF.featureNames()).train(TribuoData.dataset(td, CLASSES, "train rows"));
        Model<Label> copy = tm.copy();
        int d = test.features();
        int i = 0;
        for (Example<Label> ex : ds) {
            double p = m.probability(test.x(), i * d);
            for (Model<Label> model : List.of(tm, copy)) {
                Prediction<Label> pr = model.predict(ex);
                assertEquals(p, pr.getOutputScores().get("mobile").getScore(), 0.0);
                assertEquals(1 - p, pr.getOutputScores().get("immobile").getScore(), 0.0);
                assertEquals(m.decision(test.x(), i * d) > 0 ? "mobile" : "immobile", pr.getOutput().getLabel());
                assertTrue(pr.hasProbabilities());
            }
            // the excuse: per-feature contributions w_k x'_k plus the bias sum to the decision value
            Excuse<Label> excuse = tm.getExcuse(ex).orElseThrow();
            double sum = 0;
            for (Pair<String, Double> c : excuse.excuse("mobile")) sum += c.getB();
            assertEquals(m.decision(test.x(), i * d), sum, 1e-12 * (1 + Math.abs(sum)));
            i++;
        }
        assertEquals(tm.getProvenance(), copy.getProvenance());
        // top features by |w|
        double[] w = m.weights();
        Integer[] order = new Integer[w.length];
        for (int k = 0; k < w.length; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(w[b]), Math.abs(w[a])));
        List<Pair<String, Double>> top = tm.getTopFeatures(2).get("mobile");
        assertEquals(2, top.size());
        assertEquals(m.featureNames().get(order[0]), top.get(0).getA());
        assertEquals(w[order[0]], top.get(0).getB(), 0.0);
        assertEquals(m.featureNames().get(order[1]), top.get(1).getA());
        assertEquals(-w[order[0]], tm.getTopFeatures(-1).get("immobile").get(0).getB(), 0.0);
        assertEquals(w.length, tm.getTopFeatures(-1).get("mobile").size());
    }

    @Test
    void tribuoEvaluationGivesOurMetrics() {
        TrainingData td = data(300, 15), test = data(150, 16);
        LogisticTrainer.Result r = new LogisticTrainer(TrainSettings.defaults()).train(td, test, CLASSES, Progress.NONE);
        for (TrainingData rows : List.of(td, test)) {
            ClassificationMetrics ours = LogisticTrainer.evaluate(r.model(), rows);
            ClassificationMetrics got = rows == td ? r.train() : r.test();
            assertEquals(ours.rows(), got.rows());
            assertEquals(ours.truePositives(), got.truePositives());
            assertEquals(ours.trueNegatives(), got.trueNegatives());
            assertEquals(ours.falsePositives(), got.falsePositives());
            assertEquals(ours.falseNegatives(), got.falseNegatives());
            assertEquals(ours.accuracy(), got.accuracy(), 1e-15);
            assertEquals(ours.balancedAccuracy(), got.balancedAccuracy(), 1e-15);
            assertEquals(ours.rocAuc(), got.rocAuc(), 0.0);
        }
        // Tribuo's own ROC AUC on these untied scores: the same area
        ExactLogisticModel tm = ExactLogisticTrainer.of(TrainSettings.defaults(), "mobile").train(TribuoData.dataset(td, CLASSES, "t"));
        LabelEvaluation e = new LabelEvaluator().evaluate(tm, TribuoData.dataset(test, CLASSES, "t"));
        assertEquals(r.test().rocAuc(), e.AUCROC(new Label("mobile")), 1e-12);
    }

    @Test
    void provenanceRecordsSettingsAndDatasetAndSurvivesTheModelFile(@TempDir Path dir) throws IOException {
        TrainingData td = data(250, 17), test = data(50, 18);
        TrainSettings s = new TrainSettings(0.05, ClassWeighting.BALANCED, 1234L, 1e-10, 100);
        SoftnessModel m = new LogisticTrainer(s).train(td, test, CLASSES, Progress.NONE).model();
        Path f = dir.resolve("m.softness");
        SoftnessModelFormat.save(f, m);
        SoftnessModel back = SoftnessModelFormat.load(f);
        assertTrue(Files.readString(f).contains("version=1\n"));
        ModelProvenance mp = LogisticTrainer.tribuoProvenance(back);
        assertNotNull(mp);
        assertEquals(ExactLogisticModel.class.getName(), mp.getClassName());
        assertEquals(ExactLogisticTrainer.class.getName(), mp.getTrainerProvenance().getClassName());
        Map<String, Provenance> conf = mp.getTrainerProvenance().getConfiguredParameters();
        assertEquals("0.05", conf.get("c").toString());
        assertEquals("BALANCED", conf.get("classWeight").toString());
        assertEquals("1234", conf.get("seed").toString());
        assertEquals("mobile", conf.get("positiveLabel").toString());
        assertEquals(250, mp.getDatasetProvenance().getNumExamples());
        assertEquals(6, mp.getDatasetProvenance().getNumFeatures());
        assertEquals(2, mp.getDatasetProvenance().getNumOutputs());
        assertEquals("50", mp.getInstanceProvenance().getMap().get("test_rows").toString());
        assertEquals(LogisticTrainer.tribuoProvenance(m), mp);
        String text = LogisticTrainer.tribuoProvenanceText(back);
        assertTrue(text.contains("classWeight") && text.contains("BALANCED") && text.contains("1234"), text);
        System.out.println("encoded Tribuo provenance: " + m.provenance().get(LogisticTrainer.TRIBUO_PROVENANCE_KEY).length()
                + " characters; as text:\n" + text);

        // Tribuo's reproducibility route: the trainer rebuilt by OLCUT from the stored provenance trains the same model
        List<ConfigurationData> cd = ProvenanceUtil.extractConfiguration(mp.getTrainerProvenance());
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(cd);
        ExactLogisticTrainer rebuilt = (ExactLogisticTrainer) cm.lookup(cd.get(0).getName());
        assertEquals(0.05, rebuilt.c(), 0.0);
        assertEquals(ClassWeighting.BALANCED, rebuilt.classWeight());
        assertEquals(1234L, rebuilt.seed());
        ExactLogisticModel again = rebuilt.withColumnOrder(DEF.featureNames()).train(TribuoData.dataset(td, CLASSES, "again"));
        assertArrayEquals(m.weights(), again.weights(), 0.0);

        // a version-1 model saved before Tribuo (no Tribuo provenance) still loads
        List<String> lines = Files.readAllLines(f);
        lines.removeIf(l -> l.startsWith("provenance." + LogisticTrainer.TRIBUO_PROVENANCE_KEY + "=")
                || l.startsWith("provenance.framework="));
        Files.write(f, lines);
        SoftnessModel old = SoftnessModelFormat.load(f);
        assertNull(LogisticTrainer.tribuoProvenance(old));
        assertArrayEquals(m.weights(), old.weights(), 0.0);
    }

    @Test
    void sameSeedSameModelAndInvocationsCounted() {
        TrainingData td = data(300, 19);
        TrainSettings s = new TrainSettings(0.7, ClassWeighting.BALANCED, 99L, 1e-10, 100);
        SoftnessModel a = new LogisticTrainer(s).train(td, null, CLASSES, Progress.NONE).model();
        SoftnessModel b = new LogisticTrainer(s).train(td, null, CLASSES, Progress.NONE).model();
        assertArrayEquals(a.weights(), b.weights(), 0.0);
        assertEquals(a.bias(), b.bias(), 0.0);
        assertEquals(LogisticTrainer.tribuoProvenance(a).getTrainerProvenance(),
                LogisticTrainer.tribuoProvenance(b).getTrainerProvenance());

        ExactLogisticTrainer t = ExactLogisticTrainer.of(s, "mobile");
        Dataset<Label> ds = TribuoData.dataset(td, CLASSES, "t");
        assertEquals(0, t.getInvocationCount());
        t.train(ds);
        ExactLogisticModel second = t.train(ds);
        assertEquals(2, t.getInvocationCount());
        assertEquals("1", second.getProvenance().getTrainerProvenance().getInstanceValues().get("train-invocation-count").toString());
    }

    @Test
    void datasetHasEveryRowAndRealFeatureStatistics() {
        TrainingData td = data(40, 21);
        double[] x = td.x();
        x[3 * 6 + 2] = 0.0; // one zero value: Tribuo's RealInfo counts non-zero values only
        TrainingData withZero = new TrainingData(DEF, DEF.featureNames(), x, td.y(), null);
        Dataset<Label> ds = TribuoData.dataset(withZero, CLASSES, "t");
        assertEquals(40, ds.size());
        int i = 0;
        for (Example<Label> ex : ds) {
            assertEquals(CLASSES.get(td.y()[i]), ex.getOutput().getLabel());
            assertEquals(6, ex.size());
            for (org.tribuo.Feature f : ex) assertEquals(x[i * 6 + DEF.featureNames().indexOf(f.getName())], f.getValue(), 0.0);
            i++;
        }
        String name = DEF.featureNames().get(2);
        org.tribuo.RealInfo info = (org.tribuo.RealInfo) ds.getFeatureMap().get(name);
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < 40; r++) {
            if (r == 3) continue;
            double v = x[r * 6 + 2];
            sum += v; min = Math.min(min, v); max = Math.max(max, v);
        }
        assertEquals(39, info.getCount());
        assertEquals(sum / 39, info.getMean(), 1e-12);
        assertEquals(min, info.getMin(), 0.0);
        assertEquals(max, info.getMax(), 0.0);
    }

    @Test
    void badInputIsAClearError() {
        TrainingData one = new TrainingData(DEF, DEF.featureNames(), new double[12], new int[] {1, 1}, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactLogisticTrainer.of(TrainSettings.defaults(), "mobile").train(TribuoData.dataset(one, CLASSES, "t")));
        assertTrue(e.getMessage().contains("both classes"), e.getMessage());
        TrainingData td = data(50, 20);
        e = assertThrows(IllegalArgumentException.class,
                () -> ExactLogisticTrainer.of(TrainSettings.defaults(), "rearranging").train(TribuoData.dataset(td, CLASSES, "t")));
        assertTrue(e.getMessage().contains("rearranging"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExactLogisticTrainer.of(TrainSettings.defaults(), "mobile")
                .withColumnOrder(List.of("G_B-O_1.00")).train(TribuoData.dataset(td, CLASSES, "t")));
        assertTrue(e.getMessage().contains("column order"), e.getMessage());
    }
}
