package org.glasssoftness.cli.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.glasssoftness.cli.StderrProgress;
import org.glasssoftness.cli.ThreadsOption;
import org.glasssoftness.core.dynamics.MobilityLabel;
import org.glasssoftness.core.softness.ClassWeighting;
import org.glasssoftness.core.softness.ClassificationMetrics;
import org.glasssoftness.core.softness.FeatureComparison;
import org.glasssoftness.core.study.SoftnessStudy;
import org.glasssoftness.core.study.StudyFeatureComparison;
import org.glasssoftness.core.study.StudyScale;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole softness study from the command line: nine glasses built, quenched, run at 300 K and pulled, labels,
 * features, the Li and B models, softness of every glass, RDF/S(Q), coordination and the figures, into one folder.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Runs the softness study of Du et al. (2023) end to end on the nine glasses of the two composition"
                + " series (fixed B2O3, fixed Li2O): MD, D_cum and bond-switch labels, radial features, the Li and B"
                + " logistic-regression models (trained on x = -10, -5, 5, 10, tested on Li40B30P30), softness, RDF/S(Q),"
                + " coordination, figures and, beyond the study, radial vs radial+angular models by leave-one-glass-out CV"
                + " (DIR/comparison/); a re-run with the same --out skips complete glasses.")
public final class StudyCommand implements Callable<Integer> {
    @Option(names = "--scale", defaultValue = "small",
            description = "tiny (CI, ~2 min), small (default, minutes) or full (the paper: ~10,000 atoms, 1 K/ps, 1 ns; days)")
    String scale;

    @Option(names = "--out", defaultValue = "study-out", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the glass packings and velocities (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--atoms", description = "target atom count per glass (default: the scale's)")
    Integer atoms;

    @Option(names = "--cutoff", description = "real-space cutoff in Å (default: the scale's)")
    Double cutoff;

    @Option(names = "--accuracy", description = "PPPM relative accuracy (default: the scale's)")
    Double accuracy;

    @Option(names = "--dt", defaultValue = "0.001", description = "time step in ps (default ${DEFAULT-VALUE})")
    double dt;

    @Option(names = "--fire-steps", description = "FIRE steps after packing (default: the scale's)")
    Integer fireSteps;

    @Option(names = "--quench-stages", description = "melt-quench stages, md --stages grammar or 'melt-quench' (default: the scale's)")
    String quenchStages;

    @Option(names = "--nvt-stages", description = "300 K NVT stages of the Li trajectory (default: the scale's)")
    String nvtStages;

    @Option(names = "--nvt-dump-every", description = "frame interval of the NVT trajectory in steps (default: the scale's)")
    Integer nvtDumpEvery;

    @Option(names = "--tension-stages", description = "tensile stages along x, or 'tensile' (default: the scale's)")
    String tensionStages;

    @Option(names = "--tension-dump-every", description = "frame interval of the tension trajectory in steps (default: the scale's)")
    Integer tensionDumpEvery;

    @Option(names = "--replicate-x", description = "copies of the glass along x before tension (default: the scale's)")
    Integer replicateX;

    @Option(names = "--dr", description = "radial feature spacing dr in Å (default: the scale's)")
    Double dr;

    @Option(names = "--rc", description = "radial feature cutoff R_c in Å (default: the scale's)")
    Double rc;

    @Option(names = "--label", description = "Li mobile rule: top:FRACTION or threshold:D_C in Å (default: the scale's, top:0.3 or threshold:360)")
    String label;

    @Option(names = "--bond-cutoff", defaultValue = "2.0", description = "B-O bond cutoff in Å for bond switching and [n]B (default ${DEFAULT-VALUE})")
    double bondCutoff;

    @Option(names = {"--C", "--c"}, defaultValue = "1.0", description = "inverse L2 strength of the logistic regression (default ${DEFAULT-VALUE})")
    double c;

    @Option(names = "--class-weight", defaultValue = "none", description = "none or balanced (default ${DEFAULT-VALUE})")
    String classWeight;

    @Option(names = "--no-figures", description = "skip the PNG figures")
    boolean noFigures;

    @Override
    public Integer call() throws Exception {
        SoftnessStudy.Settings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            System.err.println("study: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "study: scale %s, %d atoms per glass, %d MD steps per glass, 9 glasses -> %s%n",
                s.scale().id(), s.atoms(), s.mdSteps(), out);
        SoftnessStudy.Result r = new SoftnessStudy(s).run(out, StderrProgress.every(20), g -> System.out.println("study: " + g.line()));
        if (!noFigures) {
            int n = StudyFigures.writeAll(out, out.resolve("figures"));
            System.out.println("study: " + n + " figures -> " + out.resolve("figures"));
        }
        System.out.println("study: angular features (Schoenholz et al. 2016), leave-one-glass-out CV over the training glasses"
                + " and test on Li40B30P30 -> " + out.resolve(StudyFeatureComparison.FOLDER) + ": " + comparison(r));
        System.out.printf(Locale.ROOT, "study: Li model (trained on fixedB x != 0): %s; B model (trained on fixedLi x != 0): %s;"
                        + " %.0f s -> %s%n", metrics(r.liTrain(), r.liTest()), metrics(r.bTrain(), r.bTest()),
                (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }

    /** Per species: balanced accuracy (CV mean ± std, test) of the radial and radial+angular models. */
    private static String comparison(SoftnessStudy.Result r) {
        StringBuilder b = new StringBuilder();
        for (var e : r.comparisons().entrySet()) {
            ResultTable t = e.getValue().table();
            if (b.length() > 0) b.append("; ");
            b.append(e.getKey()).append(':');
            for (String m : List.of(FeatureComparison.RADIAL, FeatureComparison.COMBINED)) {
                b.append(String.format(Locale.ROOT, " %s balanced accuracy CV %.3f±%.3f test %.3f,", m,
                        StudyFeatureComparison.value(t, m, "cv_mean", "balanced_accuracy"),
                        StudyFeatureComparison.value(t, m, "cv_std", "balanced_accuracy"),
                        StudyFeatureComparison.value(t, m, "test", "balanced_accuracy")));
            }
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private static String metrics(ClassificationMetrics train, ClassificationMetrics test) {
        return String.format(Locale.ROOT, "test accuracy %.4f, balanced accuracy %.4f (%d Li40B30P30 atoms; train accuracy %.4f)",
                test.accuracy(), test.balancedAccuracy(), test.rows(), train.accuracy());
    }

    SoftnessStudy.Settings settings() {
        StudyScale sc = StudyScale.parse(scale);
        SoftnessStudy.Settings d = SoftnessStudy.Settings.of(sc);
        ClassWeighting w = ClassWeighting.parse(classWeight, "--class-weight");
        return new SoftnessStudy.Settings(sc, or(atoms, d.atoms()), or(cutoff, d.cutoffA()), or(accuracy, d.kspaceAccuracy()),
                dt, or(fireSteps, d.fireSteps()), or(quenchStages, d.quenchStages()), or(nvtStages, d.nvtStages()),
                or(nvtDumpEvery, d.nvtDumpEvery()), or(tensionStages, d.tensionStages()),
                or(tensionDumpEvery, d.tensionDumpEvery()), or(replicateX, d.replicateX()), or(dr, d.featureDr()),
                or(rc, d.featureRc()), label == null ? d.liLabel() : MobilityLabel.parse(label), bondCutoff, c, w, seed, threads.threads);
    }

    private static <T> T or(T v, T d) { return v == null ? d : v; }
}
