package org.glasssoftness.cli.softness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.AngularDefinition;
import org.glasssoftness.core.softness.AngularFeatureSet;
import org.glasssoftness.core.softness.AngularFeatures;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureComparison;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.TrainingData;
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
    @Option(names = "--frame", defaultValue = "0", description = "with --study: frame of glass.dump for angular features the feature CSV lacks (default ${DEFAULT-VALUE})") int frame;
    @Mixin TypeMapOption typeMap;
    @Option(names = "--features", split = ",", description = "explicit input: feature CSV(s) with a group column, G_ and Psi_ columns (radial-features --angular --sample NAME)") List<Path> features;
    @Option(names = "--labels", split = ",", description = "explicit input: label CSV(s) with id (+ sample/frame) and the label column") List<Path> labels;
    @Option(names = "--threshold", description = "label = value > threshold (e.g. D_c on D_cum); absent: the column holds 0/1") Double threshold;
    @Option(names = "--folds", defaultValue = "0", description = "0 = leave-one-group-out over the training groups, k >= 2 = k group folds (seeded by --seed; default ${DEFAULT-VALUE})") int folds;
    @Mixin LabelJoinOptions join;
    @Mixin LrOptions lr;
    @Mixin AngularOptions angular;
    @Option(names = "--out", required = true, description = "output folder") Path out;

    /** The study's test glass (both models; paper Methods 4.6). */
    static final String TEST_GLASS = "Li40B30P30";
    /** The x values of the training glasses of both models (paper Methods 4.6); x = 0 is the test glass. */
    static final int[] TRAIN_X = {-10, -5, 5, 10};

    /**
     * Training glasses of a species' model: Li on series fixedB (Li2O)40+x(B2O3)30(P2O5)30-x, B on series fixedLi
     * (Li2O)40(B2O3)30+x(P2O5)30-x, x = -10, -5, 5, 10; named Li&lt;Li&gt;B&lt;B&gt;P&lt;P&gt;.
     */
    static List<String> trainingGlasses(String species) {
        List<String> out = new ArrayList<>();
        for (int x : TRAIN_X) {
            if (species.equals("Li")) out.add("Li" + (40 + x) + "B30P" + (30 - x));
            else if (species.equals("B")) out.add("Li40B" + (30 + x) + "P" + (30 - x));
            else throw new IllegalArgumentException("--species must be Li or B, got '" + species + "'");
        }
        return out;
    }

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
        return new Inputs(rows(feats, y, group, null, "features " + features), ids(feats), test);
    }

    private Inputs studyInputs() throws IOException {
        if (species == null) throw new IllegalArgumentException("--study needs --species Li or B");
        List<String> glasses = new ArrayList<>(trainingGlasses(species));
        glasses.add(TEST_GLASS);
        String prefix = species.toLowerCase();
        String labelColumn = species.equals("Li") ? "mobile" : "switched";
        List<TrainingData> parts = new ArrayList<>();
        List<long[]> idParts = new ArrayList<>();
        for (String glass : glasses) {
            Path dir = study.resolve(glass);
            Path fFile = dir.resolve(prefix + "_features.csv"), lFile = dir.resolve(prefix + "_labels.csv");
            for (Path p : List.of(fFile, lFile)) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("study folder " + study + ": " + p + " is missing (glasses of the "
                            + species + " model: " + glasses + ")");
                }
            }
            try {
                ResultTable feats = CsvTables.read(fFile);
                int[] y = FeatureTables.labelsFor(feats, CsvTables.read(lFile), List.of(), labelColumn,
                        threshold == null ? Double.NaN : threshold);
                String[] group = new String[feats.rowCount()];
                java.util.Arrays.fill(group, glass);
                AngularFeatureSet psi = null;
                if (feats.columns().stream().noneMatch(c -> c.name().startsWith(AngularDefinition.PREFIX))) {
                    psi = angularFromDump(dir.resolve("glass.dump"), FeatureTables.definitionOf(feats, 0).neighbourSpecies());
                }
                parts.add(rows(feats, y, group, psi, fFile.toString()));
                idParts.add(ids(feats));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("study glass " + dir + ": " + e.getMessage(), e);
            }
        }
        // one matrix; every glass must have the same columns
        TrainingData first = parts.get(0);
        int n = 0, d = first.features();
        for (int k = 0; k < parts.size(); k++) {
            if (!parts.get(k).featureNames().equals(first.featureNames())) {
                throw new IllegalArgumentException("glass " + glasses.get(k) + " has other feature columns than " + glasses.get(0));
            }
            n += parts.get(k).rows();
        }
        double[] x = new double[n * d];
        int[] y = new int[n];
        String[] g = new String[n];
        long[] ids = new long[n];
        int o = 0;
        for (int k = 0; k < parts.size(); k++) {
            TrainingData p = parts.get(k);
            System.arraycopy(p.x(), 0, x, o * d, p.rows() * d);
            System.arraycopy(p.y(), 0, y, o, p.rows());
            System.arraycopy(p.group(), 0, g, o, p.rows());
            System.arraycopy(idParts.get(k), 0, ids, o, p.rows());
            o += p.rows();
        }
        return new Inputs(new TrainingData(first.definition(), first.featureNames(), x, y, g), ids, Set.of(TEST_GLASS));
    }

    private AngularFeatureSet angularFromDump(Path dump, List<String> radialNeighbours) throws IOException {
        if (!Files.isRegularFile(dump)) {
            throw new IllegalArgumentException(dump + " is missing: the feature CSV has no Psi_ columns, so the angular "
                    + "features are computed from the glass");
        }
        try (Trajectory t = CliSupport.openDump(dump, typeMap)) {
            if (frame < 0 || frame >= t.frameCount()) {
                throw new IllegalArgumentException(dump + " has " + t.frameCount() + " frames, frame " + frame + " asked");
            }
            return new AngularFeatures(angular.definition(species, radialNeighbours)).compute(t.frame(frame), frame, Progress.NONE);
        }
    }

    /**
     * The G_ columns (definition order) and Psi_ columns (table order, or those of {@code psi} joined by atom id) of a
     * feature table as labelled rows.
     */
    static TrainingData rows(ResultTable feats, int[] y, String[] group, AngularFeatureSet psi, String what) {
        FeatureDefinition def = FeatureTables.definitionOf(feats, 0);
        List<String> names = new ArrayList<>(def.featureNames());
        List<double[]> cols = new ArrayList<>();
        for (String c : def.featureNames()) cols.add(FeatureTables.numeric(feats, c));
        int n = feats.rowCount();
        if (psi == null) {
            for (ResultTable.Column c : feats.columns()) {
                if (c.name().startsWith(AngularDefinition.PREFIX)) {
                    names.add(c.name());
                    cols.add(FeatureTables.numeric(feats, c.name()));
                }
            }
        } else {
            Map<Long, Integer> rowOf = new HashMap<>();
            for (int r = 0; r < psi.rows(); r++) rowOf.put(psi.ids()[r], r);
            long[] id = ids(feats);
            int pd = psi.featureCount();
            int[] at = new int[n];
            for (int i = 0; i < n; i++) {
                Integer r = rowOf.get(id[i]);
                if (r == null) {
                    throw new IllegalArgumentException(what + " row " + (i + 1) + ": atom id " + id[i] + " is not a "
                            + psi.definition().focusSpecies() + " atom of the glass the angular features were computed on");
                }
                at[i] = r;
            }
            for (int k = 0; k < pd; k++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = psi.values()[at[i] * pd + k];
                names.add(psi.featureNames().get(k));
                cols.add(col);
            }
        }
        int d = names.size();
        double[] x = new double[n * d];
        for (int k = 0; k < d; k++) {
            double[] col = cols.get(k);
            for (int i = 0; i < n; i++) x[i * d + k] = col[i];
        }
        return new TrainingData(def, names, x, y, group);
    }

    static long[] ids(ResultTable feats) {
        double[] v = FeatureTables.numeric(feats, "id");
        long[] id = new long[v.length];
        for (int i = 0; i < v.length; i++) id[i] = (long) v[i];
        return id;
    }
}
