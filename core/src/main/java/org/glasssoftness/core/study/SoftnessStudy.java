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

import org.glasssoftness.core.dynamics.BondSwitch;
import org.glasssoftness.core.dynamics.CumulativeNonAffineDisplacement;
import org.glasssoftness.core.dynamics.MobilityLabel;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.io.lammps.LammpsDumpWriter;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.md.protocol.StageParser;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.softness.ClassWeighting;
import org.glasssoftness.core.softness.ClassificationMetrics;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureComparison;
import org.glasssoftness.core.softness.FeatureDefinition;
import org.glasssoftness.core.softness.FeatureTables;
import org.glasssoftness.core.softness.LogisticTrainer;
import org.glasssoftness.core.softness.RadialFeatures;
import org.glasssoftness.core.softness.SoftnessApplier;
import org.glasssoftness.core.softness.SoftnessModel;
import org.glasssoftness.core.softness.SoftnessModelFormat;
import org.glasssoftness.core.softness.SoftnessScan;
import org.glasssoftness.core.softness.SoftnessStatistics;
import org.glasssoftness.core.softness.TrainSettings;
import org.glasssoftness.core.softness.TrainingData;
import org.glasssoftness.core.structure.Composition;
import org.glasssoftness.core.structure.CoordinationAnalysis;
import org.glasssoftness.core.structure.CoordinationResult;
import org.glasssoftness.core.structure.PairDistribution;
import org.glasssoftness.core.structure.QGrid;
import org.glasssoftness.core.structure.RdfResult;
import org.glasssoftness.core.structure.ScatteringLengths;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import org.glasssoftness.core.table.ResultTables;

/**
 * The whole softness study of Du et al. (2023) as one pipeline over the engine's parts: for each of the nine glasses
 * ({@link StudyGlass#all()}) build (seeded random packing) -> FIRE -> melt-quench -> unstrained glass -> NVT 300 K
 * trajectory -> D_cum of Li -> Li labels; tension of the unstrained glass along x -> Bond-Switch Label of B -> B
 * labels; Radial Features of Li (on the glass) and B (on the first tension frame, the unstrained glass, replicated
 * when the scale replicates); RDF/S(Q) and coordination of the glass. Then the Li model is trained on the fixed-B2O3
 * series and the B model on the fixed-Li2O series (x != 0), both tested on Li40B30P30, and both are applied to every
 * glass (Li: the glass; B: every tension frame).
 *
 * <p>Every file is written atomically (temporary file, then rename). A glass folder is complete when its
 * {@value #GLASS_MARKER} exists (written last) together with every file of {@link #GLASS_FILES}; a re-run with the
 * same output folder skips complete glasses (resume; the full protocol takes days). Training and softness always
 * re-run from the glass folders' files. Progress is reported and cancel honoured (at the next MD step or frame).
 *
 * <p>Layout: {@code out/<glass>/...} ({@link #GLASS_FILES}), {@code out/models/{li,b}_model.softness} with
 * {@code {li,b}_metrics.csv} and {@code {li,b}_weights.csv}, {@code out/softness/<glass>_Li.csv|.dump},
 * {@code <glass>_B.csv|.dump}, {@code <glass>_B_vs_strain.csv}, {@code histogram_{Li,B}.csv},
 * {@code p_rearrange_{Li,B}.csv}, {@code out/glasses.csv} (one row per glass), {@code out/summary.csv} (quantity,
 * value: accuracies, modes, slopes) and {@code out/study_settings.csv} (the protocol).
 */
public final class SoftnessStudy {
    /** Written last into a glass folder: one row of per-glass numbers; marks the folder complete. */
    public static final String GLASS_MARKER = "glass.csv";

    /** The files of a complete glass folder besides the marker. */
    public static final List<String> GLASS_FILES = List.of("glass.dump", "nvt300.dump", "tension.dump", "thermo.csv",
            "stress_strain.csv", "counts.csv", "li_labels.csv", "d_cum_curve.csv", "b_labels.csv", "bond_switch.csv",
            "li_features.csv", "b_features.csv", "rdf.csv", "sq.csv", "coordination.csv", "structure_summary.csv");

    /** Neighbour species of the radial features, in feature order (as the Radial Features node's default). */
    public static final List<String> NEIGHBOURS = List.of("Li", "B", "O", "P");

    /** Density (g/cm^3) and minimum separation (Å) of the random packing (the build-glass defaults). */
    public static final double PACKING_DENSITY = 2.4, MIN_SEPARATION = 1.7;

    /** Largest force (eV/Å) at which FIRE stops early. */
    public static final double FIRE_TOLERANCE = 0.05;

    /** Bins of the softness histograms and of P(rearrange | S). */
    public static final int BINS = 30;

