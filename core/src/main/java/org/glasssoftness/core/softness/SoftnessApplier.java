package org.glasssoftness.core.softness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSink;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Applies a {@link SoftnessModel}: softness S = (w . x' + b) / |w| of standardised features x' (or the raw decision
 * value w . x' + b when {@code rawDecision}), predicted class (decision &gt; 0) and probability of class 1.
 */
public final class SoftnessApplier {
    /** Name of the per-atom property appended to frames. */
    public static final String PROPERTY = "softness";

    private final SoftnessModel model;
    private final boolean rawDecision;

    public SoftnessApplier(SoftnessModel model, boolean rawDecision) {
        this.model = model;
        this.rawDecision = rawDecision;
    }

    /** Per-row results, aligned with the rows of the feature set. */
    public record Scores(FeatureSet features, double[] softness, double[] probability, int[] predictedClass) {
        /** Table: frame, timestep, id, species, softness, probability, predicted_class, predicted_label. */
        public ResultTable toTable(String name, List<String> classLabels) {
            String[] lab = new String[predictedClass.length];
            for (int i = 0; i < lab.length; i++) lab[i] = classLabels.get(predictedClass[i]);
            return ResultTable.builder(name).ints("frame", features.frame().clone()).longs("timestep", features.timestep().clone())
                    .longs("id", features.ids().clone()).strings("species", features.species().clone())
                    .doubles("softness", softness.clone()).doubles("probability", probability.clone())
                    .ints("predicted_class", predictedClass.clone()).strings("predicted_label", lab).build();
        }
    }

    public SoftnessModel model() { return model; }

    /** Scores every row; the feature definition must be the model's. */
    public Scores apply(FeatureSet fs) {
        model.requireCompatible(fs.definition(), fs.featureNames());
        return score(fs, fs.values());
    }

    /** Scores raw feature rows (n x d) already checked against the model. */
    public double[] softness(double[] x, int n) {
        int d = model.featureCount();
        double norm = model.weightNorm();
        double[] s = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double z = model.decision(x, i * d);
            s[i] = rawDecision ? z : z / norm;
        });
        return s;
    }

    private Scores score(FeatureSet fs, double[] x) {
        int n = fs.rows(), d = model.featureCount();
        double[] s = softness(x, n);
        double[] p = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            double z = model.decision(x, i * d);
            p[i] = LogisticRegressionSolver.sigmoid(z);
            c[i] = z > 0 ? 1 : 0;
        }
        return new Scores(fs, s, p, c);
    }

    /** Computes features of one frame and scores them. */
    public Scores apply(Frame f, int frameIndex) {
        return apply(new RadialFeatures(model.definition()).compute(f, frameIndex));
    }

    /**
     * The frame with per-atom property {@value #PROPERTY}: softness of the scored atoms, NaN for atoms outside the
     * focus species. The scores must come from this frame (matched by atom id).
     */
    public static Frame annotate(Frame f, Scores scores, int frameIndex) {
        double[] v = new double[f.atomCount()];
        Arrays.fill(v, Double.NaN);
        FeatureSet fs = scores.features();
        for (int r = 0; r < fs.rows(); r++) {
            if (fs.frame()[r] != frameIndex) continue;
            int i = f.indexOfId(fs.ids()[r]);
            if (i < 0) throw new IllegalArgumentException("scored atom id " + fs.ids()[r] + " is not in the frame at timestep " + f.timestep());
            v[i] = scores.softness()[r];
        }
        return f.withProperty(PROPERTY, v);
    }

    /** Result of scoring a whole trajectory. */
    public record TrajectoryResult(Scores scores, String[] group, ResultTable perAtom, ResultTable vsStrain) { }

    /**
     * Scores the selected frames (first and last must lie inside the trajectory), appends the softness property to each frame, and tabulates mean
     * softness per species versus engineering strain (L - L0) / L0 along {@code axis} (0, 1, 2 = x, y, z) relative to
     * the first scored frame (the study's Fig. 6b).
     *
     * @param annotated           receives each annotated frame in order as soon as it is scored (e.g. a FrameStore.Writer,
     *                            so memory does not grow with the number of frames); null = annotated frames not needed
     * @param coordinationSpecies when not null, each row's group is species[CN] with CN the number of atoms of this
     *                            species within {@code coordinationCutoff} Å (e.g. B[3], B[4]); else the species
     */
    public TrajectoryResult applyTrajectory(Trajectory t, FrameSelection selection, int axis, FrameSink annotated,
                                            String coordinationSpecies, double coordinationCutoff,
                                            Progress progress) throws IOException {
        int[] selected = selection.indicesWithin(t.frameCount());
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("strain axis must be 0, 1 or 2 (x, y, z), got " + axis);
        List<FeatureSet> parts = new ArrayList<>();
        List<Scores> scoreParts = new ArrayList<>();
        List<Integer> frameIdx = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        List<Double> strains = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        double l0 = Double.NaN;
        RadialFeatures rf = new RadialFeatures(model.definition());
        for (int sel = 0; sel < selected.length; sel++) {
            int k = selected[sel];
            progress.checkCanceled();
            progress.report((double) sel / selected.length, "softness, frame " + k);
            Frame f = t.frame(k);
            FeatureSet fs = rf.compute(f, k);
            Scores sc = apply(fs);
            if (annotated != null) annotated.accept(annotate(f, sc, k));
            int[] cn = coordinationSpecies == null ? null
                    : SoftnessStatistics.coordination(f, coordinationSpecies, coordinationCutoff);
            for (int r = 0; r < fs.rows(); r++) {
                groups.add(cn == null ? fs.species()[r] : fs.species()[r] + "[" + cn[f.indexOfId(fs.ids()[r])] + "]");
            }
            parts.add(fs);
            scoreParts.add(sc);
            double len = f.box().length(axis);
            if (Double.isNaN(l0)) l0 = len;
            frameIdx.add(k);
            steps.add(f.timestep());
            strains.add((len - l0) / l0);
        }
        FeatureSet all = RadialFeatures.concat(parts);
        Scores scores = concat(all, scoreParts);
        ResultTable vs = meanVsStrain(all, scores.softness(), frameIdx, steps, strains);
        return new TrajectoryResult(scores, groups.toArray(new String[0]), scores.toTable("softness", model.classLabels()), vs);
    }

    /** The per-frame scores in one piece, aligned with the concatenated feature set. */
    private static Scores concat(FeatureSet all, List<Scores> parts) {
        int n = all.rows(), o = 0;
        double[] s = new double[n], p = new double[n];
        int[] c = new int[n];
        for (Scores sc : parts) {
            int m = sc.softness().length;
            System.arraycopy(sc.softness(), 0, s, o, m);
            System.arraycopy(sc.probability(), 0, p, o, m);
            System.arraycopy(sc.predictedClass(), 0, c, o, m);
            o += m;
        }
        return new Scores(all, s, p, c);
    }

    private static ResultTable meanVsStrain(FeatureSet fs, double[] s, List<Integer> frameIdx, List<Long> steps,
                                            List<Double> strains) {
        List<String> species = new ArrayList<>();
        for (String sp : fs.species()) if (!species.contains(sp)) species.add(sp);
        java.util.Collections.sort(species);
        int nf = frameIdx.size(), ns = species.size();
        double[][] sum = new double[nf][ns], sum2 = new double[nf][ns];
        int[][] cnt = new int[nf][ns];
        java.util.Map<Integer, Integer> pos = new java.util.HashMap<>();
        for (int i = 0; i < nf; i++) pos.put(frameIdx.get(i), i);
        for (int r = 0; r < fs.rows(); r++) {
            int fi = pos.get(fs.frame()[r]), si = species.indexOf(fs.species()[r]);
            sum[fi][si] += s[r];
            sum2[fi][si] += s[r] * s[r];
            cnt[fi][si]++;
        }
        int rows = nf * ns;
        int[] frame = new int[rows], atoms = new int[rows];
        long[] ts = new long[rows];
        double[] strain = new double[rows], mean = new double[rows], sd = new double[rows];
        String[] sp = new String[rows];
        int o = 0;
        for (int i = 0; i < nf; i++) {
            for (int j = 0; j < ns; j++, o++) {
                frame[o] = frameIdx.get(i); ts[o] = steps.get(i); strain[o] = strains.get(i); sp[o] = species.get(j);
                atoms[o] = cnt[i][j];
                mean[o] = cnt[i][j] == 0 ? Double.NaN : sum[i][j] / cnt[i][j];
                sd[o] = cnt[i][j] == 0 ? Double.NaN : Math.sqrt(Math.max(0, sum2[i][j] / cnt[i][j] - mean[o] * mean[o]));
            }
        }
        return ResultTable.builder("softness_vs_strain").ints("frame", frame).longs("timestep", ts).doubles("strain", strain)
                .strings("species", sp).ints("atoms", atoms).doubles("mean_softness", mean).doubles("std_softness", sd).build();
    }
}
