package org.glasssoftness.cli.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.softness.CsvTables;
import org.glasssoftness.core.softness.FeatureComparison;
import org.glasssoftness.core.study.SoftnessStudy;
import org.glasssoftness.core.study.StudyComparison;
import org.glasssoftness.core.study.StudyFeatureComparison;
import org.glasssoftness.core.study.StudyGlass;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates docs/REPRODUCTION.md (and copies the figures next to it) from the output folder of {@code study}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the reproduction report (Markdown) from a study output folder: scale and protocol vs the"
                + " paper's, the comparison with the paper's numbers, per-glass numbers and the figures (copied next to it).")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--in", defaultValue = "study-out", description = "study output folder (default ${DEFAULT-VALUE})")
    Path in;

    @Option(names = "--out", defaultValue = "docs/REPRODUCTION.md", description = "report file (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--figures-dir", description = "folder for the figure copies (default: 'reproduction' next to --out)")
    Path figuresDir;

    /** Figure captions, in report order. */
    static final Map<String, String> CAPTIONS = new LinkedHashMap<>();

    static {
        CAPTIONS.put("rdf.png", "Total pair distribution function g(r) of each glass (unstrained, 300 K), curves offset (paper Fig. 1).");
        CAPTIONS.put("sq.png", "Neutron structure factor S(Q) (Faber-Ziman, Lorch window) of each glass, curves offset (paper Fig. 1).");
        CAPTIONS.put("stress_strain.png", "Stress-strain curves of the tensile test along x (paper Fig. 2).");
        CAPTIONS.put("bond_switch.png", "Fraction of B atoms whose B-O bonds switched (CN decreased or bond swapped) vs strain (paper Fig. 3).");
        CAPTIONS.put("d_cum.png", "Distributions of the cumulative non-affine displacement D_cum of Li over the 300 K NVT run (paper Fig. 3).");
        CAPTIONS.put("softness_B.png", "Softness of B in the unstrained glasses, [3]B vs [4]B (paper Fig. 4d and inset); values"
                + " between the 0.5 % and 99.5 % quantiles (the count left out is `b_softness_outside_histogram`).");
        CAPTIONS.put("softness_Li.png", "Softness of Li in each unstrained glass (paper Fig. 4c), central 99 % of the values.");
        CAPTIONS.put("p_rearrange.png", "Probability of rearrangement given the softness, P(R | S), for Li and B (paper Fig. 4b),"
                + " central 99 % of the softness values.");
        CAPTIONS.put("weights.png", "Weights w(r) of the logistic regression for the B-O (B model) and Li-O (Li model) radial features (paper Fig. 5).");
        CAPTIONS.put("softness_vs_strain.png", "Median softness of B vs strain, B model applied to every tension frame (paper"
                + " Fig. 6 shows the mean; the mean of each frame is in softness/<glass>_B_vs_strain.csv, but single atoms with"
                + " |S| ~ 1e3 dominate it at this size).");
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(in.resolve("summary.csv"))) {
            throw new IOException("study folder " + in + " has no summary.csv: run './glass-softness study --out " + in + "' first");
        }
        ResultTable summary = CsvTables.read(in.resolve("summary.csv"));
        ResultTable glasses = CsvTables.read(in.resolve("glasses.csv"));
        Map<String, String> st = settings(CsvTables.read(in.resolve("study_settings.csv")));
        Path cmpDir = in.resolve(StudyFeatureComparison.FOLDER);
        Map<String, ResultTable> cmp = new LinkedHashMap<>();
        for (String sp : StudyFeatureComparison.SPECIES) {
            Path f = cmpDir.resolve(sp.toLowerCase(Locale.ROOT) + "_comparison.csv");
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + " is missing: re-run './glass-softness study --out " + in + "' with the same"
                        + " settings (complete glasses are kept; only the study-wide step, with the comparison, runs)");
            }
            cmp.put(sp, CsvTables.read(f));
        }
        Map<String, String> cmpSettings = settings(CsvTables.read(cmpDir.resolve("comparison_settings.csv")));
        Path figs = figuresDir != null ? figuresDir : out.toAbsolutePath().getParent().resolve("reproduction");
        Files.createDirectories(figs);
        Path figIn = in.resolve("figures");
        for (String f : StudyFigures.FILES) {
            Path src = figIn.resolve(f);
            if (!Files.isRegularFile(src)) throw new IOException("figure " + src + " is missing: run study without --no-figures");
            Path tmp = AtomicFiles.tempFileFor(figs.resolve(f));
            Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.replace(tmp, figs.resolve(f));
        }
        String rel = out.toAbsolutePath().getParent().relativize(figs.toAbsolutePath()).toString().replace('\\', '/');
        String md = markdown(summary, glasses, st, rel, cmp, cmpSettings);
        AtomicFiles.write(out, o -> o.write(md.getBytes(StandardCharsets.UTF_8)));
        List<StudyComparison.Row> rows = StudyComparison.compare(summary);
        long agree = rows.stream().filter(StudyComparison.Row::agrees).count();
        System.out.printf(Locale.ROOT, "report: scale %s, %d of %d claims of the paper agree, %d figures -> %s (figures in %s)%n",
                st.get("scale"), agree, rows.size(), StudyFigures.FILES.size(), out, figs);
        return 0;
    }

    private static Map<String, String> settings(ResultTable t) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] k = t.column("setting").strings(), v = t.column("value").strings();
        for (int i = 0; i < k.length; i++) m.put(k[i], v[i]);
        return m;
    }

    /** The report text. */
    static String markdown(ResultTable summary, ResultTable glasses, Map<String, String> st, String figRel,
                           Map<String, ResultTable> comparisons, Map<String, String> cmpSettings) {
        StringBuilder b = new StringBuilder();
        String scale = st.get("scale");
        int[] atoms = ints(glasses, "atoms");
        int minA = java.util.Arrays.stream(atoms).min().orElse(0), maxA = java.util.Arrays.stream(atoms).max().orElse(0);
        b.append("# Reproduction of the softness study (Du et al., Materials Today Energy 2023)\n\n");
        b.append("Generated by `./glass-softness report` from the outputs of `./glass-softness study --scale ").append(scale)
                .append("` (seed ").append(st.get("seed")).append("). Regenerate with\n\n```sh\n./glass-softness study --scale ")
                .append(scale).append(" --out study-out\n./glass-softness report --in study-out --out docs/REPRODUCTION.md\n```\n\n");
        if (!"full".equals(scale)) {
            b.append("**Scale.** This is the `").append(scale).append("` scale, not the paper's protocol: ").append(minA)
                    .append("-").append(maxA).append(" atoms per glass instead of ~10,000, a melt-quench of ")
                    .append(st.get("quench_ps")).append(" ps instead of ~2,950 ps (the 1 K/ps `melt-quench` preset), ").append(st.get("nvt_ps"))
                    .append(" ps at 300 K instead of 1 ns, tension ").append(rate(st)).append(" times faster than the paper's,")
                    .append(" one glass per composition instead of three. The glasses are therefore far less relaxed and the")
                    .append(" labels far noisier than the paper's; the numbers below test that the chain runs end to end and show")
                    .append(" which trends already appear at this size, not that the paper is reproduced. `--scale full` runs")
                    .append(" the paper's protocol (days of CPU time per glass).\n\n");
        }
        b.append("## Scale and protocol\n\n| | ours | paper (Methods 4.1-4.6) |\n|---|---|---|\n");
        row(b, "glasses", "9 (one sample each)", "9 compositions, 3 samples each");
        row(b, "atoms per glass", minA == maxA ? Integer.toString(minA) : minA + "-" + maxA, "~10,000");
        row(b, "force field", st.get("force_field") + ", cutoff " + st.get("cutoff_A") + " Å, PPPM " + st.get("kspace_accuracy"),
                "Deng-Du Buckingham + Coulomb, PPPM 1e-5");
        row(b, "melt-quench", "`" + st.get("quench_stages") + "`: " + st.get("quench_ps") + " ps, cooling "
                + st.get("quench_rate_K_per_ps") + " K/ps", "3000 K, cooling at 1 K/ps to 300 K (NPT 0 bar), relaxation");
        row(b, "NVT 300 K (Li dynamics)", st.get("nvt_ps") + " ps, frame every " + st.get("nvt_dump_every") + " steps",
                "1 ns, frame every 1 ps");
        row(b, "tension (B dynamics)", "x, " + st.get("tension_strain_rate_per_ps") + "/ps to strain " + st.get("tension_final_strain")
                + ", glass replicated " + st.get("replicate_x") + "x along x", "x, 0.05/ps (5e10 1/s) to strain 1.0, replicated 2x");
        row(b, "Li label", st.get("li_label"), "D_cum > D_c = 360 Å (about 30 % mobile)");
        row(b, "B label", "switched (" + st.get("b_switched_classes") + ", B-O cutoff " + st.get("b_bond_cutoff_A")
                + " Å) at the last tension frame", "bond switching under tension");
        row(b, "radial features", "dr " + st.get("feature_dr_A") + " Å, R_c " + st.get("feature_rc_A") + " Å, neighbours "
                + st.get("feature_neighbours"), "dr 0.2 Å, R_c 10 Å");
        row(b, "classifier", "L2 logistic regression, C " + st.get("lr_C") + ", class weight " + st.get("lr_class_weight"),
                "logistic regression");
        row(b, "train / test", "Li: fixed-B2O3 series, B: fixed-Li2O series (x = -10, -5, 5, 10); test Li40B30P30",
                "the same (Methods 4.6)");
        b.append("\n## Our numbers against the paper's\n\n| claim | paper | ours | agrees | criterion |\n|---|---|---|---|---|\n");
        for (StudyComparison.Row r : StudyComparison.compare(summary)) {
            b.append("| ").append(r.claim()).append(" | ").append(r.paper()).append(" | ").append(r.ours()).append(" | ")
                    .append(r.agrees() ? "yes" : "**no**").append(" | ").append(r.criterion()).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nThe test glass holds %d Li (%d labelled mobile) and %d B (%d labelled switched);"
                        + " with so few atoms an accuracy moves by %.3f (Li) and %.3f (B) per atom, and a classifier that"
                        + " predicts only the majority class already scores %.3f (Li) and %.3f (B): read the accuracies with"
                        + " the balanced accuracies and ROC AUC below.%n",
                (int) StudyComparison.value(summary, "li_test_rows"), (int) StudyComparison.value(summary, "li_test_positive_rows"),
                (int) StudyComparison.value(summary, "b_test_rows"), (int) StudyComparison.value(summary, "b_test_positive_rows"),
                1 / StudyComparison.value(summary, "li_test_rows"), 1 / StudyComparison.value(summary, "b_test_rows"),
                majority(summary, "li"), majority(summary, "b")));
        double maxAbs = StudyComparison.value(summary, "b_softness_max_abs");
        if (maxAbs > 10) {
            b.append(String.format(Locale.ROOT, "%nThe largest |S| of a B atom is %.3g: a few atoms of these briefly quenched"
                    + " glasses sit in environments that never occur in the training glasses (e.g. a Li about 1.8 Å from a B),"
                    + " where a radial feature that is almost constant in training (standard deviation ~1e-19) is standardised"
                    + " into a huge value. They are real outputs of the chain, kept in the CSVs and dumps; the histograms and"
                    + " P(R | S) show the central 99 %% (%d Li and %d B values left out), the modes are found there too, the"
                    + " per-glass <S> below are plain means and include them.%n", maxAbs,
                    (int) StudyComparison.value(summary, "li_softness_outside_histogram"),
                    (int) StudyComparison.value(summary, "b_softness_outside_histogram")));
        }
        b.append("\nAll values come from `summary.csv` of the study folder:\n\n| quantity | value |\n|---|---|\n");
        String[] q = summary.column("quantity").strings();
        double[] v = org.glasssoftness.core.softness.FeatureTables.numeric(summary, "value");
        for (int i = 0; i < q.length; i++) b.append("| ").append(q[i]).append(" | ").append(num(v[i])).append(" |\n");
        b.append("\n## Per glass\n\n| glass | series | role | atoms | density (g/cm³) | [4]B | Li mobile | B switched | max stress (GPa) |"
                + " <S> Li | <S> B |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        String[] names = glasses.column("glass").strings();
        for (int i = 0; i < names.length; i++) {
            b.append("| ").append(names[i]).append(" | ").append(glasses.column("series").strings()[i]).append(" | ")
                    .append(glasses.column("role").strings()[i]).append(" | ").append(atoms[i]).append(" | ")
                    .append(f(glasses, "density_g_cm3", i, "%.3f")).append(" | ").append(f(glasses, "fraction_B4", i, "%.3f"))
                    .append(" | ").append(f(glasses, "li_mobile_fraction", i, "%.3f")).append(" | ")
                    .append(f(glasses, "b_switched_fraction", i, "%.3f")).append(" | ").append(f(glasses, "max_stress_GPa", i, "%.2f"))
                    .append(" | ").append(f(glasses, "mean_softness_Li", i, "%.3f")).append(" | ")
                    .append(f(glasses, "mean_softness_B", i, "%.3f")).append(" |\n");
        }
        angularSection(b, summary, comparisons, cmpSettings);
        b.append("\n## Figures\n\n");
        for (var e : CAPTIONS.entrySet()) {
            b.append("![").append(e.getKey()).append("](").append(figRel).append('/').append(e.getKey()).append(")\n\n")
                    .append(e.getValue()).append("\n\n");
        }
        b.append("Files of each glass: ").append(String.join(", ", SoftnessStudy.GLASS_FILES)).append(", ")
                .append(SoftnessStudy.GLASS_MARKER).append("; study-wide: models/, softness/, comparison/, figures/, glasses.csv,"
                        + " summary.csv, study_settings.csv.\n");
        return b.toString();
    }

    /** Model names of the report's comparison table. */
    static final Map<String, String> MODEL_NAMES = Map.of(FeatureComparison.RADIAL, "radial (G)",
            FeatureComparison.ANGULAR, "angular (Psi)", FeatureComparison.COMBINED, "radial+angular");

    /** "Beyond the study": the comparison table (from DIR/comparison/) and one verdict per species (from summary.csv). */
    private static void angularSection(StringBuilder b, ResultTable summary, Map<String, ResultTable> comparisons,
                                       Map<String, String> cs) {
        b.append("\n## Beyond the study: angular features\n\n");
        b.append("Issue #10 asks whether the angular structure functions of Schoenholz et al. (2016),")
                .append(" Psi_XY(i; xi, lambda, zeta), raise the accuracy above the radial-only model on the same data. The study")
                .append(" answers it in its study-wide step (`DIR/comparison/`): for each model the same glasses as above (")
                .append(cs.get("cv")).append(": Li ").append(cs.get("li_training_glasses")).append("; B ")
                .append(cs.get("b_training_glasses")).append("), test on ").append(cs.get("test_glass"))
                .append(". Three logistic regressions (C ").append(cs.get("lr_C")).append(", class weight ")
                .append(cs.get("lr_class_weight")).append(", scaler fitted on the training folds only) on the same atoms:")
                .append(" radial G only (the study's model), angular Psi only, and both. Angular features: neighbours ")
                .append(cs.get("angular_neighbours")).append(", R_c ").append(cs.get("angular_cutoff_A")).append(" Å, xi ")
                .append(cs.get("angular_xi_A")).append(" Å, lambda ").append(cs.get("angular_lambda")).append(", zeta ")
                .append(cs.get("angular_zeta")).append(", on the configuration of the radial features (Li: ")
                .append(cs.get("li_configuration")).append(", B: ").append(cs.get("b_configuration")).append(").")
                .append(" CV values are mean ± standard deviation over the four folds (one held-out glass each); test values")
                .append(String.format(Locale.ROOT, " come from the one test glass (%d Li, %d B), where one atom moves the accuracy by %.3f (Li)",
                        (int) StudyComparison.value(summary, "li_test_rows"), (int) StudyComparison.value(summary, "b_test_rows"),
                        1 / StudyComparison.value(summary, "li_test_rows")))
                .append(String.format(Locale.ROOT, " or %.3f (B).\n\n", 1 / StudyComparison.value(summary, "b_test_rows")));
        b.append("| species | features | columns | CV accuracy | CV balanced accuracy | CV ROC AUC | test accuracy | test balanced accuracy"
                + " | test ROC AUC |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var e : comparisons.entrySet()) {
            ResultTable t = e.getValue();
            for (String m : StudyFeatureComparison.models(t)) {
                b.append("| ").append(e.getKey()).append(" | ").append(MODEL_NAMES.getOrDefault(m, m)).append(" | ")
                        .append((int) StudyFeatureComparison.value(t, m, "test", "features"));
                for (String metric : List.of("accuracy", "balanced_accuracy", "roc_auc")) {
                    b.append(String.format(Locale.ROOT, " | %.3f ± %.3f", StudyFeatureComparison.value(t, m, "cv_mean", metric),
                            StudyFeatureComparison.value(t, m, "cv_std", metric)));
                }
                for (String metric : List.of("accuracy", "balanced_accuracy", "roc_auc")) {
                    b.append(String.format(Locale.ROOT, " | %.3f", StudyFeatureComparison.value(t, m, "test", metric)));
                }
                b.append(" |\n");
            }
        }
        b.append("\n");
        for (String sp : comparisons.keySet()) {
            String k = sp.toLowerCase(Locale.ROOT) + "_cmp_";
            b.append("- **").append(sp).append(" model:** ").append(StudyFeatureComparison.verdict(
                    StudyComparison.value(summary, k + "radial_cv_balanced_accuracy_mean"),
                    StudyComparison.value(summary, k + "radial_cv_balanced_accuracy_std"),
                    StudyComparison.value(summary, k + "radial_test_balanced_accuracy"),
                    StudyComparison.value(summary, k + "combined_cv_balanced_accuracy_mean"),
                    StudyComparison.value(summary, k + "combined_cv_balanced_accuracy_std"),
                    StudyComparison.value(summary, k + "combined_test_balanced_accuracy")))
                    .append(String.format(Locale.ROOT, " (ROC AUC: test %+.3f, CV mean %+.3f).%n",
                            StudyComparison.value(summary, k + "combined_test_roc_auc") - StudyComparison.value(summary, k + "radial_test_roc_auc"),
                            StudyComparison.value(summary, k + "combined_cv_roc_auc_mean") - StudyComparison.value(summary, k + "radial_cv_roc_auc_mean")));
        }
        b.append("\nThe angular-only rows are shown for reference; the verdicts compare radial+angular with radial, the")
                .append(" question of issue #10. The fold and test rows, and the decision values of every test atom, are in `comparison/{li,b}_comparison.csv`")
                .append(" and `comparison/{li,b}_test_scores.csv`; the radial and radial+angular numbers are also in `summary.csv`")
                .append(" (`*_cmp_*`). The radial model's test row is the study's model (same rows, scaler and solver).\n");
    }

    /** Accuracy of always predicting the larger class of the test set. */
    private static double majority(ResultTable summary, String k) {
        double n = StudyComparison.value(summary, k + "_test_rows"), p = StudyComparison.value(summary, k + "_test_positive_rows");
        return Math.max(p, n - p) / n;
    }

    private static String rate(Map<String, String> st) {
        try {
            return String.format(Locale.ROOT, "%.0f", Double.parseDouble(st.get("tension_strain_rate_per_ps")) / 0.05);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static void row(StringBuilder b, String k, String ours, String paper) {
        b.append("| ").append(k).append(" | ").append(ours).append(" | ").append(paper).append(" |\n");
    }

    private static int[] ints(ResultTable t, String c) {
        double[] v = org.glasssoftness.core.softness.FeatureTables.numeric(t, c);
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (int) Math.round(v[i]);
        return r;
    }

    private static String f(ResultTable t, String c, int i, String fmt) {
        return String.format(Locale.ROOT, fmt, org.glasssoftness.core.softness.FeatureTables.numeric(t, c)[i]);
    }

    /** A summary value as written in the report: shortest round-trip form (so the report equals summary.csv). */
    static String num(double v) { return Double.toString(v); }

    /** The glasses in report order (for tests). */
    static List<StudyGlass> glasses() { return StudyGlass.all(); }
}
