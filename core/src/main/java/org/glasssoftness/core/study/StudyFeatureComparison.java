package org.glasssoftness.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.AngularDefinition;
import org.glasssoftness.core.softness.AngularFeatureSet;
import org.glasssoftness.core.softness.AngularFeatures;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureComparison;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.TrainSettings;
import org.glasssoftness.core.softness.TrainingData;
import org.glasssoftness.core.table.ResultTable;

/**
 * "Beyond the study" (Schoenholz et al. 2016 angular features): radial vs angular vs radial+angular softness models of
 * one species on a study folder, by {@link FeatureComparison} over the glasses of that species' model: grouped
 * cross-validation over the four training glasses ({@link StudyGlass#liTraining()} for Li, {@link StudyGlass#bTraining()}
 * for B; leave-one-glass-out by default) and the held-out test glass {@link StudyGlass#TEST}. Used by
 * {@link SoftnessStudy}'s study-wide step and by the CLI's {@code compare-features --study}.
 *
 * <p>Rows: the study's {@code <glass>/{li,b}_features.csv} labelled by {@code {li,b}_labels.csv} (Li: {@code mobile},
 * B: {@code switched}). When a feature table has no {@code Psi_} columns (the study's Radial Features run without
 * them) the angular features are computed on the configuration the radial features describe ({@link #featureDump}).
 */
public final class StudyFeatureComparison {
    /** Folder of the study's comparison outputs. */
    public static final String FOLDER = "comparison";

    /** The two models of the study. */
    public static final List<String> SPECIES = List.of("Li", "B");

    /** Labelled rows of the species' glasses (training glasses, then the test glass), their atom ids and the test group. */
    public record Inputs(TrainingData data, long[] ids, Set<String> testGroups) { }

    private StudyFeatureComparison() { }

    /** Training glasses of the species' model, then the test glass Li40B30P30. */
    public static List<StudyGlass> glasses(String species) {
        List<StudyGlass> l = new ArrayList<>(switch (check(species)) {
            case "Li" -> StudyGlass.liTraining();
            default -> StudyGlass.bTraining();
        });
        l.add(StudyGlass.TEST);
        return l;
    }

    /** Label column of the species' label CSV: Li {@code mobile}, B {@code switched}. */
    public static String labelColumn(String species) {
        return check(species).equals("Li") ? "mobile" : "switched";
    }

    /**
     * The dump whose frame the study's radial features of the species describe: Li {@code glass.dump} (the unstrained
     * glass), B {@code tension.dump} (frame 0 is the unstrained glass, replicated as the B features and labels are when
     * the scale replicates); a folder without {@code tension.dump} (a hand-made one) falls back to {@code glass.dump}.
     */
    public static Path featureDump(Path glassDir, String species) {
        Path tension = glassDir.resolve("tension.dump");
        return check(species).equals("B") && Files.isRegularFile(tension) ? tension : glassDir.resolve("glass.dump");
    }