    /**
     * The study's settings (start from {@link #of(StudyScale)} and override).
     *
     * @param bondCutoffA B-O bond cutoff (Å) of the bond-switch labels and of the [n]B groups
     * @param c           inverse L2 strength of the logistic regression (scikit-learn's C)
     * @param threads     worker threads, 0 = all processors
     */
    public record Settings(StudyScale scale, int atoms, double cutoffA, double kspaceAccuracy, double dtPs, int fireSteps,
                           String quenchStages, String nvtStages, int nvtDumpEvery, String tensionStages,
                           int tensionDumpEvery, int replicateX, double featureDr, double featureRc,
                           MobilityLabel liLabel, double bondCutoffA, double c, ClassWeighting weighting, long seed,
                           int threads) {
        public Settings {
            if (atoms < 50) throw new IllegalArgumentException("atoms must be >= 50, got " + atoms);
            if (!(cutoffA > 0)) throw new IllegalArgumentException("cutoff must be > 0 Å, got " + cutoffA);
            if (fireSteps < 0) throw new IllegalArgumentException("FIRE steps must be >= 0, got " + fireSteps);
            if (nvtDumpEvery < 1) throw new IllegalArgumentException("NVT dump interval must be >= 1 step, got " + nvtDumpEvery);
            if (tensionDumpEvery < 1) {
                throw new IllegalArgumentException("tension dump interval must be >= 1 step, got " + tensionDumpEvery);
            }
            if (replicateX < 1) throw new IllegalArgumentException("replicate-x must be >= 1, got " + replicateX);
            if (!(featureDr > 0) || !(featureRc > featureDr)) {
                throw new IllegalArgumentException("radial features need 0 < dr < R_c, got dr " + featureDr + ", R_c " + featureRc);
            }
            if (!(bondCutoffA > 0)) throw new IllegalArgumentException("bond cutoff must be > 0 Å, got " + bondCutoffA);
            if (!(c > 0)) throw new IllegalArgumentException("C must be > 0, got " + c);
            if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
            // stage texts fail here, naming the bad stage, rather than after hours of MD
            checkStages("melt-quench", quenchStages, dtPs, false);
            checkStages("NVT", nvtStages, dtPs, false);
            checkStages("tension", tensionStages, dtPs, true);
            new MdSettings(cutoffA, 2.0, "pppm", kspaceAccuracy, dtPs, 100, 0, 1); // checks accuracy and dt
        }

        /** The engine settings of a scale, seed 1, C = 1, no class weighting, all processors. */
        public static Settings of(StudyScale s) {
            return new Settings(s, s.atoms, s.cutoffA, s.kspaceAccuracy, 0.001, s.fireSteps, s.quenchStages, s.nvtStages,
                    s.nvtDumpEvery, s.tensionStages, s.tensionDumpEvery, s.replicateX, s.featureDr, s.featureRc,
                    MobilityLabel.parse(s.liLabel), 2.0, 1.0, ClassWeighting.NONE, 1, 0);
        }

        public Settings withAtoms(int n) { return new Settings(scale, n, cutoffA, kspaceAccuracy, dtPs, fireSteps, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, featureDr, featureRc, liLabel, bondCutoffA, c, weighting, seed, threads); }
        public Settings withMd(double cutoff, double accuracy, double dt, int fire) { return new Settings(scale, atoms, cutoff, accuracy, dt, fire, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, featureDr, featureRc, liLabel, bondCutoffA, c, weighting, seed, threads); }
        public Settings withStages(String quench, String nvt, int nvtEvery, String tension, int tensionEvery, int replicate) { return new Settings(scale, atoms, cutoffA, kspaceAccuracy, dtPs, fireSteps, quench, nvt, nvtEvery, tension, tensionEvery, replicate, featureDr, featureRc, liLabel, bondCutoffA, c, weighting, seed, threads); }
        public Settings withFeatures(double dr, double rc) { return new Settings(scale, atoms, cutoffA, kspaceAccuracy, dtPs, fireSteps, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, dr, rc, liLabel, bondCutoffA, c, weighting, seed, threads); }
        public Settings withLabels(MobilityLabel li, double bondCutoff) { return new Settings(scale, atoms, cutoffA, kspaceAccuracy, dtPs, fireSteps, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, featureDr, featureRc, li, bondCutoff, c, weighting, seed, threads); }
        public Settings withTraining(double cc, ClassWeighting w) { return new Settings(scale, atoms, cutoffA, kspaceAccuracy, dtPs, fireSteps, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, featureDr, featureRc, liLabel, bondCutoffA, cc, w, seed, threads); }
        public Settings withSeed(long s) { return new Settings(scale, atoms, cutoffA, kspaceAccuracy, dtPs, fireSteps, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, featureDr, featureRc, liLabel, bondCutoffA, c, weighting, s, threads); }
        public Settings withThreads(int t) { return new Settings(scale, atoms, cutoffA, kspaceAccuracy, dtPs, fireSteps, quenchStages, nvtStages, nvtDumpEvery, tensionStages, tensionDumpEvery, replicateX, featureDr, featureRc, liLabel, bondCutoffA, c, weighting, seed, t); }

        int workerThreads() { return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()); }

        /** MD steps of one glass (FIRE not counted). */
        public long mdSteps() {
            long n = 0;
            for (String s : List.of(quenchStages, nvtStages, tensionStages)) {
                for (Stage st : StageParser.parse(s, dtPs)) n += st.steps();
            }
            return n;
        }

