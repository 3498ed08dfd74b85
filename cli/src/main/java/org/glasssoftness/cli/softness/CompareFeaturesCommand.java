package org.glasssoftness.cli.softness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.softness.FeatureComparison;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.TrainingData;
import org.glasssoftness.core.study.StudyFeatureComparison;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Radial-only vs radial+angular softness models on the same rows: grouped cross-validation over the training groups
 * and the held-out test group, as comparison.csv (+ test_scores.csv) and a one-line summary.
 */
@Command(name = "compare-features", mixinStandardHelpOptions = true,
        description = "Do angular features raise the accuracy? Radial (G_), angular (Psi_) and radial+angular logistic "
                + "regressions compared by grouped cross-validation (leave-one-group-out or k group folds; scaler fitted "
                + "on the training folds only) and on held-out test groups: comparison.csv, test_scores.csv.")
public final class CompareFeaturesCommand implements Callable<Integer> {
    @Option(names = "--study", description = "study output folder (DIR/<glass>/{li,b}_features.csv, {li,b}_labels.csv, glass.dump)") Path study;
    @Option(names = "--species", description = "with --study: Li (model trained on fixedB x = -10,-5,5,10, labels 'mobile') or B (fixedLi, labels 'switched')") String species;
    @Option(names = "--frame", defaultValue = "0", description = "with --study: frame of the glass the features describe (Li: glass.dump, B: tension.dump, else glass.dump) for angular features the feature CSV lacks (default ${DEFAULT-VALUE})") int frame;
    @Mixin TypeMapOption typeMap;
    @Option(names = "--features", split = ",", description = "explicit input: feature CSV(s) with a group column, G_ and Psi_ columns (radial-features --angular --sample NAME)") List<Path> features;
    @Option(names = "--labels", split = ",", description = "explicit input: label CSV(s) with id (+ sample/frame) and the label column") List<Path> labels;
    @Option(names = "--threshold", description = "label = value > threshold (e.g. D_c on D_cum); absent: the column holds 0/1") Double threshold;
    @Option(names = "--folds", defaultValue = "0", description = "0 = leave-one-group-out over the training groups, k >= 2 = k group folds (seeded by --seed; default ${DEFAULT-VALUE})") int folds;
    @Mixin LabelJoinOptions join;
    @Mixin LrOptions lr;
    @Mixin AngularOptions angular;
    @Option(names = "--out", required = true, description = "output folder") Path out;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Inputs in = study != null ? studyInputs() : explicitInputs();
        FeatureComparison.Result r = FeatureComparison.compare(in.data, in.ids, in.testGroups, folds, lr.settings(),
                CliSupport.stderrProgress());
        Files.createDirectories(out);
        Path table = CsvTableWriter.writeInto(out, r.table());
        if (r.testScores() != null) CsvTableWriter.writeInto(out, r.testScores());
        System.out.printf("compare-features: %s -> %s (%.2f s)%n", r.summary(), table, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Labelled rows of every group, their atom ids and the test groups. */
    private record Inputs(TrainingData data, long[] ids, Set<String> testGroups) { }

    private Inputs explicitInputs() throws IOException {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("give --study DIR --species Li|B, or --features and --labels");
        }
        ResultTable feats = CliSupport.readAll("features", features);
        ResultTable labs = CliSupport.readAll("labels", labels);
        String g = join.groupColumn;
        if (g == null || g.isEmpty() || feats.columns().stream().noneMatch(c -> c.name().equals(g))) {
            throw new IllegalArgumentException("feature CSV(s) " + features + " have no group column '" + g
                    + "' (radial-features --sample NAME adds one)");
        }
        int[] y = FeatureTables.labelsFor(feats, labs, join.keyList(), join.labelColumn, threshold == null ? Double.NaN : threshold);
        String[] group = new String[feats.rowCount()];
        for (int i = 0; i < group.length; i++) group[i] = feats.column(g).text(i);
        Set<String> test = join.testGroupSet() == null ? Set.of() : join.testGroupSet();
        return new Inputs(FeatureComparison.rows(feats, y, group, null, "features " + features), FeatureComparison.ids(feats), test);
    }

    private Inputs studyInputs() throws IOException {
        if (species == null) throw new IllegalArgumentException("--study needs --species Li or B");
        StudyFeatureComparison.Inputs in = StudyFeatureComparison.inputs(study, species,
                nb -> angular.definition(species, nb), frame, DumpReadOptions.of(typeMap.parse()),
                threshold == null ? Double.NaN : threshold, CliSupport.stderrProgress());
        return new Inputs(in.data(), in.ids(), in.testGroups());
    }
}