    /**
     * Reads the rows of every glass of the species' model.
     *
     * @param angular   angular definition for the radial neighbour species, used when a feature CSV lacks Psi_ columns
     * @param frame     frame of {@link #featureDump} for those angular features
     * @param read      how the dumps are read (type map)
     * @param threshold label = value &gt; threshold; NaN: the label column holds 0/1
     * @param progress  fraction of the glasses read; cancel is checked before each glass and inside the angular features
     */
    public static Inputs inputs(Path study, String species, Function<List<String>, AngularDefinition> angular, int frame,
                                DumpReadOptions read, double threshold, Progress progress) throws IOException {
        List<StudyGlass> glasses = glasses(species);
        String prefix = species.toLowerCase(Locale.ROOT);
        List<TrainingData> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<long[]> idParts = new ArrayList<>();
        for (int i = 0; i < glasses.size(); i++) {
            StudyGlass glass = glasses.get(i);
            progress.checkCanceled();
            Progress glassProgress = Progress.range(progress, (double) i / glasses.size(), (double) (i + 1) / glasses.size(),
                    glass.name() + ": ");
            Path dir = study.resolve(glass.name());
            Path fFile = dir.resolve(prefix + "_features.csv"), lFile = dir.resolve(prefix + "_labels.csv");
            for (Path p : List.of(fFile, lFile)) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("study folder " + study + ": " + p + " is missing (glasses of the "
                            + species + " model: " + glasses + ")");
                }
            }
            try {
                ResultTable feats = CsvTables.read(fFile);
                int[] y = FeatureTables.labelsFor(feats, CsvTables.read(lFile), List.of(), labelColumn(species), threshold);
                String[] group = new String[feats.rowCount()];
                Arrays.fill(group, glass.name());
                AngularFeatureSet psi = null;
                if (FeatureTables.angularColumns(feats).isEmpty()) {
                    AngularDefinition def = angular.apply(FeatureTables.definitionOf(feats, 0).neighbourSpecies());
                    psi = angularFromDump(featureDump(dir, species), def, frame, read, glassProgress);
                }
                parts.add(FeatureComparison.rows(feats, y, group, psi, fFile.toString()));
                idParts.add(FeatureComparison.ids(feats));
                names.add("glass " + glass.name());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("study glass " + dir + ": " + e.getMessage(), e);
            }
        }
        TrainingData all = FeatureComparison.concat(parts, names);
        long[] ids = idParts.stream().flatMapToLong(LongStream::of).toArray();
        return new Inputs(all, ids, Set.of(StudyGlass.TEST.name()));
    }

    private static AngularFeatureSet angularFromDump(Path dump, AngularDefinition def, int frame, DumpReadOptions read,
                                                     Progress progress) throws IOException {
        if (!Files.isRegularFile(dump)) {
            throw new IllegalArgumentException(dump + " is missing: the feature CSV has no Psi_ columns, so the angular "
                    + "features are computed from the glass");
        }
        try (Trajectory t = LammpsDumpReader.open(dump, read, Progress.NONE)) {
            if (frame < 0 || frame >= t.frameCount()) {
                throw new IllegalArgumentException(dump + " has " + t.frameCount() + " frames, frame " + frame + " asked");
            }
            return new AngularFeatures(def).compute(t.frame(frame), frame, progress);
        }
    }

    /**
     * The study's comparison of one species: angular features with {@link AngularDefinition#defaults} over the radial
     * neighbour species, frame 0, leave-one-glass-out CV, the study's training settings.
     */
    public static FeatureComparison.Result compare(Path study, String species, TrainSettings settings, Progress progress)
            throws IOException {
        Inputs in = inputs(study, species, nb -> AngularDefinition.defaults(species, nb), 0, DumpReadOptions.defaults(),
                Double.NaN, Progress.range(progress, 0, 0.5, "reading the glasses, "));
        return FeatureComparison.compare(in.data(), in.ids(), in.testGroups(), 0, settings,
                Progress.range(progress, 0.5, 1, ""));
    }

    /** The comparison's protocol as a (setting, value) table: comparison_settings.csv. */
    public static ResultTable settingsTable(TrainSettings settings) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("models", String.join(",", FeatureComparison.RADIAL, FeatureComparison.ANGULAR, FeatureComparison.COMBINED));
        m.put("cv", "leave-one-glass-out over the 4 training glasses of each model");
        m.put("li_training_glasses", names(StudyGlass.liTraining()));
        m.put("b_training_glasses", names(StudyGlass.bTraining()));
        m.put("test_glass", StudyGlass.TEST.name());
        m.put("li_configuration", "glass.dump frame 0");
        m.put("b_configuration", "tension.dump frame 0");
        m.put("angular_neighbours", String.join(",", SoftnessStudy.NEIGHBOURS));
        m.put("angular_cutoff_A", Double.toString(AngularDefinition.DEFAULT_CUTOFF));
        m.put("angular_xi_A", join(AngularDefinition.DEFAULT_XIS));
        m.put("angular_lambda", join(AngularDefinition.DEFAULT_LAMBDAS));
        m.put("angular_zeta", join(AngularDefinition.DEFAULT_ZETAS));
        m.put("lr_C", Double.toString(settings.c()));
        m.put("lr_class_weight", settings.weighting().name().toLowerCase(Locale.ROOT));
        return ResultTable.builder("comparison_settings").strings("setting", m.keySet().toArray(new String[0]))
                .strings("value", m.values().toArray(new String[0])).build();
    }

    private static String names(List<StudyGlass> l) {
        return String.join(",", l.stream().map(StudyGlass::name).toList());
    }

    private static String join(List<? extends Number> l) {
        return String.join(",", l.stream().map(String::valueOf).toList());
    }

    // ---------------------------------------------------------------------------------------- summary and verdict

    /** Summary-key model names: {@code radial}, {@code angular}, {@code combined} (radial+angular). */
    public static String key(String model) {
        return model.equals(FeatureComparison.COMBINED) ? "combined" : model;
    }

    /**
     * The key numbers of a comparison table for summary.csv: the radial and the radial+angular model (the angular-only
     * one stays in the table), keys {@code <species>_cmp_<model>_<what>} with model radial or combined and what = cv_{accuracy,balanced_accuracy,roc_auc}_{mean,std} and
     * test_{accuracy,balanced_accuracy,roc_auc}.
     */
    public static Map<String, Double> summary(String species, ResultTable comparison) {
        Map<String, Double> m = new LinkedHashMap<>();
        String p = check(species).toLowerCase(Locale.ROOT) + "_cmp_";
        for (String model : List.of(FeatureComparison.RADIAL, FeatureComparison.COMBINED)) {
            if (!models(comparison).contains(model)) continue;
            for (String metric : List.of("accuracy", "balanced_accuracy", "roc_auc")) {
                m.put(p + key(model) + "_cv_" + metric + "_mean", value(comparison, model, "cv_mean", metric));
                m.put(p + key(model) + "_cv_" + metric + "_std", value(comparison, model, "cv_std", metric));
            }
            for (String metric : List.of("accuracy", "balanced_accuracy", "roc_auc")) {
                m.put(p + key(model) + "_test_" + metric, value(comparison, model, "test", metric));
            }
        }
        return m;
    }

    /** The models of a comparison table in table order. */
    public static List<String> models(ResultTable comparison) {
        List<String> l = new ArrayList<>();
        for (String s : comparison.column("model").strings()) if (!l.contains(s)) l.add(s);
        return l;
    }

    /** The value of {@code column} in the row (model, set); fails when there is none. */
    public static double value(ResultTable comparison, String model, String set, String column) {
        String[] ms = comparison.column("model").strings(), ss = comparison.column("set").strings();
        for (int i = 0; i < ms.length; i++) {
            if (ms[i].equals(model) && ss[i].equals(set)) return FeatureTables.numeric(comparison, column)[i];
        }
        throw new IllegalArgumentException("comparison table has no row model " + model + ", set " + set);
    }

    /**
     * One sentence on whether the angular features help, from the radial and radial+angular numbers: the change of the
     * test balanced accuracy and of the CV mean, measured against the fold spread (the larger CV standard deviation of
     * the two models). A gain is claimed only when the CV mean rises by more than the spread and the test value rises
     * too; a loss likewise.
     */
    public static String verdict(double radialCv, double radialCvStd, double radialTest, double combinedCv,
                                 double combinedCvStd, double combinedTest) {
        double dTest = combinedTest - radialTest, dCv = combinedCv - radialCv;
        double spread = Math.max(radialCvStd, combinedCvStd);
        String conclusion;
        if (Double.isNaN(dTest) || Double.isNaN(dCv)) conclusion = "undefined (a fold or the test set has one class only)";
        else if (dCv > spread && dTest > 0) conclusion = "evidence of a gain at this scale";
        else if (dCv < -spread && dTest < 0) conclusion = "the angular features make the model worse at this scale";
        else conclusion = "no evidence of a gain at this scale";
        return String.format(Locale.ROOT, "adding the angular features %s the test balanced accuracy%s and %s the CV mean%s,"
                        + " %s the fold spread %.3f: %s", change(dTest), by(dTest), change(dCv), by(dCv),
                Math.abs(dCv) <= spread ? "within" : "beyond", spread, conclusion);
    }

    private static String change(double d) {
        return Double.isNaN(d) ? "leaves undefined" : d > 0 ? "raises" : d < 0 ? "lowers" : "does not change";
    }

    private static String by(double d) {
        return Double.isNaN(d) || d == 0 ? "" : String.format(Locale.ROOT, " by %.3f", Math.abs(d));
    }

    private static String check(String species) {
        if (!SPECIES.contains(species)) throw new IllegalArgumentException("species must be Li or B, got '" + species + "'");
        return species;
    }
}
