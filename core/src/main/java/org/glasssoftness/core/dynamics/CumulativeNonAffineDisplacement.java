package org.glasssoftness.core.dynamics;

import java.io.IOException;
import java.util.Objects;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.parallel.Workers;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Cumulative non-affine displacement D_cum (Å) of every atom of one species, the study's Eq. 8: the sum over
 * consecutive intervals (frames first, first + stride, ...) of sqrt(D2min), with D2min from
 * {@link NonAffineDisplacement}. Frames are read one at a time (two held at once), so memory does not depend on the
 * trajectory length; each interval is computed in parallel over the centre atoms.
 *
 * <p>An interval in which an atom's neighbourhood is degenerate adds nothing to its D_cum and is counted in its
 * {@code degenerate_intervals}; every frame must hold the same atom ids as the first frame of the range.
 */
public final class CumulativeNonAffineDisplacement {

    /**
     * @param species         centre species whose D_cum is computed (default Li)
     * @param cutoff          D2min neighbour cutoff, Å (default 4)
     * @param neighborSpecies only neighbours of this species, or null for all (default)
     * @param minNeighbors    smallest neighbour count for a valid fit (default 4)
     * @param firstFrame      first frame of the range (0-based)
     * @param lastFrame       last frame, inclusive; -1 = the last frame
     * @param stride          frames between the two ends of an interval
     * @param label           mobile / immobile rule
     * @param threads         worker threads, 0 = all processors
     */
    public record Settings(String species, double cutoff, String neighborSpecies, int minNeighbors, int firstFrame,
                           int lastFrame, int stride, MobilityLabel label, int threads) {
        public Settings {
            Objects.requireNonNull(species, "species");
            Objects.requireNonNull(label, "label");
        }

        public static Settings defaults() {
            return new Settings("Li", NonAffineDisplacement.DEFAULT_CUTOFF_A, null,
                    NonAffineDisplacement.DEFAULT_MIN_NEIGHBORS, 0, -1, 1, MobilityLabel.defaults(), 0);
        }

        public Settings withSpecies(String s) { return new Settings(s, cutoff, neighborSpecies, minNeighbors, firstFrame, lastFrame, stride, label, threads); }
        public Settings withCutoff(double c) { return new Settings(species, c, neighborSpecies, minNeighbors, firstFrame, lastFrame, stride, label, threads); }
        public Settings withNeighborSpecies(String s) { return new Settings(species, cutoff, s, minNeighbors, firstFrame, lastFrame, stride, label, threads); }
        public Settings withMinNeighbors(int m) { return new Settings(species, cutoff, neighborSpecies, m, firstFrame, lastFrame, stride, label, threads); }
        public Settings withFrames(int first, int last, int str) { return new Settings(species, cutoff, neighborSpecies, minNeighbors, first, last, str, label, threads); }

        /** The frame range as the shared selection type (validated when an analysis runs). */
        public FrameSelection frames() { return new FrameSelection(firstFrame, lastFrame, stride); }
        public Settings withLabel(MobilityLabel l) { return new Settings(species, cutoff, neighborSpecies, minNeighbors, firstFrame, lastFrame, stride, l, threads); }
        public Settings withThreads(int t) { return new Settings(species, cutoff, neighborSpecies, minNeighbors, firstFrame, lastFrame, stride, label, t); }
    }