        /** The protocol as a (setting, value) table: study_settings.csv. */
        public ResultTable table() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("scale", scale.id());
            m.put("atoms_target", Integer.toString(atoms));
            m.put("packing_density_g_cm3", Double.toString(PACKING_DENSITY));
            m.put("force_field", ForceField.dengDuLiBP().name());
            m.put("cutoff_A", Double.toString(cutoffA));
            m.put("kspace", "pppm");
            m.put("kspace_accuracy", Double.toString(kspaceAccuracy));
            m.put("dt_ps", Double.toString(dtPs));
            m.put("fire_steps", Integer.toString(fireSteps));
            m.put("quench_stages", quenchStages);
            m.put("quench_ps", fmt(ps(quenchStages)));
            m.put("quench_rate_K_per_ps", fmt(quenchRate(quenchStages, dtPs)));
            m.put("nvt_stages", nvtStages);
            m.put("nvt_ps", fmt(ps(nvtStages)));
            m.put("nvt_dump_every", Integer.toString(nvtDumpEvery));
            m.put("tension_stages", tensionStages);
            m.put("tension_strain_rate_per_ps", fmt(tensionRate(tensionStages, dtPs)));
            m.put("tension_final_strain", fmt(tensionStrain(tensionStages, dtPs)));
            m.put("tension_dump_every", Integer.toString(tensionDumpEvery));
            m.put("replicate_x", Integer.toString(replicateX));
            m.put("feature_dr_A", Double.toString(featureDr));
            m.put("feature_rc_A", Double.toString(featureRc));
            m.put("feature_neighbours", String.join(",", NEIGHBOURS));
            m.put("li_label", liLabel.toString());
            m.put("b_bond_cutoff_A", Double.toString(bondCutoffA));
            m.put("b_switched_classes", "decreased,swapped");
            m.put("lr_C", Double.toString(c));
            m.put("lr_class_weight", weighting.name().toLowerCase(Locale.ROOT));
            m.put("seed", Long.toString(seed));
            return ResultTable.builder("study_settings").strings("setting", m.keySet().toArray(new String[0]))
                    .strings("value", m.values().toArray(new String[0])).build();
        }

        private double ps(String stages) {
            long n = 0;
            for (Stage st : StageParser.parse(stages, dtPs)) n += st.steps();
            return n * dtPs;
        }
    }

    private static void checkStages(String what, String text, double dtPs, boolean needTension) {
        List<Stage> l;
        try {
            l = StageParser.parse(text, dtPs);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " stages '" + text + "': " + e.getMessage(), e);
        }
        if (l.isEmpty()) throw new IllegalArgumentException(what + " stages are empty");
        if (needTension && l.stream().noneMatch(s -> s.ensemble() == Stage.Ensemble.TENSION)) {
            throw new IllegalArgumentException(what + " stages '" + text + "' have no tension stage");
        }
    }

    /** Cooling rate (K/ps) of the stages whose start and end temperatures differ; NaN when none. */
    static double quenchRate(String stages, double dtPs) {
        double dT = 0, t = 0;
        for (Stage s : StageParser.parse(stages, dtPs)) {
            if (s.tStartK() != s.tStopK()) { dT += s.tStartK() - s.tStopK(); t += s.steps() * dtPs; }
        }
        return t == 0 ? Double.NaN : dT / t;
    }

    static double tensionRate(String stages, double dtPs) {
        for (Stage s : StageParser.parse(stages, dtPs)) if (s.ensemble() == Stage.Ensemble.TENSION) return s.strainRatePerPs();
        return Double.NaN;
    }

    /** Engineering strain at the end of the tension stages (constant engineering strain rate). */
    static double tensionStrain(String stages, double dtPs) {
        double e = 0;
        for (Stage s : StageParser.parse(stages, dtPs)) {
            if (s.ensemble() == Stage.Ensemble.TENSION) e += s.strainRatePerPs() * s.steps() * dtPs;
        }
        return e;
    }

    /** Six significant digits without trailing zeros (0.6, 9000, 0.15). */
    static String fmt(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** One glass done (or found complete): the glass, whether it was skipped, and a one-line summary. */
    public record GlassReport(StudyGlass glass, boolean resumed, String line) { }

    /** Receives a report as each glass finishes. */
    @FunctionalInterface
    public interface Listener {
        void glassDone(GlassReport report);
    }

    /**
     * The study's outcome: per-glass reports, model metrics (train and test), the summary table and the radial vs
     * radial+angular comparison per species ("Li", "B"; {@link StudyFeatureComparison}).
     */
    public record Result(List<GlassReport> glasses, ClassificationMetrics liTrain, ClassificationMetrics liTest,
                         ClassificationMetrics bTrain, ClassificationMetrics bTest, ResultTable summary,
                         Map<String, FeatureComparison.Result> comparisons) { }

    private final Settings settings;

    public SoftnessStudy(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() { return settings; }

    /** Runs the study into {@code out} (created if missing); complete glass folders there are kept (resume). */
    public Result run(Path out, Progress progress, Listener listener) throws IOException {
        Files.createDirectories(out);
        checkSameStudy(out);
        CsvTableWriter.write(out.resolve("study_settings.csv"), settings.table());
        List<StudyGlass> glasses = StudyGlass.all();
        List<GlassReport> reports = new ArrayList<>();
        double mdShare = 0.9;
        for (int i = 0; i < glasses.size(); i++) {
            progress.checkCanceled();
            StudyGlass g = glasses.get(i);
            Path dir = out.resolve(g.name());
            GlassReport r;
            if (isComplete(dir)) {
                r = new GlassReport(g, true, g.name() + ": complete in " + dir + ", skipped (" + describe(CsvTables.read(dir.resolve(GLASS_MARKER))) + ")");
            } else {
                Progress sub = Progress.range(progress, mdShare * i / glasses.size(), mdShare * (i + 1) / glasses.size(), g.name() + ": ");
                r = new GlassReport(g, false, g.name() + ": " + describe(runGlass(g, i, dir, sub)));
            }
            reports.add(r);
            if (listener != null) listener.glassDone(r);
        }
        progress.report(mdShare, "training the Li and B models");
        return finish(out, reports, Progress.range(progress, mdShare, 1.0, ""));
    }

    /**
     * A folder that already holds a study must hold this one (same protocol and seed), or resuming would mix glasses
     * made with other settings: fails naming the first differing setting.
     */
    private void checkSameStudy(Path out) throws IOException {
        Path f = out.resolve("study_settings.csv");
        if (!Files.isRegularFile(f)) return;
        ResultTable old = CsvTables.read(f), now = settings.table();
        Map<String, String> was = new LinkedHashMap<>();
        for (int i = 0; i < old.rowCount(); i++) was.put(old.column("setting").text(i), old.column("value").text(i));
        for (int i = 0; i < now.rowCount(); i++) {
            String k = now.column("setting").text(i), v = now.column("value").text(i);
            if (!v.equals(was.get(k))) {
                throw new IllegalArgumentException(out + " holds a study with other settings (" + k + " = " + was.get(k)
                        + ", now " + v + "); use another --out or delete the folder");
            }
        }
    }

    /** True when the glass folder holds the marker and every file of {@link #GLASS_FILES}. */
    public static boolean isComplete(Path dir) {
        if (!Files.isRegularFile(dir.resolve(GLASS_MARKER))) return false;
        for (String f : GLASS_FILES) if (!Files.isRegularFile(dir.resolve(f))) return false;
        return true;
    }

    // ---------------------------------------------------------------------------------------------- one glass

    private ResultTable runGlass(StudyGlass g, int index, Path dir, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        // a stale marker of an incomplete folder must not survive a crash of this run
        Files.deleteIfExists(dir.resolve(GLASS_MARKER));
        int threads = settings.workerThreads();
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Integer> counts = GlassBuilder.atomCounts(g.composition(), settings.atoms(), ff);
        long seed = glassSeed(settings.seed(), index);
        Frame packed = GlassBuilder.randomPacking(counts, PACKING_DENSITY, MIN_SEPARATION, seed);
        MdState s = MdState.fromFrame(packed, ff);
        PairCoefficients[][] coeffs = ff.resolve(s.speciesNames, ff.oxideMolesFromCounts(counts),
                BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        MdSettings md = new MdSettings(settings.cutoffA(), 2.0, "pppm", settings.kspaceAccuracy(), settings.dtPs(), 100, 0, threads);
        List<Stage> quench = StageParser.parse(settings.quenchStages(), settings.dtPs());
        List<Stage> nvt = StageParser.parse(settings.nvtStages(), settings.dtPs());
        List<Stage> tension = StageParser.parse(settings.tensionStages(), settings.dtPs());
        double total = Math.max(1, settings.mdSteps());
        double q1 = steps(quench) / total, n1 = q1 + steps(nvt) / total;
        List<ResultTable> thermo = new ArrayList<>();

        // build -> FIRE -> melt-quench: the unstrained glass is the last configuration
        Frame glass;
        try (MdSimulation sim = new MdSimulation(s, coeffs, md)) {
            if (settings.fireSteps() > 0) sim.minimize(settings.fireSteps(), FIRE_TOLERANCE, Progress.range(progress, 0, 0, "FIRE "));
            VelocityInit.create(s, quench.get(0).tStartK(), seed);
            sim.run(quench, Progress.range(progress, 0, q1, "melt-quench "));
            thermo.add(sim.thermoTable());
            glass = sim.frame();
        }
        LammpsDumpWriter.write(dir.resolve("glass.dump"), Trajectory.of(List.of(glass)), Progress.NONE);
        String[] el = counts.keySet().toArray(new String[0]);
        int[] n = counts.values().stream().mapToInt(Integer::intValue).toArray();
        CsvTableWriter.write(dir.resolve("counts.csv"), ResultTable.builder("counts").strings("element", el).ints("count", n).build());

        // NVT 300 K -> D_cum of Li -> Li labels
        List<Frame> nvtFrames;
        try (MdSimulation sim = new MdSimulation(s, coeffs, md.withDumpEvery(settings.nvtDumpEvery()))) {
            sim.run(nvt, Progress.range(progress, q1, n1, "NVT "));
            thermo.add(sim.thermoTable());
            nvtFrames = new ArrayList<>(sim.frames());
        }
        Trajectory nvtTraj = Trajectory.of(nvtFrames);
        LammpsDumpWriter.write(dir.resolve("nvt300.dump"), nvtTraj, Progress.NONE);
        CumulativeNonAffineDisplacement.Result dcum = new CumulativeNonAffineDisplacement(
                CumulativeNonAffineDisplacement.Settings.defaults().withLabel(settings.liLabel()).withThreads(threads))
                .compute(nvtTraj, Progress.range(progress, n1, n1, "D_cum "));
        nvtFrames = null;
        CsvTableWriter.write(dir.resolve("li_labels.csv"), ResultTables.renamed(dcum.table(), "li_labels"));
        CsvTableWriter.write(dir.resolve("d_cum_curve.csv"), dcum.curveTable());

        // tension of the unstrained glass along x -> bond switching of B -> B labels
        MdState ts = MdState.fromFrame(glass, ff);
        if (settings.replicateX() > 1) ts = ts.replicateX(settings.replicateX());
        List<Frame> tensionFrames;
        ResultTable stressStrain;
        // stress-strain rows (thermo rows of the tension stage) at least as often as frames
        MdSettings tmd = md.withDumpEvery(settings.tensionDumpEvery()).withThermoEvery(Math.min(100, settings.tensionDumpEvery()));
        try (MdSimulation sim = new MdSimulation(ts, coeffs, tmd)) {
            sim.run(tension, Progress.range(progress, n1, 1, "tension "));
            thermo.add(sim.thermoTable());
            tensionFrames = new ArrayList<>(sim.frames());
            stressStrain = sim.stressStrainTable();
        }
        progress.checkCanceled();
        Trajectory tensionTraj = Trajectory.of(tensionFrames);
        LammpsDumpWriter.write(dir.resolve("tension.dump"), tensionTraj, Progress.NONE);
        CsvTableWriter.write(dir.resolve("stress_strain.csv"), stressStrain);
        CsvTableWriter.write(dir.resolve("thermo.csv"), CsvTables.concat("thermo", thermo));
        BondSwitch.Result bs = new BondSwitch(BondSwitch.Settings.defaults().withCutoff(settings.bondCutoffA())
                .withStrainAxis(0).withThreads(threads)).compute(tensionTraj, Progress.range(progress, 1, 1, "bond switching "));
        CsvTableWriter.write(dir.resolve("b_labels.csv"), ResultTables.renamed(bs.atomTable(), "b_labels"));
        CsvTableWriter.write(dir.resolve("bond_switch.csv"), ResultTables.renamed(bs.fractionTable(), "bond_switch"));

        // radial features on the unstrained glass: Li on the glass, B on the first tension frame (same glass,
        // replicated when the scale replicates, so its atom ids are those of the B labels)
        Frame tension0 = tensionFrames.get(0);
        CsvTableWriter.write(dir.resolve("li_features.csv"), features("Li", glass, g));
        CsvTableWriter.write(dir.resolve("b_features.csv"), features("B", tension0, g));

        // structure of the glass
        Trajectory glassTraj = Trajectory.of(List.of(glass));
        double half = 0.5 * Math.min(glass.box().lx(), Math.min(glass.box().ly(), glass.box().lz()));
        double rMax = Math.min(10.0, Math.floor(half * 10) / 10);
        RdfResult rdf = new PairDistribution(rMax, 0.02, false, threads).compute(glassTraj, FrameSelection.all(), Progress.range(progress, 1, 1, "RDF "));
        ScatteringLengths sl = ScatteringLengths.neutronDefaults();
        CsvTableWriter.write(dir.resolve("rdf.csv"), rdf.rdfTable(sl));
        CsvTableWriter.write(dir.resolve("sq.csv"), rdf.structureFactors(new QGrid(0.5, 20.0, 0.02), true, sl).table());
        CoordinationResult coord = new CoordinationAnalysis(CoordinationAnalysis.Settings.defaults()
                .withComposition(Composition.parse(g.compositionText())).withPerAtom(false).withThreads(threads))
                .compute(glassTraj, FrameSelection.all(), Progress.range(progress, 1, 1, "coordination "));
        CsvTableWriter.write(dir.resolve("coordination.csv"), ResultTables.renamed(coord.table("coordination_states"), "coordination"));
        CsvTableWriter.write(dir.resolve("structure_summary.csv"), coord.table("structure_summary"));

        // the per-glass numbers, written last: the folder is complete
        int nLi = count(glass, "Li"), nB = count(glass, "B");
        double[] strain = stressStrain.column("strain").doubles(), sxx = stressStrain.column("sigma_xx_GPa").doubles();
        double maxStress = Arrays.stream(sxx).max().orElse(Double.NaN);
        double meanDcum = Arrays.stream(dcum.dcum()).average().orElse(Double.NaN);
        double[] dens = thermo.get(0).column("density_g_cm3").doubles();
        ResultTable row = ResultTable.builder("glass").strings("glass", new String[] {g.name()})
                .strings("series", new String[] {g.series()})
                .ints("Li2O_mol_pct", new int[] {g.li2o()}).ints("B2O3_mol_pct", new int[] {g.b2o3()})
                .ints("P2O5_mol_pct", new int[] {g.p2o5()})
                .ints("atoms", new int[] {glass.atomCount()}).ints("n_Li", new int[] {nLi}).ints("n_B", new int[] {nB})
                .ints("n_P", new int[] {count(glass, "P")}).ints("n_O", new int[] {count(glass, "O")})
                .longs("seed", new long[] {seed})
                .doubles("density_g_cm3", new double[] {dens[dens.length - 1]})
                .doubles("fraction_B4", new double[] {coord.summaryValue("fraction_[4]B")})
                .doubles("mean_D_cum_A", new double[] {meanDcum})
                .ints("li_mobile", new int[] {dcum.mobileCount()})
                .doubles("li_mobile_fraction", new double[] {dcum.mobileCount() / (double) Math.max(1, dcum.ids().length)})
                .ints("b_switched", new int[] {bs.switchedCount()})
                .doubles("b_switched_fraction", new double[] {bs.switchedCount() / (double) Math.max(1, bs.ids().length)})
                .doubles("final_strain", new double[] {strain[strain.length - 1]})
                .doubles("max_stress_GPa", new double[] {maxStress})
                .doubles("md_seconds", new double[] {(System.nanoTime() - t0) / 1e9}).build();
        CsvTableWriter.write(dir.resolve(GLASS_MARKER), row);
        return row;
    }

    /** Seed of glass {@code index}: distinct per glass, fixed by the study seed. */
    static long glassSeed(long seed, int index) { return seed * 1_000_003L + 7919L * (index + 1); }

    private ResultTable features(String focus, Frame f, StudyGlass g) {
        FeatureDefinition def = new FeatureDefinition(focus, NEIGHBOURS, settings.featureDr(), settings.featureRc(), settings.featureDr());
        ResultTable t = new RadialFeatures(def).compute(f, 0).toTable(focus.toLowerCase(Locale.ROOT) + "_features");
        return ResultTables.withLeadingColumn(t, "sample", g.name());
    }

    private static int count(Frame f, String species) {
        int s = f.speciesIndex(species);
        return s < 0 ? 0 : f.speciesCounts()[s];
    }

    private static long steps(List<Stage> l) {
        long n = 0;
        for (Stage s : l) n += s.steps();
        return n;
    }

    /** One-line description of a glass row. */
    static String describe(ResultTable row) {
        return String.format(Locale.ROOT, "%d atoms (Li %d, B %d, P %d, O %d), %.3f g/cm^3, [4]B %.3f, %d Li mobile"
                        + " (%.3f, mean D_cum %.3g Å), %d B switched (%.3f) at strain %.3f, max stress %.3g GPa, %.1f s",
                cellInt(row, "atoms"), cellInt(row, "n_Li"), cellInt(row, "n_B"), cellInt(row, "n_P"), cellInt(row, "n_O"),
                cell(row, "density_g_cm3"), cell(row, "fraction_B4"), cellInt(row, "li_mobile"),
                cell(row, "li_mobile_fraction"), cell(row, "mean_D_cum_A"), cellInt(row, "b_switched"),
                cell(row, "b_switched_fraction"), cell(row, "final_strain"), cell(row, "max_stress_GPa"),
                cell(row, "md_seconds"));
    }

    private static double cell(ResultTable t, String col) { return FeatureTables.numeric(t, col)[0]; }

    private static int cellInt(ResultTable t, String col) { return (int) Math.round(cell(t, col)); }

    // ------------------------------------------------------------------------------------ models and softness

    private Result finish(Path out, List<GlassReport> reports, Progress progress) throws IOException {
        Path models = out.resolve("models"), soft = out.resolve("softness");
        Files.createDirectories(models);
        Files.createDirectories(soft);
        TrainSettings ts = new TrainSettings(settings.c(), settings.weighting(), settings.seed(), 1e-10, 100);
        LogisticTrainer.Result li = train(out, models, "li", "mobile", StudyGlass.liTraining(), ts, List.of("immobile", "mobile"));
        progress.report(0.2, "Li model trained");
        LogisticTrainer.Result b = train(out, models, "b", "switched", StudyGlass.bTraining(), ts, List.of("unswitched", "switched"));
        progress.report(0.4, "B model trained");

        List<StudyGlass> glasses = StudyGlass.all();
        List<double[]> liS = new ArrayList<>(), bS = new ArrayList<>();
        List<int[]> liY = new ArrayList<>(), bY = new ArrayList<>();
        List<String[]> liG = new ArrayList<>(), bG = new ArrayList<>();
        List<ResultTable> rows = new ArrayList<>();
        for (int i = 0; i < glasses.size(); i++) {
            progress.checkCanceled();
            StudyGlass g = glasses.get(i);
            Path dir = out.resolve(g.name());
            Progress p = Progress.range(progress, 0.4 + 0.5 * i / glasses.size(), 0.4 + 0.5 * (i + 1) / glasses.size(), g.name() + " softness: ");
            // Li: the glass (the configuration the Li features describe)
            SoftnessApplier.TrajectoryResult rl = apply(li.model(), dir.resolve("glass.dump"), soft.resolve(g.name() + "_Li.dump"), null, p);
            CsvTableWriter.write(soft.resolve(g.name() + "_Li.csv"), ResultTables.renamed(rl.perAtom(), g.name() + "_Li"));
            double[] sl = rl.scores().softness();
            liS.add(sl);
            liY.add(FeatureTables.labelsFor(rl.perAtom(), CsvTables.read(dir.resolve("li_labels.csv")), List.of(), "mobile", Double.NaN));
            String[] gl = new String[sl.length];
            Arrays.fill(gl, g.name());
            liG.add(gl);
            double meanLi = mean(sl);
            // B: every tension frame, grouped by B coordination (B[3], B[4]); frame 0 is the unstrained glass
            SoftnessApplier.TrajectoryResult rb = apply(b.model(), dir.resolve("tension.dump"), soft.resolve(g.name() + "_B.dump"), "O", p);
            CsvTableWriter.write(soft.resolve(g.name() + "_B.csv"),
                    ResultTables.withColumn(ResultTables.renamed(rb.perAtom(), g.name() + "_B"), "group", rb.group()));
            CsvTableWriter.write(soft.resolve(g.name() + "_B_vs_strain.csv"), rb.vsStrain());
            int[] frame = rb.perAtom().column("frame").ints();
            int n0 = 0;
            for (int f : frame) if (f == 0) n0++;
            double[] s0 = new double[n0];
            String[] g0 = new String[n0];
            long[] id0 = new long[n0];
            long[] ids = rb.perAtom().column("id").longs();
            for (int r = 0, k = 0; r < frame.length; r++) {
                if (frame[r] == 0) { s0[k] = rb.scores().softness()[r]; g0[k] = rb.group()[r]; id0[k] = ids[r]; k++; }
            }
            bS.add(s0);
            bG.add(g0);
            bY.add(FeatureTables.labelsFor(ResultTable.builder("b_frame0").longs("id", id0).build(),
                    CsvTables.read(dir.resolve("b_labels.csv")), List.of(), "switched", Double.NaN));
            double meanB = mean(s0);
            rows.add(join(CsvTables.read(dir.resolve(GLASS_MARKER)), ResultTable.builder("g")
                    .strings("glass", new String[] {g.name()}).strings("role", new String[] {role(g)})
                    .doubles("mean_softness_Li", new double[] {meanLi}).doubles("mean_softness_B", new double[] {meanB})
                    .build()));
        }
        double[] allLi = flat(liS), allB = flat(bS);
        // histograms and P(R | S) over the central 99 % of the values: in small, briefly quenched glasses a few atoms
        // sit in environments absent from the training glasses (e.g. a Li 1.8 Å from a B) and get |S| ~ 1e3, which
        // would squeeze every other value into one bin; how many were left out goes into the summary
        int[] outside = new int[2];
        int k = 0;
        for (Object[] e : new Object[][] {{"Li", allLi, flatS(liG), flatI(liY)}, {"B", allB, flatS(bG), flatI(bY)}}) {
            double[] v = (double[]) e[1];
            double[] range = StudyStatistics.centralRange(v);
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < v.length; i++) if (v[i] >= range[0] && v[i] <= range[1]) keep.add(i);
            outside[k++] = v.length - keep.size();
            double[] kv = keep.stream().mapToDouble(i -> v[i]).toArray();
            String[] kg = keep.stream().map(i -> ((String[]) e[2])[i]).toArray(String[]::new);
            int[] ky = keep.stream().mapToInt(i -> ((int[]) e[3])[i]).toArray();
            CsvTableWriter.write(soft.resolve("histogram_" + e[0] + ".csv"),
                    ResultTables.renamed(SoftnessStatistics.histogram(kv, kg, BINS), "histogram_" + e[0]));
            CsvTableWriter.write(soft.resolve("p_rearrange_" + e[0] + ".csv"),
                    ResultTables.renamed(SoftnessStatistics.rearrangementProbability(kv, ky, BINS), "p_rearrange_" + e[0]));
        }
        ResultTable glassTable = CsvTables.concat("glasses", rows);
        CsvTableWriter.write(out.resolve("glasses.csv"), glassTable);

        Map<String, FeatureComparison.Result> comparisons = compareFeatures(out, ts, Progress.range(progress, 0.9, 1.0, ""));
        ResultTable summary = summary(li, b, allB, flatS(bG), glassTable, outside, comparisons);
        CsvTableWriter.write(out.resolve("summary.csv"), summary);
        progress.report(1, "done");
        return new Result(reports, li.train(), li.test(), b.train(), b.test(), summary, comparisons);
    }

    /**
     * Beyond the study: radial vs angular vs radial+angular models of Li and B on the same glasses as the study's models
     * (leave-one-glass-out CV over the four training glasses, test on Li40B30P30), written to
     * {@code out/comparison/{li,b}_comparison.csv}, {@code {li,b}_test_scores.csv} and {@code comparison_settings.csv}.
     */
    private static Map<String, FeatureComparison.Result> compareFeatures(Path out, TrainSettings ts, Progress progress)
            throws IOException {
        Path dir = out.resolve(StudyFeatureComparison.FOLDER);
        Files.createDirectories(dir);
        Map<String, FeatureComparison.Result> m = new LinkedHashMap<>();
        List<String> species = StudyFeatureComparison.SPECIES;
        for (int i = 0; i < species.size(); i++) {
            String sp = species.get(i), k = sp.toLowerCase(Locale.ROOT);
            Progress p = Progress.range(progress, (double) i / species.size(), (double) (i + 1) / species.size(), sp + " angular vs radial: ");
            FeatureComparison.Result r = StudyFeatureComparison.compare(out, sp, ts, p);
            CsvTableWriter.write(dir.resolve(k + "_comparison.csv"), ResultTables.renamed(r.table(), k + "_comparison"));
            CsvTableWriter.write(dir.resolve(k + "_test_scores.csv"), ResultTables.renamed(r.testScores(), k + "_test_scores"));
            m.put(sp, r);
        }
        CsvTableWriter.write(dir.resolve("comparison_settings.csv"), StudyFeatureComparison.settingsTable(ts));
        return m;
    }

    private LogisticTrainer.Result train(Path out, Path models, String kind, String labelColumn, List<StudyGlass> trainGlasses,
                                         TrainSettings ts, List<String> classLabels) throws IOException {
        List<ResultTable> f = new ArrayList<>(), l = new ArrayList<>();
        for (StudyGlass g : trainGlasses) {
            f.add(CsvTables.read(out.resolve(g.name()).resolve(kind + "_features.csv")));
            l.add(ResultTables.withLeadingColumn(CsvTables.read(out.resolve(g.name()).resolve(kind + "_labels.csv")), "sample", g.name()));
        }
        ResultTable testF = CsvTables.read(out.resolve(StudyGlass.TEST.name()).resolve(kind + "_features.csv"));
        ResultTable testL = ResultTables.withLeadingColumn(CsvTables.read(out.resolve(StudyGlass.TEST.name()).resolve(kind + "_labels.csv")),
                "sample", StudyGlass.TEST.name());
        ResultTable feats = CsvTables.concat(kind + "_features", f);
        FeatureDefinition def = FeatureTables.definitionOf(feats, settings.featureDr());
        TrainingData[] split = SoftnessScan.split(feats, CsvTables.concat(kind + "_labels", l), testF, testL, def,
                List.of("sample"), labelColumn, Double.NaN, null, null);
        LogisticTrainer.Result r = new LogisticTrainer(ts).train(split[0], split[1], classLabels, Progress.NONE);
        SoftnessModelFormat.save(models.resolve(kind + "_model.softness"), r.model());
        CsvTableWriter.write(models.resolve(kind + "_metrics.csv"), r.metricsTable());
        CsvTableWriter.write(models.resolve(kind + "_weights.csv"), r.weightsTable());
        return r;
    }

    private SoftnessApplier.TrajectoryResult apply(SoftnessModel model, Path dump, Path dumpOut, String cnSpecies,
                                                   Progress p) throws IOException {
        LammpsDumpWriter.Streaming annotated = LammpsDumpWriter.Streaming.open(dumpOut);
        try {
            SoftnessApplier.TrajectoryResult r;
            try (Trajectory t = LammpsDumpReader.open(dump, DumpReadOptions.defaults(), Progress.NONE)) {
                r = new SoftnessApplier(model, false).applyTrajectory(t, FrameSelection.all(), 0, annotated, cnSpecies,
                        settings.bondCutoffA(), p);
            }
            annotated.close();
            return r;
        } catch (IOException | RuntimeException | Error e) {
            annotated.abort();
            throw e;
        }
    }

    static String role(StudyGlass g) {
        if (g.equals(StudyGlass.TEST)) return "test";
        return StudyGlass.liTraining().contains(g) ? "train_Li" : "train_B";
    }

    /** The summary: quantity, value. */
    private static ResultTable summary(LogisticTrainer.Result li, LogisticTrainer.Result b, double[] bSoftness,
                                       String[] bGroup, ResultTable glasses, int[] outsideHistogram,
                                       Map<String, FeatureComparison.Result> comparisons) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Object[] e : new Object[][] {{"li", li}, {"b", b}}) {
            LogisticTrainer.Result r = (LogisticTrainer.Result) e[1];
            String k = (String) e[0];
            m.put(k + "_train_rows", (double) r.train().rows());
            m.put(k + "_train_accuracy", r.train().accuracy());
            m.put(k + "_train_balanced_accuracy", r.train().balancedAccuracy());
            m.put(k + "_test_rows", (double) r.test().rows());
            m.put(k + "_test_positive_rows", (double) (r.test().truePositives() + r.test().falseNegatives()));
            m.put(k + "_test_accuracy", r.test().accuracy());
            m.put(k + "_test_balanced_accuracy", r.test().balancedAccuracy());
            m.put(k + "_test_roc_auc", r.test().rocAuc());
        }
        double[] modes = StudyStatistics.modes(bSoftness);
        m.put("b_softness_modes", (double) modes.length);
        m.put("b_softness_mode_low", modes[0]);
        m.put("b_softness_mode_high", modes[modes.length - 1]);
        m.put("li_softness_outside_histogram", (double) outsideHistogram[0]);
        m.put("b_softness_outside_histogram", (double) outsideHistogram[1]);
        m.put("b_softness_max_abs", Arrays.stream(bSoftness).map(Math::abs).max().orElse(Double.NaN));
        m.put("b3_mean_softness", mean(group(bSoftness, bGroup, "B[3]")));
        m.put("b4_mean_softness", mean(group(bSoftness, bGroup, "B[4]")));
        m.put("b3_median_softness", StudyStatistics.median(group(bSoftness, bGroup, "B[3]")));
        m.put("b4_median_softness", StudyStatistics.median(group(bSoftness, bGroup, "B[4]")));
        // trends along the series: <S> of Li vs B2O3 on fixedLi, bond switching vs Li2O on fixedB
        String[] names = glasses.column("glass").strings();
        double[] b2o3 = FeatureTables.numeric(glasses, "B2O3_mol_pct"), li2o = FeatureTables.numeric(glasses, "Li2O_mol_pct");
        double[] sLi = FeatureTables.numeric(glasses, "mean_softness_Li"), sw = FeatureTables.numeric(glasses, "b_switched_fraction");
        List<Double> xa = new ArrayList<>(), ya = new ArrayList<>(), xb = new ArrayList<>(), yb = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            StudyGlass g = StudyGlass.byName(names[i]);
            if (g.inFixedLi()) { xa.add(b2o3[i]); ya.add(sLi[i]); }
            if (g.inFixedB()) { xb.add(li2o[i]); yb.add(sw[i]); }
        }
        m.put("li_mean_softness_slope_per_B2O3_mol_pct", StudyStatistics.slope(arr(xa), arr(ya)));
        m.put("b_switched_fraction_slope_per_Li2O_mol_pct", StudyStatistics.slope(arr(xb), arr(yb)));
        for (var e : comparisons.entrySet()) m.putAll(StudyFeatureComparison.summary(e.getKey(), e.getValue().table()));
        double[] v = new double[m.size()];
        int k = 0;
        for (double d : m.values()) v[k++] = d;
        return ResultTable.builder("summary").strings("quantity", m.keySet().toArray(new String[0])).doubles("value", v).build();
    }

    private static double[] group(double[] s, String[] g, String group) {
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < s.length; i++) if (g[i].equals(group)) l.add(s[i]);
        return arr(l);
    }

    /** Arithmetic mean, NaN for no values. */
    private static double mean(double[] v) { return Arrays.stream(v).average().orElse(Double.NaN); }

    /** The columns of a, then those of b except its glass column (both one row). */
    private static ResultTable join(ResultTable a, ResultTable b) {
        ResultTable t = a;
        for (ResultTable.Column c : b.columns()) {
            if (c.name().equals("glass")) continue;
            t = ResultTables.withColumn(t, c);
        }
        return t;
    }

    private static double[] arr(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).toArray(); }

    private static double[] flat(List<double[]> l) {
        return l.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static int[] flatI(List<int[]> l) {
        return l.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static String[] flatS(List<String[]> l) {
        return l.stream().flatMap(Arrays::stream).toArray(String[]::new);
    }
}
