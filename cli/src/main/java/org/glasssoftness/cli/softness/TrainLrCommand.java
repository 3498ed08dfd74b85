package org.glasssoftness.cli.softness;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.CommaLists;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.LogisticTrainer;
import org.glasssoftness.core.softness.SoftnessModelFormat;
import org.glasssoftness.core.softness.SoftnessScan;
import org.glasssoftness.core.softness.TrainSettings;
import org.glasssoftness.core.softness.TrainingData;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The "Train LR" node from the command line: model file, metrics.csv and weights.csv. */
@Command(name = "train-lr", mixinStandardHelpOptions = true,
        description = "Trains the softness logistic regression on feature and label CSVs (scaler fitted on training rows only).")
public final class TrainLrCommand implements Callable<Integer> {
    @Option(names = "--features", required = true, split = ",", description = "feature CSV(s) from radial-features (concatenated)") List<Path> features;
    @Option(names = "--labels", required = true, split = ",", description = "label CSV(s) with id (and sample/frame) and the label column") List<Path> labels;
    @Option(names = "--threshold", description = "label = value > threshold (e.g. D_c on D_cum); absent: the column holds 0/1") Double threshold;
    @Option(names = "--test-features", split = ",", description = "separate test feature CSV(s) instead of --test-groups") List<Path> testFeatures;
    @Option(names = "--test-labels", split = ",", description = "label CSV(s) of the test features") List<Path> testLabels;
    @Option(names = "--width", description = "Gaussian width L the features were made with (default: dr)") Double width;
    @Option(names = "--class-labels", defaultValue = "0,1", description = "names of class 0 and class 1 (default ${DEFAULT-VALUE})") String classLabels;
    @Option(names = "--model-name", defaultValue = "model.softness", description = "model file name in --out (default ${DEFAULT-VALUE})") String modelName;
    @Mixin LrOptions lr;
    @Mixin LabelJoinOptions join;
    @Option(names = "--out", required = true, description = "output folder") Path out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        ResultTable feats = CliSupport.readAll("features", features);
        ResultTable labs = CliSupport.readAll("labels", labels);
        FeatureDefinition def = FeatureTables.definitionOf(feats, width == null ? 0 : width);
        double th = threshold == null ? Double.NaN : threshold;
        TrainingData[] split = SoftnessScan.split(feats, labs,
                testFeatures == null ? null : CliSupport.readAll("test_features", testFeatures),
                testLabels == null ? null : CliSupport.readAll("test_labels", testLabels),
                def, join.keyList(), join.labelColumn, th, join.groupColumn,
                join.testGroupSet());
        TrainSettings settings = lr.settings();
        List<String> cl = CommaLists.of(classLabels);
        if (cl.size() != 2) throw new IllegalArgumentException("--class-labels needs two names, got " + classLabels);
        LogisticTrainer.Result r = new LogisticTrainer(settings).train(split[0], split[1], cl, Progress.NONE);
        Path model = out.resolve(modelName);
        SoftnessModelFormat.save(model, r.model());
        CsvTableWriter.writeInto(out, r.metricsTable());
        CsvTableWriter.writeInto(out, r.weightsTable());
        int angular = FeatureTables.angularColumns(feats).size();
        System.out.printf("train-lr: %d train rows (%d features%s), train accuracy %.4f%s -> %s (%.2f s)%n", r.train().rows(),
                def.featureCount(), angular == 0 ? "" : "; " + angular + " angular Psi_ columns ignored, see compare-features",
                r.train().accuracy(),
                r.test() == null ? "" : String.format(", %d test rows, test accuracy %.4f", r.test().rows(), r.test().accuracy()),
                model, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