    /**
     * Result, one entry per atom of the species in id order.
     *
     * @param curveTimestep   timestep at the end of each interval
     * @param curveMeanDcum   mean D_cum (Å) of the species after each interval
     * @param curveDegenerate degenerate neighbourhoods in each interval
     */
    public record Result(String species, long[] ids, double[] dcum, int intervals, int[] degenerateIntervals,
                         int[] mobile, MobilityLabel label, boolean unwrapped, long[] curveTimestep,
                         double[] curveMeanDcum, int[] curveDegenerate) {

        public int mobileCount() {
            int c = 0;
            for (int m : mobile) c += m;
            return c;
        }

        public int totalDegenerate() {
            int c = 0;
            for (int d : degenerateIntervals) c += d;
            return c;
        }

        /** d_cum: id, species, D_cum_A, n_intervals, degenerate_intervals, mobile (1/0), class. */
        public ResultTable table() {
            int n = ids.length;
            String[] sp = new String[n];
            int[] ni = new int[n];
            java.util.Arrays.fill(sp, species);
            java.util.Arrays.fill(ni, intervals);
            return ResultTable.builder("d_cum").longs("id", ids).strings("species", sp).doubles("D_cum_A", dcum)
                    .ints("n_intervals", ni).ints("degenerate_intervals", degenerateIntervals)
                    .ints("mobile", mobile).strings("class", MobilityLabel.classNames(mobile)).build();
        }

        /** d_cum_curve: interval, timestep, mean_D_cum_A, degenerate (the growth of D_cum, cf. the study's Fig. 3d). */
        public ResultTable curveTable() {
            int[] k = new int[curveTimestep.length];
            for (int i = 0; i < k.length; i++) k[i] = i + 1;
            return ResultTable.builder("d_cum_curve").ints("interval", k).longs("timestep", curveTimestep)
                    .doubles("mean_D_cum_A", curveMeanDcum).ints("degenerate", curveDegenerate).build();
        }
    }

    private final Settings settings;
    private final NonAffineDisplacement d2min;

    public CumulativeNonAffineDisplacement(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.d2min = new NonAffineDisplacement(settings.cutoff(), settings.neighborSpecies(), settings.minNeighbors());
    }

    public Settings settings() { return settings; }

    /**
     * @throws IllegalArgumentException for fewer than two frames in the range, a missing species, or a frame whose
     *                                  atom ids differ from the first one (the message names the frame)
     */
    public Result compute(Trajectory trajectory, Progress progress) throws IOException {
        int[] frames = FrameChecks.frameIndices(trajectory, settings.frames(), 2, "D_cum");
        Frame ref = trajectory.frame(frames[0]);
        int s = FrameChecks.speciesIndex(ref, frames[0], settings.species(), "D_cum");
        if (settings.neighborSpecies() != null) {
            FrameChecks.speciesIndex(ref, frames[0], settings.neighborSpecies().trim(), "neighbour");
        }
        int[] centres = FrameChecks.atomsOf(ref, s);
        int n = centres.length;
        if (n == 0) {
            throw new IllegalArgumentException("D_cum species '" + settings.species() + "' has no atoms in "
                    + FrameChecks.label(frames[0], ref));
        }
        long[] ids = new long[n];
        for (int q = 0; q < n; q++) ids[q] = ref.ids()[centres[q]];
        double[] dcum = new double[n];
        int[] degenerate = new int[n];
        double[] d2 = new double[n];
        int[] m = new int[n];
        boolean[] deg = new boolean[n];
        int intervals = frames.length - 1;
        long[] curveStep = new long[intervals];
        double[] curveMean = new double[intervals];
        int[] curveDeg = new int[intervals];
        boolean allUnwrapped = true;
        Frame prev = ref;
        try (Workers w = new Workers(settings.threads())) {
            for (int k = 1; k <= intervals; k++) {
                progress.checkCanceled();
                Frame cur = trajectory.frame(frames[k]);
                FrameChecks.sameAtoms(ref, frames[0], cur, frames[k]);
                allUnwrapped &= d2min.computeInto(prev, cur, centres, w, d2, m, deg);
                double sum = 0;
                int nd = 0;
                for (int q = 0; q < n; q++) {
                    if (deg[q]) {
                        degenerate[q]++;
                        nd++;
                    } else {
                        dcum[q] += Math.sqrt(d2[q]);
                    }
                    sum += dcum[q];
                }
                curveStep[k - 1] = cur.timestep();
                curveMean[k - 1] = n == 0 ? 0 : sum / n;
                curveDeg[k - 1] = nd;
                prev = cur;
                progress.report((double) k / intervals, "D_cum interval " + k + " of " + intervals);
            }
        }
        int[] mobile = settings.label().apply(dcum, ids);
        return new Result(settings.species(), ids, dcum, intervals, degenerate, mobile, settings.label(), allUnwrapped,
                curveStep, curveMean, curveDeg);
    }
}
